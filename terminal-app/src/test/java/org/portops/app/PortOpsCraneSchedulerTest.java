package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.portops.app.config.Setting;
import org.portops.crane.dispatch.mapping.YardCranes;
import org.portops.crane.journal.JournalEntry;
import org.portops.crane.journal.TimeRange;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.event.Addresses;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;
import java.util.function.Predicate;

/**
 * {@code portops run} with {@code scheduler.enabled=true}, in-process with the embedded PostgreSQL, broker and
 * Hazelcast: the sample terminal's vessel call alongside gets cranes from the crane split and crane work instructions
 * from its bay plan in the live yard, its released moves name a vehicle and a yard crane, every crane plan and
 * transport round is on the event bus and in the decision journal, and a machine starting a move re-plans it. No simulator runs, so nothing but the test moves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortOpsCraneSchedulerTest {

    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final TerminalLayout LAYOUT = TerminalLayoutLoader.sample();

    @TempDir
    static Path dataDir;
    private static PortOps portops;
    private static VesselCall call;
    private static List<VesselCallId> berthed;
    private static final List<JsonObject> published = new CopyOnWriteArrayList<>();
    private static MessageConsumer<JsonObject> facts;

    @BeforeAll
    static void start() throws Exception {
        Map<Setting, String> settings = Launch.isolated(dataDir, FreePorts.next(), FreePorts.next());
        settings.put(Setting.SCHEDULER_ENABLED, "true");
        // no machine reports here: on a loaded machine a slow start would otherwise outlast the 30 s offline timeout
        // and the cranes and vehicles would go OFFLINE before the first plan
        settings.put(Setting.INGEST_OFFLINE_TIMEOUT, "1h");
        portops = Launch.start(settings);
        facts = portops.vertx().eventBus().consumer(Addresses.CRANE_PLAN_PUBLISHED,
                message -> published.add(message.body()));
        facts.completion().await(10, TimeUnit.SECONDS);
        Instant now = Instant.now();
        List<VesselCall> alongside = portops.liveYard().reader().vesselCalls().await(10, TimeUnit.SECONDS).stream()
                .filter(c -> c.berth() != null && c.etb().isBefore(now)).toList();
        assertThat(alongside).as("the sample terminal's calls alongside now").isNotEmpty();
        call = alongside.getFirst();
        berthed = alongside.stream().map(VesselCall::id).toList();
    }

    @AfterAll
    static void stop() {
        if (portops != null) {
            portops.stop();
        }
    }

    @Test
    @Order(1)
    void theBerthedCallGetsCraneWorkInstructionsWithVehiclesAndYardCranesInTheLiveYardAndTheJournal()
            throws Exception {
        List<VesselCallId> planned = portops.craneScheduling().firstPlans().await(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(planned).containsExactlyInAnyOrderElementsOf(berthed);

        Set<EquipmentId> quayCranes = ids(EquipmentKind::isQuayCrane);
        Set<EquipmentId> vehicles = ids(EquipmentKind::isHorizontalTransport);
        YardCranes yardCranes = YardCranes.of(LAYOUT);
        eventually(() -> {
            List<WorkInstruction> moves = moves();
            assertThat(moves).hasSizeGreaterThan(100)
                    .allSatisfy(move -> assertThat(quayCranes).contains(move.assigned().getFirst()));
            List<WorkInstruction> dispatched = moves.stream()
                    .filter(move -> move.state() == WorkInstructionState.DISPATCHED).toList();
            assertThat(dispatched).isNotEmpty().allSatisfy(move -> {
                assertThat(move.assigned()).as(move.id().value()).hasSize(3);
                assertThat(vehicles).contains(move.assigned().get(1));
                assertThat(move.assigned().get(2)).isEqualTo(yardCranes.craneFor(move).orElseThrow());
            });
            assertThat(dispatched).extracting(move -> move.assigned().get(1)).doesNotHaveDuplicates();
        });
        Set<String> inLiveState = moves().stream().map(move -> move.id().value()).collect(Collectors.toSet());
        eventually(() -> {
            List<JournalEntry> journaled = portops.craneScheduling().journal()
                    .byVesselCall(call.id(), sinceAnHourAgo(), 100_000).await(30, TimeUnit.SECONDS);
            assertThat(journaled).as("the first plan journals one decision per move").filteredOn(e -> e.version() == 1)
                    .extracting(entry -> entry.instruction().id().value())
                    .containsExactlyInAnyOrderElementsOf(inLiveState);
        });
        // and the transport round after it, one decision per move it gave a vehicle
        Set<String> withVehicle = moves().stream().filter(move -> move.assigned().stream().anyMatch(vehicles::contains))
                .map(move -> move.id().value()).collect(Collectors.toSet());
        eventually(() -> assertThat(portops.craneScheduling().journal()
                .dispatchesByVesselCall(call.id(), sinceAnHourAgo(), 100_000).await(30, TimeUnit.SECONDS))
                .extracting(entry -> entry.instruction().id().value()).containsAll(withVehicle)
                .hasSizeGreaterThanOrEqualTo(withVehicle.size()));
    }

    @Test
    @Order(2)
    void aMachineStartingAMoveGetsANewPlanPublishedOnTheEventBusAndJournaled() throws Exception {
        WorkInstruction going = moves().stream().filter(move -> move.state() == WorkInstructionState.DISPATCHED)
                .findFirst().orElseThrow();
        long versionsBefore = versions();

        portops.liveYard().updateInstruction(going.start(Instant.now())).await(10, TimeUnit.SECONDS);

        eventually(() -> assertThat(published).anySatisfy(fact -> {
            assertThat(fact.getString("call")).isEqualTo(call.id().value());
            assertThat(fact.getLong("version")).isGreaterThan(versionsBefore);
            assertThat(fact.getJsonObject("trigger").getString("kind")).isEqualTo("MOVE_STARTED");
        }));
        eventually(() -> assertThat(portops.pool().preparedQuery("select trigger_kind, trigger from crane_plan"
                        + " where vessel_call = $1 and version > $2").execute(Tuple.of(call.id().value(), versionsBefore))
                .await(30, TimeUnit.SECONDS)).anySatisfy(row -> {
                    assertThat(row.getString("trigger_kind")).isEqualTo("MOVE_STARTED");
                    assertThat(((JsonObject) row.getValue("trigger")).getString("description")).contains(going.id().value());
                }));
    }

    private static long versions() {
        return published.stream().filter(fact -> fact.getString("call").equals(call.id().value()))
                .mapToLong(fact -> fact.getLong("version")).max().orElse(0);
    }

    private static List<WorkInstruction> moves() throws Exception {
        String prefix = "WI-" + call.id().value() + "-";
        return portops.liveYard().reader().workInstructions().await(10, TimeUnit.SECONDS).stream()
                .filter(move -> move.id().value().startsWith(prefix)).toList();
    }

    private static Set<EquipmentId> ids(Predicate<EquipmentKind> kind) {
        return LAYOUT.allEquipment().stream().filter(e -> kind.test(e.kind())).map(Equipment::id)
                .collect(Collectors.toSet());
    }

    private static TimeRange sinceAnHourAgo() {
        return new TimeRange(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)));
    }

    private static void eventually(Eventually.Check check) throws Exception {
        Eventually.eventually(WITHIN, Duration.ofMillis(250), check);
    }
}
