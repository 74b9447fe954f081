package org.portops.crane.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.crane.dispatch.mapping.InstructionPublisher;
import org.portops.crane.dispatch.mapping.InstructionUpdate;
import org.portops.crane.journal.DecisionJournal;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.solver.CraneReplanning;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.LiveYard;
import org.portops.state.hold.HoldKind;
import org.portops.state.testsupport.LiveYardFixture;
import org.portops.state.testsupport.TestLayouts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

/**
 * Holds of the gate's list ({@code container_holds}) against the live crane loop, on the real live yard (Hazelcast,
 * PostgreSQL): a held container's move is never dispatched, stays PLANNED on its crane with the hold's reason, and
 * goes out as planned once the hold is released.
 */
class HeldMovesLiveTest {
    private static final CraneReplanning.Limits FAST =
            new CraneReplanning.Limits(Duration.ofMillis(300), Duration.ofMillis(100), 3);

    private static LiveYardFixture live;
    private static LiveYard yard;
    private static CraneSchedulerVerticle verticle;

    @BeforeAll
    static void setUp() {
        live = LiveYardFixture.open("crane-holds", TestLayouts.small());
        yard = live.yard;
        Vertx vertx = live.vertx;
        verticle = new CraneSchedulerVerticle(yard, new DecisionJournal(vertx, live.pool), call -> {
            throw new IllegalArgumentException("no bay-plan mapping in this test");
        }, new CraneScheduler.Settings(FAST, 300, 2, FAST), Clock.systemUTC(), new SimpleMeterRegistry());
        await(vertx.deployVerticle(verticle));
    }

    @AfterAll
    static void tearDown() {
        live.close();
    }

    @Test
    void aHeldContainersMoveStaysPlannedWithItsReasonAndGoesOutOnceReleased() {
        CallWork work = GeneratedCalls.generate(31, "CALL31", 24, 6, 2, Instant.now());
        List<WorkInstruction> moves = work.tasks().stream().flatMap(task -> task.moves().stream()).toList();
        // every box of the call held before its first plan: the plan may not send out a single move
        for (WorkInstruction move : moves) {
            assertThat(await(yard.holds().place(move.container(), HoldKind.CUSTOMS, "x-ray", "customs.eva"))
                    .applied()).isTrue();
        }

        LivePlan first = ((Published) await(verticle.startCall(work))).plan();

        List<WorkInstruction> wanted = first.instructions().stream()
                .filter(move -> move.state() == WorkInstructionState.DISPATCHED).toList();
        assertThat(wanted).as("the plan would dispatch moves were they free").isNotEmpty();
        assertThat(await(yard.reader().workInstructions())).hasSize(moves.size()).allSatisfy(move -> {
            assertThat(move.state()).isEqualTo(WorkInstructionState.PLANNED);
            assertThat(move.assigned()).as("no vehicle is sent for a held box").hasSizeLessThanOrEqualTo(1);
        });
        WorkInstruction kept = live(wanted.getFirst());
        assertThat(kept.exception()).isEqualTo(new ExceptionReason("HELD", "x-ray (customs hold by customs.eva)"));
        assertThat(kept.assigned()).containsExactlyElementsOf(wanted.getFirst().assigned());

        // released: the move goes out to its crane as the plan has it, without waiting for a re-plan
        ContainerNumber freed = wanted.getFirst().container();
        assertThat(await(yard.holds().release(freed, HoldKind.CUSTOMS, "cleared", "customs.eva")).applied()).isTrue();
        WorkInstruction out = awaitLive(wanted.getFirst(), move -> move.state() == WorkInstructionState.DISPATCHED);
        assertThat(out.exception()).isNull();
        assertThat(out.assigned()).containsExactlyElementsOf(wanted.getFirst().assigned());
        assertThat(live(wanted.get(1)).state()).as("the others stay held").isEqualTo(WorkInstructionState.PLANNED);

        // held again while dispatched, not yet started: recalled to PLANNED with the supervisor's reason
        assertThat(await(yard.holds().place(freed, HoldKind.TERMINAL, "seal broken", "sup.ana")).applied()).isTrue();
        WorkInstruction recalled = awaitLive(wanted.getFirst(), move -> move.state() == WorkInstructionState.PLANNED);
        assertThat(recalled.exception()).isEqualTo(
                new ExceptionReason("HELD", "seal broken (terminal hold by sup.ana)"));
    }

    @Test
    void transportDispatchSendsNoVehicleForAHeldBox() {
        List<WorkInstruction> moves = GeneratedCalls.generate(41, "CALL41", 4, 2, 1, Instant.now()).tasks().stream()
                .flatMap(task -> task.moves().stream()).toList();
        WorkInstruction held = moves.get(0);
        WorkInstruction free = moves.get(1);
        await(yard.holds().place(held.container(), HoldKind.LINE, "unpaid", "line.lna"));
        InstructionPublisher publisher = new InstructionPublisher(yard);
        List<EquipmentId> machines = List.of(new EquipmentId("QC01"), new EquipmentId("TT07"));

        InstructionPublisher.Report report = await(publisher.publish(List.of(
                new InstructionUpdate.Create(held.dispatch(machines, Instant.now())),
                new InstructionUpdate.Create(free.dispatch(machines, Instant.now())))));

        assertThat(report.refused()).singleElement().satisfies(outcome -> assertThat(outcome.reason()).isEqualTo(
                "work instruction " + held.id() + " of " + held.container() + " is not dispatched: held: unpaid "
                        + "(line hold by line.lna)"));
        assertThat(await(yard.reader().workInstruction(held.id()))).isEmpty();
        assertThat(live(free).state()).isEqualTo(WorkInstructionState.DISPATCHED);
    }

    private static WorkInstruction live(WorkInstruction move) {
        return await(yard.reader().workInstruction(move.id())).orElseThrow();
    }

    private static WorkInstruction awaitLive(WorkInstruction move, Predicate<WorkInstruction> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        WorkInstruction now = live(move);
        while (!done.test(now) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            now = live(move);
        }
        assertThat(now).as("work instruction %s within 10 s", move.id()).matches(done);
        return now;
    }
}
