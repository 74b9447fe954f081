package org.portops.map.cab;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;

/**
 * The crane cab's desk: a machine's work list (the current instruction and the next ones) and the driver's
 * confirmations and exceptions, applied to the live yard.
 *
 * <p>A command is applied only from the state the driver saw, as a compare-and-set on the live yard, so it can never
 * apply twice, whatever the network does: a retry that finds the instruction already in the command's target state
 * is answered {@link CabOutcome.Replayed}. Retries with the same idempotency key while the first is still under way
 * share its answer; a key used for another command is refused.
 */
public final class CabDesk {

    /** The current instruction and the next five. */
    public static final int WORK_LIST_LENGTH = 6;
    private static final int REMEMBERED_KEYS = 10_000;

    /** A machine's state and its open instructions, the current one first. */
    public record WorkList(EquipmentId machine, Optional<EquipmentState> state, List<WorkInstruction> instructions) {
    }

    private record Pressed(CabCommand command, Future<CabOutcome> outcome) {
    }

    private final LiveYard yard;
    private final Clock clock;
    private final Map<String, Pressed> pressed = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pressed> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    };

    public CabDesk(LiveYard yard, Clock clock) {
        this.yard = yard;
        this.clock = clock;
    }

    /** Who reads a work list: the driver sees the work sent to the cab, the operator the plan ahead as well. */
    public enum Reader {
        /** The cab tablet: in progress, dispatched, suspended; planned moves are not the driver's yet. */
        CAB,
        /** The operator map: the cab's list, then the crane's planned moves in plan sequence (to explain, override). */
        OPERATOR
    }

    /**
     * The machine's open instructions as its cab shows them: the one in progress first, then the dispatched ones in
     * plan sequence, then the suspended ones (they wait for a planner), at most {@link #WORK_LIST_LENGTH}.
     */
    public Future<WorkList> workList(EquipmentId machine) {
        return workList(machine, Reader.CAB);
    }

    /**
     * The machine's open instructions for {@code reader}, at most {@link #WORK_LIST_LENGTH}; for the operator the
     * planned moves follow the dispatched ones (before the suspended), in plan sequence.
     */
    public Future<WorkList> workList(EquipmentId machine, Reader reader) {
        Future<Optional<EquipmentState>> state = yard.reader().equipment(machine);
        Future<List<WorkInstruction>> all = yard.reader().workInstructions();
        return Future.all(state, all).map(done -> new WorkList(machine, state.result(), all.result().stream()
                .filter(w -> w.assigned().contains(machine) && !w.state().isTerminal()
                        && (reader == Reader.OPERATOR || w.state() != WorkInstructionState.PLANNED))
                .sorted(Comparator.comparingInt((WorkInstruction w) -> rank(w.state()))
                        .thenComparingLong(WorkInstruction::sequence)
                        .thenComparing(w -> w.id().value()))
                .limit(WORK_LIST_LENGTH)
                .toList()));
    }

    /** Applies a confirmation or an exception; see the class comment for retries. */
    public Future<CabOutcome> apply(CabCommand command) {
        Pressed before;
        synchronized (pressed) {
            before = pressed.get(command.key());
            if (before == null) {
                Pressed now = new Pressed(command, Future.future(promise -> applyOnce(command).onComplete(promise)));
                pressed.put(command.key(), now);
                // a command that could not be made durable was not applied: its retry must try again
                now.outcome().onFailure(e -> forget(command.key(), now));
                return now.outcome();
            }
        }
        if (!before.command().equals(command)) {
            return Future.succeededFuture(new CabOutcome.Refused(CabOutcome.Refusal.KEY_REUSED, "idempotency key "
                    + command.key() + " was used for another command (" + describe(before.command()) + ")", null));
        }
        return before.outcome().map(outcome -> outcome instanceof CabOutcome.Applied applied
                ? new CabOutcome.Replayed(applied.instruction()) : outcome);
    }

    private void forget(String key, Pressed failed) {
        synchronized (pressed) {
            pressed.remove(key, failed);
        }
    }

    private Future<CabOutcome> applyOnce(CabCommand command) {
        return yard.reader().workInstruction(command.instruction()).compose(found -> {
            if (found.isEmpty()) {
                return refused(CabOutcome.Refusal.UNKNOWN_INSTRUCTION, "no work instruction " + command.instruction(),
                        null);
            }
            WorkInstruction current = found.get();
            if (!current.assigned().contains(command.machine())) {
                return refused(CabOutcome.Refusal.NOT_ASSIGNED, "work instruction " + current.id() + " is assigned to "
                        + current.assigned() + ", not " + command.machine(), current);
            }
            WorkInstructionState target = command.target();
            if (target == null) {
                return refused(CabOutcome.Refusal.NOT_ALLOWED, "cannot " + describe(command) + " work instruction "
                        + current.id() + " from " + command.seen(), current);
            }
            if (current.state() == target && current.state() != command.seen()) {
                return Future.succeededFuture(new CabOutcome.Replayed(current));
            }
            if (current.state() != command.seen()) {
                return refused(CabOutcome.Refusal.STALE, "work instruction " + current.id() + " is "
                        + current.state() + " now, not " + command.seen() + " as the cab showed it", current);
            }
            WorkInstruction next = next(current, command);
            return yard.replaceInstruction(current, next).compose(result -> switch (result) {
                case ChangeResult.Applied applied -> Future.succeededFuture(new CabOutcome.Applied(next));
                case ChangeResult.Refused refusal -> yard.reader().workInstruction(current.id())
                        .map(now -> new CabOutcome.Refused(CabOutcome.Refusal.STALE, refusal.reason(),
                                now.orElse(null)));
            });
        });
    }

    private WorkInstruction next(WorkInstruction current, CabCommand command) {
        if (!command.isConfirmation()) {
            return current.suspend(command.exception(), clock.instant());
        }
        return current.state() == WorkInstructionState.DISPATCHED ? current.start(clock.instant())
                : current.complete(clock.instant());
    }

    private static int rank(WorkInstructionState state) {
        return switch (state) {
            case IN_PROGRESS -> 0;
            case DISPATCHED -> 1;
            case PLANNED -> 2;
            case SUSPENDED -> 3;
            case DONE, FAILED, CANCELLED -> 4;
        };
    }

    private static String describe(CabCommand command) {
        return command.isConfirmation() ? "confirm " + command.instruction()
                : "flag " + command.exception().code() + " on " + command.instruction();
    }

    private static Future<CabOutcome> refused(CabOutcome.Refusal refusal, String reason, WorkInstruction current) {
        return Future.succeededFuture(new CabOutcome.Refused(refusal, reason, current));
    }
}
