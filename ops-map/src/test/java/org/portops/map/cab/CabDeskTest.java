package org.portops.map.cab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.map.testsupport.LiveTerminal;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.work.YardLocation;
import org.portops.state.ChangeResult;
import org.portops.state.ContainerView;

/** The cab's commands against a real live yard (PostgreSQL and Hazelcast): applied once, whatever the retries. */
class CabDeskTest {

    private static final EquipmentId QC01 = new EquipmentId("QC01");
    private static final EquipmentId QC02 = new EquipmentId("QC02");
    private static LiveTerminal terminal;
    private static List<ContainerView> boxes;
    private static int round;
    private final List<WorkInstructionId> ids = new ArrayList<>();

    @BeforeAll
    static void start() {
        terminal = new LiveTerminal("cab-desk");
        boxes = await(terminal.yard.reader().containers()).stream()
                .filter(view -> view.location() instanceof YardLocation).limit(200).toList();
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    /** Seven instructions dispatched to QC01, the first in progress; ids unique to the test. */
    @BeforeEach
    void dispatch() {
        round++;
        Instant now = Instant.now();
        for (int i = 0; i < 7; i++) {
            ContainerView box = boxes.get(round * 7 + i);
            WorkInstruction planned = WorkInstruction.planned(new WorkInstructionId("WI-" + round + "-" + i),
                    box.container().number(), MoveKind.GATE_OUT, box.location(), new GateLocation("OUT-1"),
                    100L * round + i, now);
            WorkInstruction dispatched = planned.dispatch(List.of(QC01), now);
            assertThat(await(terminal.yard.updateInstruction(planned))).isEqualTo(ChangeResult.APPLIED);
            assertThat(await(terminal.yard.updateInstruction(dispatched))).isEqualTo(ChangeResult.APPLIED);
            if (i == 0) {
                assertThat(await(terminal.yard.updateInstruction(dispatched.start(now))))
                        .isEqualTo(ChangeResult.APPLIED);
            }
            ids.add(dispatched.id());
        }
    }

    /** Takes this test's open instructions off QC01, so the next test's work list is its own. */
    @AfterEach
    void clear() {
        Instant now = Instant.now();
        for (WorkInstructionId id : ids) {
            WorkInstruction held = await(terminal.yard.reader().workInstruction(id)).orElseThrow();
            if (held.state() == WorkInstructionState.IN_PROGRESS) {
                await(terminal.yard.updateInstruction(held.fail(ExceptionReason.of("TEST_OVER"), now)));
            } else if (!held.state().isTerminal()) {
                await(terminal.yard.updateInstruction(held.cancel(null, now)));
            }
        }
    }

    @Test
    void workListIsTheMoveInProgressThenTheNextFiveInPlanSequence() {
        CabDesk.WorkList list = await(terminal.cab.workList(QC01));

        assertThat(list.instructions()).hasSize(CabDesk.WORK_LIST_LENGTH);
        assertThat(list.instructions().getFirst().id()).isEqualTo(ids.getFirst());
        assertThat(list.instructions().getFirst().state()).isEqualTo(WorkInstructionState.IN_PROGRESS);
        assertThat(list.instructions().subList(1, 6)).extracting(WorkInstruction::sequence).isSorted()
                .allSatisfy(sequence -> assertThat(sequence).isGreaterThan(list.instructions().getFirst().sequence()));
    }

    @Test
    void theOperatorSeesTheCranesPlannedMovesAfterItsDispatchedOnesAndTheCabDoesNot() {
        Instant now = Instant.now();
        WorkInstruction onQc02 = plannedFor(QC02, "planned-qc02", boxes.get(190 - round), now);
        assertThat(await(terminal.cab.workList(QC02)).instructions()).isEmpty();
        assertThat(await(terminal.cab.workList(QC02, CabDesk.Reader.OPERATOR)).instructions())
                .extracting(WorkInstruction::id).containsExactly(onQc02.id());

        // QC01: one in progress and four dispatched leave room for one planned move, listed after the dispatched
        // ones although its plan sequence is the smallest
        for (WorkInstructionId id : ids.subList(1, 3)) {
            WorkInstruction held = await(terminal.yard.reader().workInstruction(id)).orElseThrow();
            assertThat(await(terminal.yard.updateInstruction(held.cancel(null, now)))).isEqualTo(ChangeResult.APPLIED);
        }
        plannedFor(QC01, "planned-qc01", boxes.get(180 - round), now);
        assertThat(await(terminal.cab.workList(QC01)).instructions()).extracting(WorkInstruction::state)
                .hasSize(5).doesNotContain(WorkInstructionState.PLANNED);
        assertThat(await(terminal.cab.workList(QC01, CabDesk.Reader.OPERATOR)).instructions())
                .extracting(WorkInstruction::state).containsExactly(WorkInstructionState.IN_PROGRESS,
                        WorkInstructionState.DISPATCHED, WorkInstructionState.DISPATCHED,
                        WorkInstructionState.DISPATCHED, WorkInstructionState.DISPATCHED,
                        WorkInstructionState.PLANNED);
    }

    /** A move the crane scheduler planned on {@code crane}, not yet dispatched (plan sequence 0). */
    private WorkInstruction plannedFor(EquipmentId crane, String name, ContainerView box, Instant now) {
        WorkInstruction planned = new WorkInstruction(new WorkInstructionId("WI-" + round + "-" + name),
                box.container().number(), MoveKind.GATE_OUT, box.location(), new GateLocation("OUT-1"),
                List.of(crane), 0L, WorkInstructionState.PLANNED, null, now);
        assertThat(await(terminal.yard.updateInstruction(planned))).isEqualTo(ChangeResult.APPLIED);
        ids.add(planned.id());
        return planned;
    }

    @Test
    void confirmingTheMoveInProgressCompletesItAndTheNextOneBecomesCurrent() {
        CabOutcome outcome = await(terminal.cab.apply(CabCommand.confirm(QC01, ids.getFirst(),
                WorkInstructionState.IN_PROGRESS, "key-done-" + round)));

        assertThat(outcome).isInstanceOf(CabOutcome.Applied.class);
        assertThat(state(ids.getFirst())).isEqualTo(WorkInstructionState.DONE);
        assertThat(await(terminal.cab.workList(QC01)).instructions().getFirst().id()).isEqualTo(ids.get(1));
    }

    @Test
    void theSameConfirmationSentTwiceIsAppliedOnce() {
        CabCommand start = CabCommand.confirm(QC01, ids.get(1), WorkInstructionState.DISPATCHED, "key-twice-" + round);

        CabOutcome first = await(terminal.cab.apply(start));
        CabOutcome again = await(terminal.cab.apply(start));

        assertThat(first).isInstanceOf(CabOutcome.Applied.class);
        assertThat(again).isInstanceOf(CabOutcome.Replayed.class);
        assertThat(state(ids.get(1))).as("started once, not started and completed").isEqualTo(WorkInstructionState.IN_PROGRESS);
    }

    @Test
    void aRetryWhoseFirstAnswerWasLostIsNotAppliedAgainEvenUnderANewKey() {
        await(terminal.cab.apply(CabCommand.confirm(QC01, ids.get(2), WorkInstructionState.DISPATCHED, "key-lost-" + round)));

        CabOutcome retry = await(terminal.cab.apply(CabCommand.confirm(QC01, ids.get(2), WorkInstructionState.DISPATCHED,
                "key-after-restart-" + round)));

        assertThat(retry).isInstanceOf(CabOutcome.Replayed.class);
        assertThat(state(ids.get(2))).isEqualTo(WorkInstructionState.IN_PROGRESS);
    }

    @Test
    void concurrentDuplicatesOfOnePressApplyOnce() {
        CabCommand press = CabCommand.confirm(QC01, ids.get(3), WorkInstructionState.DISPATCHED, "key-burst-" + round);
        List<CabOutcome> outcomes = new ArrayList<>();
        var futures = List.of(terminal.cab.apply(press), terminal.cab.apply(press), terminal.cab.apply(press));
        futures.forEach(future -> outcomes.add(await(future)));

        assertThat(outcomes).filteredOn(CabOutcome.Applied.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(CabOutcome.Replayed.class::isInstance).hasSize(2);
        assertThat(state(ids.get(3))).isEqualTo(WorkInstructionState.IN_PROGRESS);
    }

    @Test
    void anExceptionSuspendsTheMoveWithTheDriversReasonForThePlanners() {
        CabOutcome outcome = await(terminal.cab.apply(CabCommand.flag(QC01, ids.getFirst(),
                WorkInstructionState.IN_PROGRESS, ExceptionReason.of("SEAL_MISSING"), "key-seal-" + round)));

        assertThat(outcome).isInstanceOf(CabOutcome.Applied.class);
        WorkInstruction held = await(terminal.yard.reader().workInstruction(ids.getFirst())).orElseThrow();
        assertThat(held.state()).isEqualTo(WorkInstructionState.SUSPENDED);
        assertThat(held.exception().code()).isEqualTo("SEAL_MISSING");
    }

    @Test
    void refusesAnotherMachinesMoveAStaleViewAndAReusedKey() {
        CabOutcome other = await(terminal.cab.apply(CabCommand.confirm(QC02, ids.get(4), WorkInstructionState.DISPATCHED,
                "key-other-" + round)));
        CabOutcome stale = await(terminal.cab.apply(CabCommand.confirm(QC01, ids.get(4), WorkInstructionState.IN_PROGRESS,
                "key-stale-" + round)));
        await(terminal.cab.apply(CabCommand.confirm(QC01, ids.get(5), WorkInstructionState.DISPATCHED, "key-used-" + round)));
        CabOutcome reused = await(terminal.cab.apply(CabCommand.confirm(QC01, ids.get(6), WorkInstructionState.DISPATCHED,
                "key-used-" + round)));

        assertThat(other).isInstanceOfSatisfying(CabOutcome.Refused.class,
                r -> assertThat(r.refusal()).isEqualTo(CabOutcome.Refusal.NOT_ASSIGNED));
        assertThat(stale).isInstanceOfSatisfying(CabOutcome.Refused.class, r -> {
            assertThat(r.refusal()).isEqualTo(CabOutcome.Refusal.STALE);
            assertThat(r.reason()).contains("DISPATCHED now, not IN_PROGRESS");
        });
        assertThat(reused).isInstanceOfSatisfying(CabOutcome.Refused.class,
                r -> assertThat(r.refusal()).isEqualTo(CabOutcome.Refusal.KEY_REUSED));
        assertThat(state(ids.get(4))).isEqualTo(WorkInstructionState.DISPATCHED);
        assertThat(state(ids.get(6))).isEqualTo(WorkInstructionState.DISPATCHED);
    }

    private static WorkInstructionState state(WorkInstructionId id) {
        return await(terminal.yard.reader().workInstruction(id)).orElseThrow().state();
    }
}
