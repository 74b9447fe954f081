package org.portops.ingest.event;

import io.vertx.core.Future;
import java.util.function.UnaryOperator;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.IllegalTransitionException;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;

/**
 * Moves a work instruction through its life-cycle on a machine's instruction events. Refuses, with the reason, an
 * event about an unknown instruction, from a machine the instruction is not assigned to, or asking for a
 * transition the state machine does not allow.
 */
public final class InstructionLifecycle {

    /** What became of an instruction event. */
    public record Settlement(EventOutcome outcome, String text) {
    }

    private final LiveYard yard;

    public InstructionLifecycle(LiveYard yard) {
        this.yard = yard;
    }

    /**
     * @param transition the next version of the instruction; the same instance when the event changes nothing
     */
    public Future<Settlement> apply(EquipmentId machine, WorkInstructionId id, UnaryOperator<WorkInstruction> transition) {
        return yard.reader().workInstruction(id).compose(found -> {
            if (found.isEmpty()) {
                return refused("unknown work instruction " + id);
            }
            WorkInstruction current = found.get();
            if (!current.assigned().contains(machine)) {
                return refused("work instruction " + id + " is assigned to " + current.assigned() + ", not " + machine);
            }
            WorkInstruction next;
            try {
                next = transition.apply(current);
            } catch (IllegalTransitionException e) {
                return refused(e.getMessage());
            }
            if (next == current) {
                return Future.succeededFuture(new Settlement(EventOutcome.INSTRUCTION_UPDATED,
                        "no change: " + id + " stays " + current.state()));
            }
            return yard.updateInstruction(next).map(result -> switch (result) {
                case ChangeResult.Applied applied -> new Settlement(EventOutcome.INSTRUCTION_UPDATED,
                        id + " " + current.state() + " -> " + next.state());
                case ChangeResult.Refused refusal -> new Settlement(EventOutcome.INSTRUCTION_REFUSED, refusal.reason());
            });
        });
    }

    private static Future<Settlement> refused(String reason) {
        return Future.succeededFuture(new Settlement(EventOutcome.INSTRUCTION_REFUSED, reason));
    }
}
