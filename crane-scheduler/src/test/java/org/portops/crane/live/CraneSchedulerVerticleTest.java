package org.portops.crane.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.crane.journal.DecisionJournal;
import org.portops.crane.journal.JournalEntry;
import org.portops.crane.journal.TimeRange;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.solver.CraneReplanning;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.event.Addresses;
import org.portops.model.event.EquipmentUpdated;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.LiveYard;
import org.portops.state.json.YardEventJson;
import org.portops.state.testsupport.LiveYardFixture;
import org.portops.state.testsupport.TestLayouts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

/** The live loop against the real live yard (Hazelcast, PostgreSQL) and the real decision journal. */
class CraneSchedulerVerticleTest {
    private static final CraneReplanning.Limits FAST =
            new CraneReplanning.Limits(Duration.ofMillis(300), Duration.ofMillis(100), 3);

    private LiveYardFixture live;
    private Vertx vertx;
    private Pool pool;
    private LiveYard yard;
    private DecisionJournal journal;
    private CraneSchedulerVerticle verticle;
    private final List<JsonObject> facts = new CopyOnWriteArrayList<>();
    private final Instant started = Instant.now();

    @BeforeEach
    void setUp() {
        live = LiveYardFixture.open("crane-live", TestLayouts.small());
        vertx = live.vertx;
        pool = live.pool;
        yard = live.yard;
        journal = new DecisionJournal(vertx, pool);
        verticle = new CraneSchedulerVerticle(yard, journal, call -> {
            throw new IllegalArgumentException("no bay-plan mapping in this test");
        }, new CraneScheduler.Settings(FAST, 300, 2, FAST), Clock.systemUTC(), new SimpleMeterRegistry());
        await(vertx.deployVerticle(verticle));
        vertx.eventBus().<JsonObject>consumer(Addresses.CRANE_PLAN_PUBLISHED, message -> facts.add(message.body()));
    }

    @AfterEach
    void tearDown() {
        live.close();
    }

    @Test
    void plansArePublishedIntoLiveStateJournaledAndFollowMachinesFaultsAndOverrides() {
        CallWork work = GeneratedCalls.generate(21, "CALL21", 120, 16, 3, Instant.now());
        LivePlan first = ((Published) await(verticle.startCall(work))).plan();
        Map<String, WorkInstruction> live = liveInstructions();
        assertThat(live).hasSize(first.instructions().size());
        assertThat(first.instructions()).allMatch(move -> move.equals(live.get(move.id().value())));

        // a machine starts and finishes a dispatched move: live state tells the scheduler, which re-plans
        WorkInstruction dispatched = first.instructions().stream()
                .filter(move -> move.state() == WorkInstructionState.DISPATCHED).findFirst().orElseThrow();
        await(yard.updateInstruction(dispatched.start(Instant.now())));
        await(yard.updateInstruction(live(dispatched).complete(Instant.now().plusMillis(1))));
        LivePlan afterDone = awaitVersion(work, 3);
        assertThat(afterDone.instruction(dispatched.id())).isEmpty();
        assertThat(liveInstructions().get(dispatched.id().value()).state()).isEqualTo(WorkInstructionState.DONE);

        // a crane faults: its work leaves it in live state
        EquipmentId broken = afterDone.cranes().get(1).crane();
        vertx.eventBus().publish(Addresses.EQUIPMENT_UPDATED, YardEventJson.encode(new EquipmentUpdated(0, Instant.now(),
                new EquipmentState(broken, EquipmentKind.QUAY_CRANE, Position.ORIGIN, 0, 0, EquipmentStatus.FAULT,
                        Spreader.UNLOCKED, null, List.of("HOIST-17"), Instant.now()))));
        LivePlan afterFault = awaitVersion(work, 4);
        assertThat(afterFault.cranes()).extracting(LivePlan.CraneQueue::crane).doesNotContain(broken);
        assertThat(liveInstructions().values()).filteredOn(move -> !move.state().isTerminal())
                .noneMatch(move -> move.assigned().contains(broken) && move.state() != WorkInstructionState.SUSPENDED);

        // an operator puts a planned move mid-vessel (where both cranes reach) on the other crane
        WorkInstruction planned = afterFault.instructions().stream()
                .filter(move -> move.state() == WorkInstructionState.PLANNED)
                .filter(move -> move.id().value().matches(".*-B(0[5-9]|1[01])-.*")).reduce((a, b) -> b).orElseThrow();
        EquipmentId target = afterFault.cranes().stream().map(LivePlan.CraneQueue::crane)
                .filter(crane -> !planned.assigned().contains(crane)).findFirst().orElseThrow();
        JsonObject reply = await(vertx.eventBus().<JsonObject>request(Addresses.CRANE_OVERRIDE, new JsonObject()
                .put("instruction", planned.id().value()).put("crane", target.value()).put("operator", "jdoe")))
                .body();
        assertThat(reply.getLong("version")).isEqualTo(5L);
        assertThat(liveInstructions().get(planned.id().value()).assigned()).containsExactly(target);
        assertThatThrownBy(() -> await(vertx.eventBus().request(Addresses.CRANE_OVERRIDE, new JsonObject()
                .put("instruction", "WI-UNKNOWN").put("crane", target.value()).put("operator", "jdoe"))))
                .isInstanceOf(ReplyException.class).hasMessageContaining("no crane plan has move WI-UNKNOWN");

        assertThat(facts).extracting(fact -> fact.getLong("version")).containsSubsequence(1L, 3L, 4L, 5L);
        TimeRange all = new TimeRange(started.minusSeconds(60), Instant.now().plusSeconds(60));
        // the journal is written behind the plan: wait for the override's row
        List<JournalEntry> overridden = awaitJournal(() -> await(journal.byContainer(planned.container(), all, 100)),
                entries -> entries.stream().anyMatch(entry -> entry.trigger().kind().equals("OVERRIDE")));
        assertThat(overridden.getLast().trigger().kind()).isEqualTo("OVERRIDE");
        assertThat(overridden.getLast().instruction().assigned()).containsExactly(target);
        assertThat(overridden.getLast().previousMachine()).isEqualTo(planned.assigned().getFirst());
        assertThat(overridden.getLast().justifications()).isNotEmpty()
                .allMatch(j -> j.score().startsWith("0hard"), "no hard constraint broken");
        List<JournalEntry> byBroken = awaitJournal(() -> await(journal.byMachine(broken, all, 10_000)),
                entries -> entries.stream().anyMatch(entry -> entry.trigger().kind().equals("CRANE_OUT")));
        assertThat(byBroken).anyMatch(entry -> entry.trigger().kind().equals("CRANE_OUT")
                && broken.equals(entry.previousMachine()));
        assertThat(awaitJournal(() -> await(journal.byVesselCall(work.call(), all, 10_000)),
                entries -> entries.stream().anyMatch(entry -> entry.version() == 5)))
                .extracting(JournalEntry::version).contains(1L, 3L, 4L, 5L);
    }

    @Test
    void explainAnswersWhyThePlanHasAMoveOnItsCraneAndRefusesAMoveNoPlanHolds() {
        CallWork work = GeneratedCalls.generate(23, "CALL23", 120, 16, 3, Instant.now());
        LivePlan first = ((Published) await(verticle.startCall(work))).plan();
        // every move is explained; not every task matches a constraint (a crane's first move may cost nothing)
        List<WorkInstruction> planned = first.instructions().stream()
                .filter(instruction -> instruction.state() == WorkInstructionState.PLANNED).toList();
        JsonObject why = null;
        WorkInstruction move = null;
        for (WorkInstruction candidate : planned.reversed()) {
            JsonObject answer = await(vertx.eventBus().<JsonObject>request(Addresses.CRANE_EXPLAIN,
                    new JsonObject().put("instruction", candidate.id().value()))).body();
            assertThat(answer.getString("crane")).isEqualTo(candidate.assigned().getFirst().value());
            if (!answer.getJsonArray("reasons").isEmpty()) {
                why = answer;
                move = candidate;
                break;
            }
        }
        assertThat(why).as("some planned move of %s matches a constraint", planned.size()).isNotNull();

        assertThat(why.getString("instruction")).isEqualTo(move.id().value());
        assertThat(why.getString("call")).isEqualTo("CALL23");
        assertThat(why.getString("container")).isEqualTo(move.container().value());
        assertThat(why.getString("planScore")).startsWith("0hard");
        assertThat(why.getJsonArray("reasons")).allSatisfy(reason -> {
            assertThat(((JsonObject) reason).getString("constraint")).isNotBlank();
            assertThat(((JsonObject) reason).getString("text")).isNotBlank();
        });
        String crane = why.getString("crane");
        assertThat(why.getJsonArray("alternatives")).allSatisfy(alternative -> assertThat(
                ((JsonObject) alternative).getString("crane")).isNotEqualTo(crane));
        assertThatThrownBy(() -> await(vertx.eventBus().request(Addresses.CRANE_EXPLAIN,
                new JsonObject().put("instruction", "WI-UNKNOWN"))))
                .isInstanceOf(ReplyException.class).hasMessageContaining("no crane plan has move WI-UNKNOWN")
                .satisfies(e -> assertThat(((ReplyException) e).failureCode()).isEqualTo(404));
    }

    @Test
    void aCraneReportedWorkingAgainAfterAFaultRejoinsTheCallWhereItStood() {
        CallWork work = GeneratedCalls.generate(22, "CALL22", 120, 16, 3, Instant.now());
        LivePlan first = ((Published) await(verticle.startCall(work))).plan();
        EquipmentId crane = first.cranes().get(1).crane();

        publishEquipment(crane, EquipmentStatus.FAULT, List.of("HOIST-17"));
        LivePlan without = awaitVersion(work, 2);
        assertThat(without.cranes()).extracting(LivePlan.CraneQueue::crane).doesNotContain(crane);
        publishEquipment(crane, EquipmentStatus.WORKING, List.of());
        LivePlan back = awaitVersion(work, 3);

        assertThat(back.cranes()).extracting(LivePlan.CraneQueue::crane)
                .containsExactlyElementsOf(first.cranes().stream().map(LivePlan.CraneQueue::crane).toList());
        // whether it gets planned work back is the stability cost's call; the plan must give it room on the rail
        assertThat(back.cranes().get(1).tasks()).allSatisfy(task -> assertThat(task.pinned()).isFalse());
        assertThat(facts).filteredOn(fact -> fact.getLong("version") == 3L).singleElement()
                .satisfies(fact -> assertThat(fact.getJsonObject("trigger").getString("kind")).isEqualTo("CRANE_BACK"));
        // further readings of the working crane change nothing
        publishEquipment(crane, EquipmentStatus.WORKING, List.of());
        publishEquipment(crane, EquipmentStatus.IDLE, List.of());
        sleep(1_000);
        assertThat(currentPlan(work).version()).isEqualTo(3L);
    }

    private void publishEquipment(EquipmentId crane, EquipmentStatus status, List<String> faults) {
        vertx.eventBus().publish(Addresses.EQUIPMENT_UPDATED, YardEventJson.encode(new EquipmentUpdated(0,
                Instant.now(), new EquipmentState(crane, EquipmentKind.QUAY_CRANE, Position.ORIGIN, 0, 0, status,
                        Spreader.UNLOCKED, null, faults, Instant.now()))));
    }

    private WorkInstruction live(WorkInstruction move) {
        return liveInstructions().get(move.id().value());
    }

    private Map<String, WorkInstruction> liveInstructions() {
        return await(yard.reader().workInstructions()).stream()
                .collect(Collectors.toMap(move -> move.id().value(), Function.identity()));
    }

    private LivePlan awaitVersion(CallWork work, long version) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            LivePlan plan = currentPlan(work);
            if (plan != null && plan.version() >= version && facts.stream().anyMatch(f -> f.getLong("version") >= version)) {
                return plan;
            }
            sleep();
        }
        throw new AssertionError("plan version " + version + " of " + work.call() + " not published within 20 s");
    }

    private LivePlan currentPlan(CallWork work) {
        Promise<LivePlan> plan = Promise.promise();
        vertx.runOnContext(v -> plan.complete(verticle.currentPlan(work.call())));
        return await(plan.future());
    }

    private static List<JournalEntry> awaitJournal(Supplier<List<JournalEntry>> query,
                                                   Predicate<List<JournalEntry>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<JournalEntry> entries = query.get();
        while (!done.test(entries) && System.nanoTime() < deadline) {
            sleep();
            entries = query.get();
        }
        return entries;
    }

    private static void sleep() {
        sleep(50);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
