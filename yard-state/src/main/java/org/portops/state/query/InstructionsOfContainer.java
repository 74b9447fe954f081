package org.portops.state.query;

import com.hazelcast.query.Predicate;
import java.util.Map;
import org.portops.model.work.WorkInstruction;

/**
 * Selects one container's work instructions where they are stored, so a reader receives those few instead of every
 * instruction of the terminal. The maps are in {@code OBJECT} format: the test reads the stored record, nothing is
 * deserialized.
 */
public record InstructionsOfContainer(String container) implements Predicate<String, WorkInstruction> {

    @Override
    public boolean apply(Map.Entry<String, WorkInstruction> entry) {
        return entry.getValue().container().value().equals(container);
    }
}
