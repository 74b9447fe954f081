package org.portops.state.alert;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.time.Instant;
import java.util.List;
import org.portops.model.event.AlertKind;

/** Compact serializers of the alert board's values and processors; times as epoch seconds plus nanoseconds. */
public final class AlertSerializers {

    private AlertSerializers() {
    }

    public static List<CompactSerializer<?>> all() {
        return List.of(new ActiveAlertSerializer(), new RaiseAlertSerializer(), new ClearAlertSerializer(),
                new AcknowledgeAlertSerializer());
    }

    private static void writeInstant(CompactWriter out, String name, Instant instant) {
        out.writeNullableInt64(name + "Seconds", instant == null ? null : instant.getEpochSecond());
        out.writeInt32(name + "Nanos", instant == null ? 0 : instant.getNano());
    }

    private static Instant readInstant(CompactReader in, String name) {
        Long seconds = in.readNullableInt64(name + "Seconds");
        return seconds == null ? null : Instant.ofEpochSecond(seconds, in.readInt32(name + "Nanos"));
    }

    static final class ActiveAlertSerializer implements CompactSerializer<ActiveAlert> {
        @Override
        public ActiveAlert read(CompactReader in) {
            return new ActiveAlert(AlertKind.valueOf(in.readString("kind")), in.readString("subject"),
                    in.readString("aspect"), in.readString("text"), readInstant(in, "firstSeen"),
                    readInstant(in, "lastSeen"), in.readInt64("occurrences"), in.readString("acknowledgedBy"),
                    readInstant(in, "acknowledgedAt"));
        }

        @Override
        public void write(CompactWriter out, ActiveAlert a) {
            out.writeString("kind", a.kind().name());
            out.writeString("subject", a.subject());
            out.writeString("aspect", a.aspect());
            out.writeString("text", a.text());
            writeInstant(out, "firstSeen", a.firstSeen());
            writeInstant(out, "lastSeen", a.lastSeen());
            out.writeInt64("occurrences", a.occurrences());
            out.writeString("acknowledgedBy", a.acknowledgedBy());
            writeInstant(out, "acknowledgedAt", a.acknowledgedAt());
        }

        @Override
        public String getTypeName() {
            return "portops.state.ActiveAlert";
        }

        @Override
        public Class<ActiveAlert> getCompactClass() {
            return ActiveAlert.class;
        }
    }

    static final class RaiseAlertSerializer implements CompactSerializer<RaiseAlert> {
        @Override
        public RaiseAlert read(CompactReader in) {
            return new RaiseAlert(AlertKind.valueOf(in.readString("kind")), in.readString("subject"),
                    in.readString("aspect"), in.readString("text"), readInstant(in, "at"), in.readInt64("occurrences"));
        }

        @Override
        public void write(CompactWriter out, RaiseAlert p) {
            out.writeString("kind", p.kind().name());
            out.writeString("subject", p.subject());
            out.writeString("aspect", p.aspect());
            out.writeString("text", p.text());
            writeInstant(out, "at", p.at());
            out.writeInt64("occurrences", p.occurrences());
        }

        @Override
        public String getTypeName() {
            return "portops.state.RaiseAlert";
        }

        @Override
        public Class<RaiseAlert> getCompactClass() {
            return RaiseAlert.class;
        }
    }

    static final class ClearAlertSerializer implements CompactSerializer<ClearAlert> {
        @Override
        public ClearAlert read(CompactReader in) {
            return new ClearAlert();
        }

        @Override
        public void write(CompactWriter out, ClearAlert p) {
            // a processor without parameters has no fields to write
        }

        @Override
        public String getTypeName() {
            return "portops.state.ClearAlert";
        }

        @Override
        public Class<ClearAlert> getCompactClass() {
            return ClearAlert.class;
        }
    }

    static final class AcknowledgeAlertSerializer implements CompactSerializer<AcknowledgeAlert> {
        @Override
        public AcknowledgeAlert read(CompactReader in) {
            return new AcknowledgeAlert(in.readString("operator"), readInstant(in, "at"));
        }

        @Override
        public void write(CompactWriter out, AcknowledgeAlert p) {
            out.writeString("operator", p.operator());
            writeInstant(out, "at", p.at());
        }

        @Override
        public String getTypeName() {
            return "portops.state.AcknowledgeAlert";
        }

        @Override
        public Class<AcknowledgeAlert> getCompactClass() {
            return AcknowledgeAlert.class;
        }
    }
}
