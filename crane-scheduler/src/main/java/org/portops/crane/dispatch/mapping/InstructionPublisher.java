package org.portops.crane.dispatch.mapping;

import io.vertx.core.Future;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;
import org.portops.state.hold.ContainerHold;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies a dispatch plan's {@link InstructionUpdate}s to the live yard. Each update is checked against the
 * instruction as live state holds it now and refused, with the reason, when the instruction moved on after the plan
 * was made (a driver started it, an operator recalled or cancelled it, another plan changed it), when it would take
 * an instruction anywhere but PLANNED or DISPATCHED, or when the state machine forbids the step; live state's own
 * checks (state machine, no older version over a newer one) then apply too. The write is a compare-and-set
 * ({@link LiveYard#replaceInstruction}), so a change landing between the check and the write is refused as well.
 * Updates to different instructions are independent: one refused leaves the others.
 */
public final class InstructionPublisher {

    /** What became of one update: applied, or refused and why. */
    public record Outcome(InstructionUpdate update, boolean applied, String reason) {
    }

    /** What became of every update, in the order given. */
    public record Report(List<Outcome> outcomes) {
        public Report {
            outcomes = List.copyOf(outcomes);
        }

        public List<Outcome> refused() {
            return outcomes.stream().filter(outcome -> !outcome.applied()).toList();
        }

        public long applied() {
            return outcomes.stream().filter(Outcome::applied).count();
        }
    }

    private final LiveYard yard;

    public InstructionPublisher(LiveYard yard) {
        this.yard = yard;
    }

    /** Applies the updates; completes when every one is applied or refused, never failing for a refusal. */
    public Future<Report> publish(List<InstructionUpdate> updates) {
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (InstructionUpdate update : updates) {
            outcomes.add(publish(update));
        }
        return Future.all(outcomes).map(done -> new Report(outcomes.stream().map(Future::result).toList()));
    }

    private Future<Outcome> publish(InstructionUpdate update) {
        return yard.reader().workInstruction(update.id()).compose(found -> {
            Optional<String> stale = stale(update, found);
            if (stale.isPresent()) {
                return Future.succeededFuture(new Outcome(update, false, stale.get()));
            }
            WorkInstruction expected = switch (update) {
                case InstructionUpdate.Create create -> null;
                case InstructionUpdate.Change change -> change.expected();
            };
            return held(expected, update.next()).compose(hold -> hold.isPresent()
                    ? Future.succeededFuture(new Outcome(update, false, hold.get()))
                    : yard.replaceInstruction(expected, update.next()).map(result -> switch (result) {
                        case ChangeResult.Applied applied -> new Outcome(update, true, "");
                        case ChangeResult.Refused refused -> new Outcome(update, false, refused.reason());
                    }));
        });
    }

    /** Why a move going out now may not: its container is held (the gate's holds); a move already out stays out. */
    private Future<Optional<String>> held(WorkInstruction expected, WorkInstruction next) {
        boolean dispatching = next.state() == WorkInstructionState.DISPATCHED
                && (expected == null || expected.state() != WorkInstructionState.DISPATCHED);
        if (!dispatching) {
            return Future.succeededFuture(Optional.empty());
        }
        return yard.holds().active(next.container()).map(holds -> holds.isEmpty() ? Optional.<String>empty()
                : Optional.of("work instruction " + next.id() + " of " + next.container() + " is not dispatched: "
                        + holds.stream().map(ContainerHold::describe).collect(Collectors.joining("; "))));
    }

    /**
     * Why the update no longer fits the instruction as live state holds it, if it does not; checked before writing
     * so the reason names the version the plan was made from and the one there now.
     */
    static Optional<String> stale(InstructionUpdate update, Optional<WorkInstruction> found) {
        return switch (update) {
            case InstructionUpdate.Create create -> found.map(current -> "work instruction " + current.id()
                    + " was to be created, but live state already has it (" + describe(current) + ")");
            case InstructionUpdate.Change change -> {
                if (found.isEmpty()) {
                    yield Optional.of("work instruction " + change.id() + " is no longer in live state");
                }
                WorkInstruction current = found.get();
                if (!current.equals(change.expected())) {
                    yield Optional.of("work instruction " + current.id() + " moved on since the plan was made: it was "
                            + describe(change.expected()) + ", it is " + describe(current));
                }
                yield steps(change);
            }
        };
    }

    /** A dispatch plan only takes PLANNED or crane-DISPATCHED moves to PLANNED or DISPATCHED. */
    private static Optional<String> steps(InstructionUpdate.Change change) {
        WorkInstructionState from = change.expected().state();
        WorkInstructionState to = change.next().state();
        boolean dispatchable = from == WorkInstructionState.PLANNED || from == WorkInstructionState.DISPATCHED;
        boolean target = to == WorkInstructionState.PLANNED || to == WorkInstructionState.DISPATCHED;
        if (!dispatchable || !target) {
            return Optional.of("work instruction " + change.id() + " is " + from + ": a dispatch plan only moves "
                    + "PLANNED or DISPATCHED work, and only to PLANNED or DISPATCHED, not to " + to);
        }
        if (from != to && !from.canGoTo(to)) {
            return Optional.of("work instruction " + change.id() + " cannot go from " + from + " to " + to);
        }
        return Optional.empty();
    }

    private static String describe(WorkInstruction instruction) {
        return instruction.state() + " on " + instruction.assigned() + " at " + instruction.updatedAt();
    }
}
