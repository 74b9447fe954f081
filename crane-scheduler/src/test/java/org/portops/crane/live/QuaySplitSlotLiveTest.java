package org.portops.crane.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Promise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.crane.journal.DecisionJournal;
import org.portops.crane.solver.CraneReplanning;
import org.portops.crane.split.Assignment;
import org.portops.crane.split.CraneSplit;
import org.portops.crane.split.CraneSplitPlanner;
import org.portops.crane.split.CraneTimeline;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.VesselCallId;
import org.portops.state.testsupport.LiveYardFixture;
import org.portops.state.testsupport.TestLayouts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

/**
 * The crane split re-balanced at the time its plan moves a crane, with no call arriving, changing or leaving: on the
 * sample terminal in a real live yard (PostgreSQL, Hazelcast), CALL1 alongside and CALL2 berthing hours later, the
 * loop's clock reaches the first change of the split in force and the cranes the detailed plans have follow the new
 * split's first slot — a crane moves to another call mid-call as the split planned it.
 */
class QuaySplitSlotLiveTest {
    private static final CraneReplanning.Limits FAST =
            new CraneReplanning.Limits(Duration.ofMillis(300), Duration.ofMillis(100), 3);
    private static final VesselCallId FIRST = new VesselCallId("CALL1");
    private static final VesselCallId SECOND = new VesselCallId("CALL2");

    private final TerminalLayout layout = TestLayouts.sample();
    private final SteppingClock clock = new SteppingClock(Instant.now());
    private LiveYardFixture live;
    private QuaySplit split;
    private CraneSchedulerVerticle verticle;

    @BeforeEach
    void setUp() {
        live = LiveYardFixture.open("crane-split-slot", layout);
        BayPlanWorkSource source = new BayPlanWorkSource(live.yard.reader(), layout,
                new YardRoom(live.yard.reader(), layout), BayPlanWorkSource.Settings.DEFAULTS, clock);
        // split searches end after 2,000 steps without improvement (10 s at most on a loaded machine)
        split = new QuaySplit(layout, new QuaySplit.Settings(3600, 48, 6, 30,
                new CraneSplitPlanner.Limits(Duration.ofSeconds(10), 5, 2_000)), clock);
        verticle = new CraneSchedulerVerticle(live.yard, new DecisionJournal(live.vertx, live.pool), source, null,
                split, new CraneScheduler.Settings(FAST, 300, 2, FAST), clock, new SimpleMeterRegistry());
        await(live.vertx.deployVerticle(verticle));
    }

    @AfterEach
    void tearDown() {
        live.close();
    }

    @Test
    void whenTheSplitInForceMovesACraneTheLoopReBalancesAndThePlansTakeTheCraneWhereTheSplitSends() {
        assertThat(await(verticle.planBerthedCalls())).containsExactly(FIRST);
        CraneSplit initial = split.inForce();
        Map<EquipmentId, VesselCallId> before = planned();
        assertThat(before).as("cranes of the plans follow the split now").isEqualTo(workingAt(initial, 0));
        assertThat(await(verticle.rebalanceIfDue())).as("nothing is due before the split moves a crane").isFalse();

        Optional<Instant> due = split.nextChange();
        assertThat(due).as("the split moves a crane within its horizon (CALL2 berths hours later)").isPresent();
        int offset = (int) Duration.between(clock.instant(), due.get()).toSeconds();
        Map<EquipmentId, VesselCallId> foreseen = workingAt(initial, offset);
        assertThat(foreseen).as("the split in force has other cranes on the calls at %s", due.get())
                .isNotEqualTo(before);

        clock.advance(Duration.ofSeconds(offset + 1L));
        assertThat(await(verticle.rebalanceIfDue())).as("the split's change is due").isTrue();
        CraneSplit next = awaitSplit(initial);
        Map<EquipmentId, VesselCallId> after = planned();
        assertThat(after).as("the plans follow the new split's first slot").isEqualTo(workingAt(next, 0))
                .as("a crane works another call after the change, no call having changed").isNotEqualTo(before);
        split.nextChange().ifPresent(later -> assertThat(later).as("the next change lies after this one")
                .isAfter(due.get()));
    }

    /** Per crane the call its detailed plan has it on (a crane in two plans fails). */
    private Map<EquipmentId, VesselCallId> planned() {
        Map<EquipmentId, VesselCallId> on = new HashMap<>();
        for (VesselCallId call : List.of(FIRST, SECOND)) {
            LivePlan plan = plan(call);
            if (plan != null) {
                plan.cranes().forEach(queue -> assertThat(on.put(queue.crane(), call))
                        .as("%s in two plans", queue.crane()).isNull());
            }
        }
        return on;
    }

    /** Per crane the call the split has it on at {@code second} from the split's start. */
    private static Map<EquipmentId, VesselCallId> workingAt(CraneSplit split, int second) {
        Map<EquipmentId, VesselCallId> on = new HashMap<>();
        for (CraneTimeline timeline : split.cranes()) {
            for (Assignment assignment : timeline.assignments()) {
                if (assignment.from() <= second && assignment.until() > second) {
                    on.put(timeline.crane(), assignment.vessel());
                }
            }
        }
        return on;
    }

    private CraneSplit awaitSplit(CraneSplit before) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            CraneSplit inForce = split.inForce();
            if (inForce != before && planned().equals(workingAt(inForce, 0))) {
                return inForce;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the plans did not follow a re-balanced split within 120 s");
    }

    private LivePlan plan(VesselCallId call) {
        Promise<LivePlan> plan = Promise.promise();
        live.vertx.runOnContext(v -> plan.complete(verticle.currentPlan(call)));
        return await(plan.future());
    }
}
