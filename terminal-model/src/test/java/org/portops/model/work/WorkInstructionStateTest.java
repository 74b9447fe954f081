package org.portops.model.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.model.work.WorkInstructionState.CANCELLED;
import static org.portops.model.work.WorkInstructionState.DISPATCHED;
import static org.portops.model.work.WorkInstructionState.DONE;
import static org.portops.model.work.WorkInstructionState.FAILED;
import static org.portops.model.work.WorkInstructionState.IN_PROGRESS;
import static org.portops.model.work.WorkInstructionState.PLANNED;
import static org.portops.model.work.WorkInstructionState.SUSPENDED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;

/** Every pair of states, driven through the record's transition methods. */
class WorkInstructionStateTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final ExceptionReason DAMAGED = new ExceptionReason("DAMAGED", "door bent");

    /** The contract's table of legal transitions. */
    private static final Map<WorkInstructionState, Set<WorkInstructionState>> LEGAL = Map.of(
            PLANNED, Set.of(DISPATCHED, CANCELLED),
            DISPATCHED, Set.of(IN_PROGRESS, SUSPENDED, PLANNED, CANCELLED),
            IN_PROGRESS, Set.of(DONE, FAILED, SUSPENDED),
            SUSPENDED, Set.of(PLANNED, DISPATCHED, CANCELLED),
            DONE, Set.of(),
            FAILED, Set.of(),
            CANCELLED, Set.of());

    /** The transition method that leads to each target state. */
    private static final Map<WorkInstructionState, UnaryOperator<WorkInstruction>> TO = Map.of(
            PLANNED, wi -> wi.recall(T1),
            DISPATCHED, wi -> wi.dispatch(List.of(new EquipmentId("TT042")), T1),
            IN_PROGRESS, wi -> wi.start(T1),
            SUSPENDED, wi -> wi.suspend(DAMAGED, T1),
            DONE, wi -> wi.complete(T1),
            FAILED, wi -> wi.fail(DAMAGED, T1),
            CANCELLED, wi -> wi.cancel(null, T1));

    static Stream<Arguments> allPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (WorkInstructionState from : WorkInstructionState.values()) {
            for (WorkInstructionState to : WorkInstructionState.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    static WorkInstruction in(WorkInstructionState state) {
        return new WorkInstruction(new WorkInstructionId("WI-7"), new ContainerNumber("CSQU3054383"),
                MoveKind.DISCHARGE, Location.parse("vessel:CALL1/0340282"), Location.parse("yard:A01-05-03-2"),
                List.of(new EquipmentId("QC01")), 7, state, null, T0);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allPairs")
    void legalTransitionsWorkAndIllegalOnesAreRefused(WorkInstructionState from, WorkInstructionState to) {
        WorkInstruction instruction = in(from);
        boolean legal = LEGAL.get(from).contains(to);

        assertThat(from.canGoTo(to)).isEqualTo(legal);
        if (legal) {
            WorkInstruction next = TO.get(to).apply(instruction);
            assertThat(next.state()).isEqualTo(to);
            assertThat(next.updatedAt()).isEqualTo(T1);
            assertThat(next.id()).isEqualTo(instruction.id());
        } else {
            assertThatThrownBy(() -> TO.get(to).apply(instruction))
                    .isInstanceOf(IllegalTransitionException.class)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("work instruction WI-7 cannot go from " + from + " to " + to
                            + " (allowed from " + from + ": ");
        }
    }

    @Test
    void nextMatchesTheContractTable() {
        for (WorkInstructionState state : WorkInstructionState.values()) {
            assertThat(state.next()).as("%s", state).isEqualTo(LEGAL.get(state));
            assertThat(state.isTerminal()).as("%s", state).isEqualTo(LEGAL.get(state).isEmpty());
        }
    }

    @Test
    void messageListsTheAllowedTargets() {
        assertThatThrownBy(() -> in(DONE).dispatch(List.of(new EquipmentId("TT042")), T1))
                .hasMessage("work instruction WI-7 cannot go from DONE to DISPATCHED (allowed from DONE: none)");
        assertThatThrownBy(() -> in(PLANNED).start(T1))
                .hasMessage("work instruction WI-7 cannot go from PLANNED to IN_PROGRESS "
                        + "(allowed from PLANNED: DISPATCHED, CANCELLED)");
        assertThatThrownBy(() -> in(IN_PROGRESS).recall(T1))
                .hasMessage("work instruction WI-7 cannot go from IN_PROGRESS to PLANNED "
                        + "(allowed from IN_PROGRESS: SUSPENDED, DONE, FAILED)");
    }

    @Test
    void exceptionCarriesTheStates() {
        IllegalTransitionException e = new IllegalTransitionException(new WorkInstructionId("WI-7"), DONE, PLANNED);

        assertThat(e.instruction()).isEqualTo(new WorkInstructionId("WI-7"));
        assertThat(e.from()).isEqualTo(DONE);
        assertThat(e.to()).isEqualTo(PLANNED);
    }

    @Test
    void aTwinLiftKeepsItsPartnerThroughEveryTransition() {
        WorkInstructionId partner = new WorkInstructionId("WI-8");
        WorkInstruction twin = in(PLANNED).withTwin(partner);

        WorkInstruction done = twin.dispatch(List.of(new EquipmentId("QC01")), T1).start(T1).complete(T1);

        assertThat(done.twinWith()).isEqualTo(partner);
        assertThat(twin.dispatch(List.of(new EquipmentId("QC01")), T1).suspend(DAMAGED, T1).twinWith())
                .isEqualTo(partner);
        assertThat(in(PLANNED).twinWith()).isNull();
        assertThatThrownBy(() -> in(PLANNED).withTwin(new WorkInstructionId("WI-7")))
                .hasMessage("work instruction WI-7 cannot be its own twin");
    }
}
