package org.portops.state.query;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.SerializationConstants;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.state.YardMaps;
import org.portops.state.live.HazelcastYardReader;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

/**
 * Reading one container's work instructions and bay-plan entries on a real two-member cluster: the entries on
 * either member are found, nothing of another container comes back, the calls arrive cut down to the container's
 * entries, each member answers from its container index, and the projection travels as compact.
 */
class OneContainerReadsOnClusterTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final int CONTAINERS = 60;

    private static HazelcastInstance first;
    private static HazelcastInstance second;
    private static Vertx vertx;
    private static HazelcastYardReader reader;
    private static final List<ContainerNumber> numbers = new ArrayList<>();

    @BeforeAll
    static void start() {
        String cluster = TestHazelcast.uniqueClusterName("one-container");
        first = TestHazelcast.member(cluster);
        second = TestHazelcast.member(cluster);
        vertx = Vertx.vertx();
        YardMaps maps = YardMaps.of(first);
        reader = new HazelcastYardReader(vertx, maps, TestLayouts.small(), Clock.systemUTC());
        List<BayPlanEntry> first20 = new ArrayList<>();
        List<BayPlanEntry> last20 = new ArrayList<>();
        for (int i = 0; i < CONTAINERS; i++) {
            ContainerNumber number = ContainerNumber.fromParts("MSC", 'U', 100_000 + i);
            numbers.add(number);
            // Two instructions for every third container, one for the others, spread over both members' partitions.
            for (int k = 0; k < (i % 3 == 0 ? 2 : 1); k++) {
                String id = "WI-" + i + "-" + k;
                maps.workInstructions().set(id, WorkInstruction.planned(new WorkInstructionId(id), number,
                        MoveKind.YARD_SHIFT, Location.parse("yard:A01-01-01-1"), Location.parse("yard:A01-02-01-1"),
                        1_000 - i * 10L - k, T0));
            }
            if (i < 20) {
                first20.add(new BayPlanEntry(StowageSlot.of(2 * i + 1, 2, 82), container(number), BayPlanAction.LOAD));
            }
            if (i >= 10 && i < 30) {
                last20.add(new BayPlanEntry(StowageSlot.of(2 * i + 1, 4, 82), container(number),
                        BayPlanAction.DISCHARGE));
            }
        }
        maps.vesselCalls().set("CALL-B", call("CALL-B", T0.plusSeconds(7_200), last20));
        maps.vesselCalls().set("CALL-A", call("CALL-A", T0, first20));
        maps.vesselCalls().set("CALL-C", call("CALL-C", T0.plusSeconds(3_600), List.of()));
    }

    @AfterAll
    static void stop() {
        await(vertx.close());
        second.shutdown();
        first.shutdown();
    }

    @Test
    void everyContainersInstructionsAndNoOthersComeBackInSequenceOrder() {
        for (int i = 0; i < CONTAINERS; i++) {
            ContainerNumber number = numbers.get(i);
            List<WorkInstruction> read = await(reader.workInstructions(number));
            assertThat(read).as("container %d", i).hasSize(i % 3 == 0 ? 2 : 1)
                    .allMatch(w -> w.container().equals(number));
            assertThat(read).extracting(WorkInstruction::sequence).isSorted();
        }
        assertThat(await(reader.workInstructions(ContainerNumber.fromParts("TGH", 'U', 999_999)))).isEmpty();
    }

    @Test
    void callsCarryingAContainerArriveCutDownToItsEntriesByEta() {
        ContainerNumber onBoth = numbers.get(15);
        List<VesselCall> calls = await(reader.vesselCallsCarrying(onBoth));
        assertThat(calls).extracting(c -> c.id().value()).containsExactly("CALL-A", "CALL-B");
        assertThat(calls.get(0).bayPlan().entries()).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo(BayPlanAction.LOAD))
                .satisfies(e -> assertThat(e.slot()).isEqualTo(StowageSlot.of(31, 2, 82)));
        assertThat(calls.get(1).bayPlan().entries()).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo(BayPlanAction.DISCHARGE));
        assertThat(calls.get(1).etd()).isEqualTo(T0.plusSeconds(7_200 + 86_400));

        assertThat(await(reader.vesselCallsCarrying(numbers.get(25)))).extracting(c -> c.id().value())
                .containsExactly("CALL-B");
        assertThat(await(reader.vesselCallsCarrying(numbers.get(45)))).isEmpty();
    }

    @Test
    void theProjectionTravelsAsCompact() {
        SerializationService serialization = ((SerializationServiceSupport) first).getSerializationService();
        BayPlanOf projection = new BayPlanOf("MSCU1000003");
        Data data = serialization.toData(projection);
        assertThat(data.getType()).isEqualTo(SerializationConstants.TYPE_COMPACT);
        assertThat((Object) serialization.toObject(data)).isEqualTo(projection);
    }

    @Test
    void bothMembersAnswerFromTheirContainerIndexesWithoutScanningPartitions() {
        long instructionHits = indexHits(YardMaps.WORK_INSTRUCTIONS, ContainerAttributes.INSTRUCTION_CONTAINER);
        long callHits = indexHits(YardMaps.VESSEL_CALLS, ContainerAttributes.BAY_PLAN_CONTAINERS);

        assertThat(await(reader.workInstructions(numbers.get(3)))).hasSize(2);
        assertThat(await(reader.vesselCallsCarrying(numbers.get(3)))).hasSize(1);

        // Each member owns partitions of both maps, so each answers its share through its own index.
        assertThat(indexHits(YardMaps.WORK_INSTRUCTIONS, ContainerAttributes.INSTRUCTION_CONTAINER))
                .isEqualTo(instructionHits + 2);
        assertThat(indexHits(YardMaps.VESSEL_CALLS, ContainerAttributes.BAY_PLAN_CONTAINERS)).isEqualTo(callHits + 2);
    }

    /** Index queries answered so far, summed over both members' local statistics. */
    private static long indexHits(String map, String index) {
        return List.of(first, second).stream()
                .mapToLong(member -> member.getMap(map).getLocalMapStats().getIndexStats().get(index).getQueryCount())
                .sum();
    }

    private static Container container(ContainerNumber number) {
        return new Container(number, new SizeTypeCode("22G1"), new VgmWeight(18_000), new LineOperator("MSCU"),
                new UnLocode("DEHAM"), new UnLocode("NLRTM"), ContainerCategory.IMPORT, null, null);
    }

    private static VesselCall call(String id, Instant eta, List<BayPlanEntry> entries) {
        return new VesselCall(new VesselCallId(id), new Vessel(new ImoNumber("9074729"), "MSC ANNA", 300, 40, 12),
                new Voyage("2547W"), new LineOperator("MSCU"), null, eta, null, eta.plusSeconds(86_400),
                new BayPlan(entries));
    }
}
