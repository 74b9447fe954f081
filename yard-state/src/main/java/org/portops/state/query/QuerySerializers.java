package org.portops.state.query;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.List;
import java.util.function.Function;

/** Compact serializers of the readers' projections: each carries one container number. */
public final class QuerySerializers {

    private QuerySerializers() {
    }

    public static List<CompactSerializer<?>> all() {
        return List.of(
                new ByContainer<>("portops.query.BayPlanOf", BayPlanOf.class, BayPlanOf::new, BayPlanOf::container));
    }

    private record ByContainer<T>(String typeName, Class<T> type, Function<String, T> of,
                                  Function<T, String> container) implements CompactSerializer<T> {

        @Override
        public T read(CompactReader in) {
            return of.apply(in.readString("container"));
        }

        @Override
        public void write(CompactWriter out, T query) {
            out.writeString("container", container.apply(query));
        }

        @Override
        public String getTypeName() {
            return typeName;
        }

        @Override
        public Class<T> getCompactClass() {
            return type;
        }
    }
}
