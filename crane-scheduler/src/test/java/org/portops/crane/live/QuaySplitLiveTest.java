package org.portops.crane.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.crane.journal.DecisionJournal;
import org.portops.crane.solver.CraneReplanning;
import org.portops.crane.split.Assignment;
import org.portops.crane.split.CraneSplit;
import org.portops.crane.split.CraneSplitPlanner;
import org.portops.crane.split.CraneTimeline;
import org.portops.crane.split.VesselOutlook;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.quay.BerthId;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;
import org.portops.state.testsupport.LiveYardFixture;
import org.portops.state.testsupport.TestLayouts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

/**
 * The crane split inside the live loop, on the sample terminal (14 quay cranes; CALL1 alongside, CALL2 given its berth
 * and berthing hours ahead) in a real live yard: the split decides which cranes plan which call, a call arriving and
 * a call leaving re-balance it, and the cranes of the calls never overlap.
 */
class QuaySplitLiveTest {
    private static final CraneReplanning.Limits FAST =
            new CraneReplanning.Limits(Duration.ofMillis(300), Duration.ofMillis(100), 3);

    private final TerminalLayout layout = TestLayouts.sample();
    private LiveYardFixture live;
    private Vertx vertx;
    private Pool pool;
    private LiveYard yard;
    private QuaySplit split;
    private CraneSchedulerVerticle verticle;

    @BeforeEach
    void setUp() {
        live = LiveYardFixture.open("crane-split-live", layout);
        vertx = live.vertx;
        pool = live.pool;
        yard = live.yard;
        BayPlanWorkSource source = new BayPlanWorkSource(yard.reader(), layout, new YardRoom(yard.reader(), layout),
                BayPlanWorkSource.Settings.DEFAULTS, Clock.systemUTC());
        split = new QuaySplit(layout, new QuaySplit.Settings(3600, 48, 6, 30,
                new CraneSplitPlanner.Limits(Duration.ofSeconds(5), 5, 2_000)), Clock.systemUTC());
        verticle = new CraneSchedulerVerticle(yard, new DecisionJournal(vertx, pool), source, null, split,
                new CraneScheduler.Settings(FAST, 300, 2, FAST), Clock.systemUTC(), new SimpleMeterRegistry());
        await(vertx.deployVerticle(verticle));
    }

    @AfterEach
    void tearDown() {
        live.close();
    }

    @Test
    void theSplitGivesEachCallAlongsideItsCranesAndRebalancesWhenACallArrivesAndWhenOneLeaves() {
        Map<VesselCallId, VesselCall> calls = calls();
        VesselCallId first = new VesselCallId("CALL1");
        VesselCallId second = new VesselCallId("CALL2");
        assertThat(calls.get(first).etb()).as("CALL1 is alongside").isBefore(Instant.now());
        assertThat(calls.get(second).etb()).as("CALL2 berths later").isAfter(Instant.now().plusSeconds(3600));

        // CALL2 has its berth but berths hours ahead: the split keeps its cranes for then, only CALL1 is planned now
        assertThat(await(verticle.planBerthedCalls())).containsExactly(first);
        CraneSplit initial = split.inForce();
        assertThat(initial.feasible()).as(initial.score()).isTrue();
        assertPlansFollowTheSplit(initial, first);
        assertThat(plan(second)).isNull();
        assertThat(initial.cranes()).flatExtracting(CraneTimeline::assignments)
                .filteredOn(assignment -> assignment.vessel().equals(second))
                .isNotEmpty().allSatisfy(assignment -> assertThat(assignment.from()).isPositive());

        // CALL2 arrives now: the split is re-balanced, CALL2 gets cranes of its own and CALL1 is planned again
        VesselCall arriving = calls.get(second);
        Instant now = Instant.now();
        await(yard.updateVesselCall(new VesselCall(arriving.id(), arriving.vessel(), arriving.voyage(),
                arriving.line(), arriving.berth(), now, now, arriving.etd(), arriving.bayPlan())));
        CraneSplit withSecond = awaitSplit(() -> plan(second) != null && plan(first).version() > 1, initial,
                first, second);
        assertPlansFollowTheSplit(withSecond, first, second);

        // a crane of CALL1 picks a move up just before CALL1 leaves the quay: its re-plan is still in CALL1's queue
        List<WorkInstructionId> moves = plan(first).instructions().stream().map(WorkInstruction::id).toList();
        WorkInstruction dispatched = plan(first).instructions().stream()
                .filter(move -> move.state() == WorkInstructionState.DISPATCHED).findFirst().orElseThrow();
        WorkInstruction held = await(yard.reader().workInstruction(dispatched.id())).orElseThrow();
        assertThat(await(yard.replaceInstruction(held, held.start(Instant.now()))))
                .isNotInstanceOf(ChangeResult.Refused.class);

        // CALL1 leaves the quay: its plan ends, CALL2 is planned with the split made without it
        VesselCall leaving = calls.get(first);
        await(yard.updateVesselCall(new VesselCall(leaving.id(), leaving.vessel(), leaving.voyage(), leaving.line(),
                null, leaving.eta(), null, leaving.etd(), leaving.bayPlan())));
        long secondVersion = plan(second).version();
        CraneSplit withoutFirst = awaitSplit(() -> plan(first) == null && plan(second).version() > secondVersion
                && split.inForce().vessels().size() == 1, withSecond, second);
        assertThat(withoutFirst.vessels()).extracting(VesselOutlook::vessel).containsExactly(second);
        assertPlansFollowTheSplit(withoutFirst, second);

        // every move of CALL1 not under way is cancelled in live state; the move the crane holds stays its to finish
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (moves.stream().filter(id -> !id.equals(dispatched.id())).anyMatch(id -> stateOf(id)
                != WorkInstructionState.CANCELLED) && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(moves).filteredOn(id -> !id.equals(dispatched.id())).allSatisfy(id -> {
            WorkInstruction move = await(yard.reader().workInstruction(id)).orElseThrow();
            assertThat(move.state()).as("%s after CALL1 left", id).isEqualTo(WorkInstructionState.CANCELLED);
            assertThat(move.exception().code()).isEqualTo("CALL_LEFT");
        });
        assertThat(stateOf(dispatched.id())).as("the move under way").isEqualTo(WorkInstructionState.IN_PROGRESS);
    }

    @Test
    void aCraneTheSplitTakesOffACallFinishesTheMovesInItsHandsThereBeforeItJoinsItsNextCall() {
        VesselCallId first = new VesselCallId("CALL1");
        VesselCallId second = new VesselCallId("CALL2");
        // one quay crane in service: a vessel arriving with a tight departure can only get it from CALL1
        EquipmentId only = new EquipmentId("QC03");
        await(yard.reader().equipment()).stream().filter(state -> state.kind().isQuayCrane())
                .filter(state -> !state.id().equals(only)).forEach(crane -> report(crane, EquipmentStatus.OFFLINE));
        List<EquipmentId> vehicles = await(yard.reader().equipment()).stream()
                .filter(state -> state.kind().isHorizontalTransport()).map(EquipmentState::id).toList();
        // CALL1 sails in 20 days: no hurry, whichever crane it has
        VesselCall alongside = calls().get(first);
        Instant now = Instant.now();
        await(yard.updateVesselCall(new VesselCall(alongside.id(), alongside.vessel(), alongside.voyage(),
                alongside.line(), alongside.berth(), alongside.eta(), alongside.etb(), now.plus(Duration.ofDays(20)),
                alongside.bayPlan())));
        assertThat(await(verticle.planBerthedCalls())).containsExactly(first);
        CraneSplit initial = split.inForce();
        List<EquipmentId> before = plan(first).cranes().stream().map(LivePlan.CraneQueue::crane).toList();
        assertThat(before).containsExactly(only);

        // each crane of CALL1 has a box on its spreader, and transport sent a vehicle to its next move
        Map<EquipmentId, WorkInstructionId> lifting = new HashMap<>();
        Map<EquipmentId, WorkInstructionId> vehicleSent = new HashMap<>();
        for (EquipmentId crane : before) {
            List<WorkInstruction> out = plan(first).instructions().stream()
                    .filter(move -> move.state() == WorkInstructionState.DISPATCHED
                            && move.assigned().getFirst().equals(crane))
                    .sorted(Comparator.comparingLong(WorkInstruction::sequence)).toList();
            assertThat(out).as("moves dispatched to %s", crane).hasSize(2);
            WorkInstruction next = liveVersion(out.get(1).id());
            // as transport dispatch writes it: the vehicle named on the dispatched move
            WorkInstruction withVehicle = new WorkInstruction(next.id(), next.container(), next.kind(), next.from(),
                    next.to(), List.of(crane, vehicles.get(vehicleSent.size())), next.sequence(),
                    WorkInstructionState.DISPATCHED, null, Instant.now(), next.twinWith());
            assertThat(await(yard.replaceInstruction(next, withVehicle))).isNotInstanceOf(ChangeResult.Refused.class);
            vehicleSent.put(crane, next.id());
            WorkInstruction held = liveVersion(out.getFirst().id());
            assertThat(await(yard.replaceInstruction(held, held.start(Instant.now()))))
                    .isNotInstanceOf(ChangeResult.Refused.class);
            lifting.put(crane, held.id());
        }
        eventually(() -> lifting.values().stream().allMatch(id -> plan(first).instruction(id)
                .map(move -> move.state() == WorkInstructionState.IN_PROGRESS).orElse(false)));
        long firstVersion = plan(first).version();

        // CALL2 arrives now and must sail in 6 h: the split moves the crane to it; it stays in CALL1's plan (it has work
        // in hand) until that work is done
        VesselCall arriving = calls().get(second);
        now = Instant.now();
        await(yard.updateVesselCall(new VesselCall(arriving.id(), arriving.vessel(), arriving.voyage(),
                arriving.line(), arriving.berth(), now, now, now.plus(Duration.ofHours(6)), arriving.bayPlan())));
        eventually(() -> split.inForce() != initial && !nowOn(split.inForce(), first).containsAll(before)
                && plan(first).version() > firstVersion && Set.copyOf(cranesOf(plan(first))).equals(Set.copyOf(before)));
        CraneSplit rebalanced = split.inForce();
        List<EquipmentId> leaving = before.stream().filter(crane -> !nowOn(rebalanced, first).contains(crane)).toList();

        // a leaving crane keeps its move in progress and the move transport sent a vehicle to, and nothing else of CALL1
        for (EquipmentId crane : leaving) {
            WorkInstruction inProgress = liveVersion(lifting.get(crane));
            assertThat(inProgress.state()).as("%s's move in progress", crane).isEqualTo(WorkInstructionState.IN_PROGRESS);
            assertThat(inProgress.assigned().getFirst()).isEqualTo(crane);
            WorkInstruction sent = liveVersion(vehicleSent.get(crane));
            assertThat(sent.state()).as("%s's move with a vehicle on its way", crane)
                    .isEqualTo(WorkInstructionState.DISPATCHED);
            assertThat(sent.assigned()).hasSize(2).first().isEqualTo(crane);
            assertThat(plan(first).instructions()).filteredOn(move -> move.assigned().getFirst().equals(crane))
                    .extracting(WorkInstruction::id)
                    .containsExactlyInAnyOrder(lifting.get(crane), vehicleSent.get(crane));
            assertThat(held()).as("held back from its next call").containsEntry(crane, first);
            if (plan(second) != null) {
                assertThat(cranesOf(plan(second))).doesNotContain(crane);
                assertThat(plan(second).instructions()).noneMatch(move -> move.assigned().contains(crane));
            }
        }

        // the moves are done: the cranes leave CALL1, and CALL2 is planned with every crane the split gives it now
        for (EquipmentId crane : leaving) {
            WorkInstruction inProgress = liveVersion(lifting.get(crane));
            assertThat(await(yard.replaceInstruction(inProgress, inProgress.complete(Instant.now()))))
                    .isNotInstanceOf(ChangeResult.Refused.class);
            WorkInstruction sent = liveVersion(vehicleSent.get(crane));
            WorkInstruction started = sent.start(Instant.now());
            assertThat(await(yard.replaceInstruction(sent, started))).isNotInstanceOf(ChangeResult.Refused.class);
            assertThat(await(yard.replaceInstruction(started, started.complete(Instant.now()))))
                    .isNotInstanceOf(ChangeResult.Refused.class);
        }
        // (the split may give CALL2 the crane from a later hour: then CALL2 is planned with it when that split is made)
        eventually(() -> held().isEmpty() && !cranesOf(plan(first)).contains(only)
                && cranesOf(plan(first)).equals(nowOn(split.inForce(), first))
                && nowOn(split.inForce(), second).equals(plan(second) == null ? List.of() : cranesOf(plan(second))));
        assertThat(plan(first).instructions()).noneMatch(move -> move.assigned().contains(only));
    }

    private Map<EquipmentId, VesselCallId> held() {
        Promise<Map<EquipmentId, VesselCallId>> held = Promise.promise();
        vertx.runOnContext(v -> held.complete(verticle.heldCranes()));
        return await(held.future());
    }

    private static List<EquipmentId> cranesOf(LivePlan plan) {
        return plan.cranes().stream().map(LivePlan.CraneQueue::crane).toList();
    }

    private WorkInstruction liveVersion(WorkInstructionId id) {
        return await(yard.reader().workInstruction(id)).orElseThrow();
    }

    /** Polls until {@code done}: the loop hears live state's facts on the event bus. */
    private static void eventually(Supplier<Boolean> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!done.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 120 s");
            }
            sleep();
        }
    }

    private WorkInstructionState stateOf(WorkInstructionId id) {
        return await(yard.reader().workInstruction(id)).map(WorkInstruction::state).orElse(null);
    }

    @Test
    void aCallPlannedAtABerthAfterTheVesselLyingThereWaitsOutOfTheSplit() {
        VesselCallId first = new VesselCallId("CALL1");
        VesselCallId third = new VesselCallId("CALL3");
        VesselCall next = calls().get(third);
        // as the berth plan puts it: at B1, where CALL1 lies now, from its ETA, after CALL1 has left
        await(yard.updateVesselCall(new VesselCall(next.id(), next.vessel(), next.voyage(), next.line(),
                new BerthId("B1"), next.eta(), next.eta(), next.etd(), next.bayPlan())));

        assertThat(await(verticle.planBerthedCalls())).containsExactly(first);
        assertThat(split.inForce().vessels()).extracting(VesselOutlook::vessel)
                .containsExactly(first, new VesselCallId("CALL2"));
        assertThat(plan(third)).isNull();
    }

    @Test
    void withEveryQuayCraneOfflineNothingIsPlannedUntilCranesReportInService() {
        VesselCallId first = new VesselCallId("CALL1");
        List<EquipmentState> quayCranes = await(yard.reader().equipment()).stream()
                .filter(state -> state.kind().isQuayCrane()).toList();
        quayCranes.forEach(crane -> report(crane, EquipmentStatus.OFFLINE));

        assertThat(await(verticle.planBerthedCalls())).isEmpty();
        assertThat(plan(first)).isNull();

        // cranes report in (as a demo's simulated machines do after the ingest marked them offline)
        List<EquipmentState> back = quayCranes.subList(0, 4);
        back.forEach(crane -> report(crane, EquipmentStatus.IDLE));
        CraneSplit split = awaitSplit(() -> plan(first) != null, null, first);
        assertPlansFollowTheSplit(split, first);
        assertThat(plan(first).cranes()).extracting(LivePlan.CraneQueue::crane)
                .isSubsetOf(back.stream().map(EquipmentState::id).toList());
    }

    private void report(EquipmentState crane, EquipmentStatus status) {
        await(yard.updateEquipment(new EquipmentState(crane.id(), crane.kind(), crane.position(), 0, 0, status,
                crane.spreader(), null, List.of(), Instant.now())));
    }

    /** Each call's plan has exactly the cranes the split has on it now, no crane is in two plans, moves follow. */
    private void assertPlansFollowTheSplit(CraneSplit in, VesselCallId... planned) {
        Set<EquipmentId> taken = new HashSet<>();
        for (VesselCallId call : planned) {
            LivePlan plan = plan(call);
            assertThat(plan).as("plan of %s", call).isNotNull();
            List<EquipmentId> cranes = plan.cranes().stream().map(LivePlan.CraneQueue::crane).toList();
            assertThat(cranes).as("cranes of %s", call).isNotEmpty().hasSizeLessThanOrEqualTo(6)
                    .containsExactlyElementsOf(nowOn(in, call));
            assertThat(cranes.stream().map(EquipmentId::value).toList()).as("quay order").isSorted();
            cranes.forEach(crane -> assertThat(taken.add(crane)).as("%s works two calls", crane).isTrue());
            assertThat(plan.instructions()).extracting(WorkInstruction::assigned)
                    .allSatisfy(assigned -> assertThat(cranes).contains(assigned.getFirst()));
        }
    }

    private static List<EquipmentId> nowOn(CraneSplit split, VesselCallId call) {
        List<EquipmentId> cranes = new ArrayList<>();
        for (CraneTimeline timeline : split.cranes()) {
            for (Assignment assignment : timeline.assignments()) {
                if (assignment.vessel().equals(call) && assignment.from() <= 0 && assignment.until() > 0) {
                    cranes.add(timeline.crane());
                }
            }
        }
        return cranes;
    }

    /**
     * A split other than {@code before} in force, {@code done}, and the calls planned with its cranes: a re-balance
     * may split twice (a detailed plan missing the departure the estimate met), so the first new split seen may not be
     * the one the calls end up planned with. A split ends after 2,000 steps without a better one, at most 5 s, on a
     * machine shared with other builds.
     */
    private CraneSplit awaitSplit(Supplier<Boolean> done, CraneSplit before, VesselCallId... planned) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            CraneSplit inForce = split.inForce();
            if (inForce != before && done.get() && Arrays.stream(planned).allMatch(call -> plan(call) != null
                    && plan(call).cranes().stream().map(LivePlan.CraneQueue::crane).toList()
                    .equals(nowOn(inForce, call)))) {
                return inForce;
            }
            sleep();
        }
        throw new AssertionError("no re-balanced split within 120 s");
    }

    private Map<VesselCallId, VesselCall> calls() {
        Map<VesselCallId, VesselCall> calls = new HashMap<>();
        await(yard.reader().vesselCalls()).forEach(call -> calls.put(call.id(), call));
        return calls;
    }

    private LivePlan plan(VesselCallId call) {
        Promise<LivePlan> plan = Promise.promise();
        vertx.runOnContext(v -> plan.complete(verticle.currentPlan(call)));
        return await(plan.future());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
