package org.portops.state.work;

import com.hazelcast.map.EntryProcessor;
import org.portops.model.work.WorkInstruction;

import java.util.Map;

/**
 * Stores a new work instruction or its next version. The state may only follow the instruction's state machine,
 * and a version older than the one held is refused.
 *
 * @return null when applied, else why not
 */
public record PutWorkInstruction(WorkInstruction instruction)
        implements EntryProcessor<String, WorkInstruction, String> {

    @Override
    public String process(Map.Entry<String, WorkInstruction> entry) {
        String refusal = check(entry.getValue(), instruction);
        if (refusal == null) {
            entry.setValue(instruction);
        }
        return refusal;
    }

    /** Why {@code next} may not replace {@code current}, or null when it may. */
    public static String check(WorkInstruction current, WorkInstruction next) {
        if (current == null) {
            return null;
        }
        if (next.updatedAt().isBefore(current.updatedAt())) {
            return "work instruction " + next.id() + " was updated at " + current.updatedAt()
                    + ", after this version (" + next.updatedAt() + ")";
        }
        if (current.state() != next.state() && !current.state().canGoTo(next.state())) {
            return "work instruction " + next.id() + " cannot go from " + current.state() + " to " + next.state()
                    + " (allowed from " + current.state() + ": "
                    + (current.state().next().isEmpty() ? "none" : current.state().next()) + ")";
        }
        return null;
    }
}
