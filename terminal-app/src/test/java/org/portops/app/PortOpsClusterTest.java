package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
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
import org.portops.app.config.ConfigResolver;
import org.portops.app.config.Setting;
import org.portops.app.infra.MqttBroker;
import org.portops.app.infra.PostgresServer;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.Position;
import org.portops.model.event.Addresses;
import org.portops.model.event.ContainerMoved;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.WorkInstruction;
import org.portops.state.ContainerView;
import org.portops.state.lease.Lease;
import org.portops.state.lease.LeaseLostException;
import org.portops.state.lease.PlannerLease;

/**
 * Three PortOps nodes in one JVM, each with its own Hazelcast member, clustered Vert.x and PostgreSQL pool, sharing
 * one PostgreSQL and one MQTT broker (as three machines would), on a small terminal: one Hazelcast cluster, a reading
 * applied on any node is seen by all and its fact reaches the others' event-bus consumers, a container move made on
 * any node is applied by the one yard writer and read by all, each planner (and the yard writer) runs on one node,
 * and when the crane scheduler's node (the first node, so the yard writer's too) dies (its member terminated, its database connections dropped without
 * giving the lease back) another node plans within the lease ttl from live state, without a second open instruction
 * for any container, while the dead leader's late write is refused by the fence; the yard writer's role moves to a
 * survivor, which applies every survivor's moves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortOpsClusterTest {

    private static final Duration TTL = Duration.ofSeconds(5);
    private static final Duration WITHIN = Duration.ofSeconds(120);

    @TempDir
    static Path dir;
    private static PostgresServer postgres;
    private static MqttBroker broker;
    private static final List<PortOps> nodes = new ArrayList<>();
    private static PortOps leader;
    private static long died;
    private static boolean writerCrashed;

    @BeforeAll
    static void start() throws Exception {
        Map<Setting, String> shared = new EnumMap<>(Setting.class);
        shared.put(Setting.DATA_DIR, dir.resolve("shared").toString());
        shared.put(Setting.PG_PORT, Integer.toString(FreePorts.next()));
        postgres = PostgresServer.start(ConfigResolver.resolve(shared, Map.of()));
        broker = MqttBroker.startEmbedded(Files.createDirectories(dir.resolve("broker")), FreePorts.next(), false);
        Path layout = dir.resolve("cluster-terminal.yaml");
        try (var in = PortOpsClusterTest.class.getResourceAsStream("/terminals/cluster-terminal.yaml")) {
            Files.copy(Objects.requireNonNull(in, "cluster-terminal.yaml"), layout);
        }
        List<Integer> hzPorts = List.of(FreePorts.next(), FreePorts.next(), FreePorts.next());
        String members = hzPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        String cluster = "cluster-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Map<Setting, String> settings = new EnumMap<>(Setting.class);
            settings.put(Setting.DATA_DIR, dir.resolve("node" + i).toString());
            settings.put(Setting.HTTP_PORT, "0");
            settings.put(Setting.PG_URL, "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + postgres.database());
            settings.put(Setting.PG_USER, postgres.user());
            if (!postgres.password().isEmpty()) {
                settings.put(Setting.PG_PASSWORD, postgres.password());
            }
            settings.put(Setting.MQTT_URL, broker.url().clientUrl());
            settings.put(Setting.HZ_PORT, Integer.toString(hzPorts.get(i)));
            settings.put(Setting.HZ_MEMBERS, members);
            settings.put(Setting.CLUSTER_NAME, cluster);
            settings.put(Setting.LAYOUT, layout.toString());
            settings.put(Setting.SCHEDULER_ENABLED, "true");
            settings.put(Setting.PLANNER_LEASE_TTL, TTL.toMillis() + "ms");
            // no machine reports in this test: keep them in service, or the cranes go OFFLINE and nothing is planned
            settings.put(Setting.INGEST_OFFLINE_TIMEOUT, "1h");
            nodes.add(Launch.start(settings));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        nodes.forEach(PortOps::stop);
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void theNodesFormOneClusterAndEachPlannerRunsOnExactlyOneNode() {
        nodes.forEach(node -> assertThat(node.hazelcast().getCluster().getMembers()).hasSize(3));
        assertThat(nodes).filteredOn(node -> node.craneScheduling() != null).hasSize(1);
        assertThat(nodes).filteredOn(node -> node.berthPlanner() != null).hasSize(1);
        assertThat(nodes).filteredOn(PortOps::yardWriter).hasSize(1);
        leader = nodes.stream().filter(node -> node.craneScheduling() != null).findFirst().orElseThrow();
    }

    @Test
    @Order(2)
    void aMoveMadeOnAnyNodeIsAppliedByTheYardWriterAndSeenByAll() throws Exception {
        assertMovesOnEveryNodeAreApplied(nodes);
    }

    @Test
    @Order(3)
    void aReadingAppliedOnAnyNodeIsSeenByAllAndItsFactReachesTheOtherNodes() throws Exception {
        EquipmentId machine = new EquipmentId("TT001");
        for (int writer = 0; writer < nodes.size(); writer++) {
            int from = writer;
            List<JsonObject> heard = new CopyOnWriteArrayList<>();
            PortOps listener = nodes.get((writer + 1) % nodes.size());
            MessageConsumer<JsonObject> facts = listener.vertx().eventBus().consumer(Addresses.EQUIPMENT_UPDATED,
                    message -> heard.add(message.body()));
            facts.completion().await(10, TimeUnit.SECONDS);
            try {
                EquipmentState held = nodes.get(writer).liveYard().reader().equipment(machine)
                        .await(10, TimeUnit.SECONDS).orElseThrow();
                double x = 100 + 10 * writer;
                EquipmentState reading = new EquipmentState(machine, held.kind(), new Position(x, 60), 90, 1.5,
                        held.status(), held.spreader(), held.load(), held.faultCodes(), Instant.now());
                nodes.get(writer).liveYard().updateEquipment(reading).await(10, TimeUnit.SECONDS);

                for (PortOps node : nodes) {
                    assertThat(node.liveYard().reader().equipment(machine).await(10, TimeUnit.SECONDS).orElseThrow()
                            .position().x()).as("node %d reads the reading applied on node %d", nodes.indexOf(node),
                            writer).isEqualTo(x);
                }
                eventually(() -> assertThat(heard).as("node %d hears node %d's fact", nodes.indexOf(listener), from)
                        .anySatisfy(fact -> assertThat(fact.encode()).contains("TT001")));
            } finally {
                facts.unregister().await(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(4)
    void whenTheSchedulersNodeDiesAnotherPlansFromLiveStateWithinTheTtlAndTheDeadLeadersWriteIsRefused()
            throws Exception {
        List<VesselCallId> planned = leader.craneScheduling().firstPlans().await(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(planned).isNotEmpty();
        PlannerLease leases = new PlannerLease(nodes.stream().filter(node -> node != leader).findFirst().orElseThrow()
                .pool());
        Lease deposed = leases.current(PortOps.CRANE_SCHEDULER).await(10, TimeUnit.SECONDS).orElseThrow();
        List<PortOps> survivors = nodes.stream().filter(node -> node != leader).toList();
        List<WorkInstruction> before = survivors.getFirst().liveYard().reader().workInstructions()
                .await(10, TimeUnit.SECONDS);
        assertThat(before).isNotEmpty();
        List<ContainerView> containersBefore = survivors.getFirst().liveYard().reader().containers()
                .await(10, TimeUnit.SECONDS);

        // the first node started alone and won every lease, so its crash takes the yard's writer down too (unless a
        // late renewal on the loaded machine moved a lease meanwhile: then the writer's role is checked, not its move)
        writerCrashed = leader.yardWriter();
        died = System.nanoTime();
        crash(leader);

        eventually(() -> assertThat(survivors).filteredOn(node -> node.craneScheduling() != null).hasSize(1));
        Duration takeover = Duration.ofNanos(System.nanoTime() - died);
        assertThat(takeover).as("a new leader within ttl + ttl/3 and a second of round trips on a loaded machine")
                .isLessThan(TTL.plus(TTL.dividedBy(3)).plusSeconds(1));
        PortOps next = survivors.stream().filter(node -> node.craneScheduling() != null).findFirst().orElseThrow();
        Lease term = leases.current(PortOps.CRANE_SCHEDULER).await(10, TimeUnit.SECONDS).orElseThrow();
        assertThat(term.token()).isGreaterThan(deposed.token());
        assertThat(next.craneScheduling().firstPlans().await(WITHIN.toSeconds(), TimeUnit.SECONDS))
                .as("the new leader plans the same calls again").containsExactlyInAnyOrderElementsOf(planned);

        // the lost member's partitions are served from their backups: every container where it was
        assertThat(next.liveYard().reader().containers().await(10, TimeUnit.SECONDS))
                .as("containers in live state after a member was lost").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(containersBefore);
        // planned from live state: the moves the dead leader left are the new leader's, none made twice
        List<WorkInstruction> after = next.liveYard().reader().workInstructions().await(10, TimeUnit.SECONDS);
        assertThat(after.stream().map(w -> w.id().value()).toList())
                .containsAll(before.stream().map(w -> w.id().value()).toList());
        Map<String, List<String>> openByContainer = after.stream().filter(w -> !w.state().isTerminal())
                .collect(Collectors.groupingBy(w -> w.container().value(),
                        Collectors.mapping(w -> w.id().value(), Collectors.toList())));
        assertThat(openByContainer).allSatisfy((container, open) ->
                assertThat(open).as("open instructions of %s", container).hasSize(1));

        // a write the dead leader had in flight, arriving late: refused, live state unchanged
        WorkInstruction target = after.getFirst();
        WorkInstruction late = new WorkInstruction(target.id(), target.container(), target.kind(), target.from(),
                target.to(), target.assigned(), target.sequence() + 1000, target.state(), target.exception(),
                target.updatedAt(), target.twinWith());
        Throwable refused = next.liveYard().fencedBy(deposed).updateInstruction(late).transform(
                done -> Future.succeededFuture(done.cause())).await(10, TimeUnit.SECONDS);
        assertThat(refused).isInstanceOf(LeaseLostException.class);
        assertThat(next.liveYard().reader().workInstruction(target.id()).await(10, TimeUnit.SECONDS).orElseThrow()
                .sequence()).isNotEqualTo(late.sequence());
    }

    @Test
    @Order(5)
    void theYardWritersRoleMovesToASurvivorThatAppliesEveryNodesMoves() throws Exception {
        List<PortOps> survivors = nodes.stream().filter(node -> node != leader).toList();
        eventually(() -> assertThat(survivors).filteredOn(PortOps::yardWriter).hasSize(1));
        Duration takeover = Duration.ofNanos(System.nanoTime() - died);
        System.out.println("PortOpsClusterTest: the yard writer " + (writerCrashed ? "crashed; the next one wrote "
                + takeover.toMillis() + " ms after the crash" : "was on a survivor"));
        assertMovesOnEveryNodeAreApplied(survivors);
    }

    /** A yard shift made on each node in turn (in a block of its own) is accepted, and every node reads it. */
    private static void assertMovesOnEveryNodeAreApplied(List<PortOps> cluster) throws Exception {
        for (int i = 0; i < cluster.size(); i++) {
            PortOps node = cluster.get(i);
            ContainerMoved moved = YardMoves.shiftOneContainer(node.liveYard(), "A0" + (i + 1)).event();
            for (PortOps reader : cluster) {
                assertThat(reader.liveYard().reader().container(moved.container()).await(10, TimeUnit.SECONDS)
                        .orElseThrow().location()).as("node %d reads the move made on node %d",
                        cluster.indexOf(reader), i).isEqualTo(moved.to());
            }
        }
    }

    /**
     * A node dying as a killed process would: its database connections drop (the lease is not given back) and its
     * Hazelcast member leaves without a word; the rest of it is stopped after the test.
     */
    private static void crash(PortOps node) throws Exception {
        node.leasePool().close().await(10, TimeUnit.SECONDS);
        node.pool().close().await(10, TimeUnit.SECONDS);
        node.hazelcast().getLifecycleService().terminate();
    }

    private static void eventually(Eventually.Check check) throws Exception {
        Eventually.eventually(WITHIN, Duration.ofMillis(50), check);
    }
}
