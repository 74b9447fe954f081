package org.portops.map.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portops.map.kpi.YardKpiBoard.GateTransit;
import org.portops.map.kpi.YardKpis.BlockKpi;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.layout.BlockLayout;
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.ContainerView;
import org.portops.state.testsupport.TestLayouts;

class YardKpiBoardTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final List<BlockLayout> BLOCKS = TestLayouts.small().blocks();

    private final List<ContainerView> yard = new ArrayList<>();
    private final List<WorkInstruction> work = new ArrayList<>();
    private int serial;

    @Test
    void aBlocksFillIsItsTeuOverItsGroundPositionsTimesItsTiers() {
        box("22G1", "A01", 1, 1, 1);
        box("22G1", "A01", 1, 1, 2);
        box("42G1", "A01", 3, 2, 1);
        box("22G1", "A02", 5, 1, 1);

        YardKpis kpis = reckon(List.of());

        BlockKpi a01 = block(kpis, "A01");
        assertThat(a01.capacityTeu()).as("10 bays x 4 rows x 4 tiers").isEqualTo(160);
        assertThat(a01.boxes()).isEqualTo(3);
        assertThat(a01.teu()).as("two 20' and a 40'").isEqualTo(4);
        assertThat(a01.fill()).isEqualTo(4 / 160.0);
        assertThat(block(kpis, "A02").teu()).isEqualTo(1);
        assertThat(block(kpis, "B01").fill()).isZero();
        assertThat(kpis.teu()).isEqualTo(5);
        assertThat(kpis.capacityTeu()).isEqualTo(BLOCKS.stream().mapToInt(BlockLayout::capacitySlots).sum());
    }

    @Test
    void rehandlesAheadAreTheBoxesOnTopOfABoxAnOpenMoveTakesOut() {
        ContainerNumber bottom = box("22G1", "A01", 1, 1, 1);
        box("22G1", "A01", 1, 1, 2);
        box("22G1", "A01", 1, 1, 3);
        ContainerNumber top = box("22G1", "A01", 1, 2, 2);
        box("22G1", "A01", 1, 2, 1);
        // a 40' over bays 3 and 4, with a 20' on top of its bay-4 end
        ContainerNumber forty = box("42G1", "A02", 3, 1, 1);
        box("22G1", "A02", 4, 1, 2);
        move(bottom, "A01", 1, 1, 1, MoveKind.GATE_OUT, false);
        move(top, "A01", 1, 2, 2, MoveKind.GATE_OUT, false);
        move(forty, "A02", 3, 1, 1, MoveKind.LOAD, false);

        YardKpis kpis = reckon(List.of());

        assertThat(block(kpis, "A01").rehandlesAhead()).as("two boxes on the first, none on the top one").isEqualTo(2);
        assertThat(block(kpis, "A02").rehandlesAhead()).as("the 20' on the 40's far end").isEqualTo(1);
    }

    @Test
    void rehandlesDoneCountCompletedRehandlesOfTheWindowOutOfTheirBlock() {
        ContainerNumber box = box("22G1", "B01", 1, 1, 1);
        rehandle(box, "B01", "09:30");
        rehandle(box, "B01", "09:59");
        rehandle(box, "B01", "08:59");
        rehandle(box, "A02", "09:45");
        move(box("22G1", "B01", 2, 1, 1), "B01", 2, 1, 1, MoveKind.YARD_SHIFT, true);

        YardKpis kpis = reckon(List.of());

        assertThat(block(kpis, "B01").rehandlesDone()).as("two of the last hour; a yard shift is not one").isEqualTo(2);
        assertThat(block(kpis, "A02").rehandlesDone()).isEqualTo(1);
    }

    @Test
    void aTrucksTurnRunsFromItsWayInToItsNextWayOut() {
        List<GateTransit> gate = List.of(
                in("T1", "09:00"), in("T1", "09:05"), out("T1", "09:40"),
                in("T2", "09:20"), out("T2", "09:50"),
                out("T3", "09:30"),
                in("T4", "08:10"), out("T4", "08:55"),
                in("T5", "02:00"), out("T5", "09:10"));

        YardKpis.TruckTurns trucks = reckon(gate).trucks();

        assertThat(trucks.minutes()).as("T1 from its first way in; T3 only left, T4 left before the hour, T5's "
                + "way in was another visit").containsExactly(40.0, 30.0);
        assertThat(trucks.meanMinutes()).isCloseTo(35.0, within(1e-9));
        assertThat(trucks.p95Minutes()).isEqualTo(40.0);
        assertThat(reckon(List.of()).trucks().p95Minutes()).isZero();
    }

    private YardKpis reckon(List<GateTransit> gate) {
        return YardKpiBoard.reckon(BLOCKS, yard, work, gate, NOW, Duration.ofHours(1));
    }

    private static BlockKpi block(YardKpis kpis, String id) {
        return kpis.blocks().stream().filter(b -> b.block().equals(id)).findFirst().orElseThrow();
    }

    private ContainerNumber box(String sizeType, String block, int bay, int row, int tier) {
        ContainerNumber number = ContainerNumber.fromParts("TST", 'U', 200_000 + serial++);
        yard.add(new ContainerView(new Container(number, new SizeTypeCode(sizeType), new VgmWeight(20000),
                new LineOperator("MSC"), new UnLocode("NLRTM"), new UnLocode("USNYC"), ContainerCategory.EXPORT,
                null, null), new YardLocation(YardSlot.of(block, bay, row, tier)), serial));
        return number;
    }

    private void move(ContainerNumber box, String block, int bay, int row, int tier, MoveKind kind, boolean done) {
        WorkInstruction planned = WorkInstruction.planned(new WorkInstructionId("WI-" + serial++), box, kind,
                new YardLocation(YardSlot.of(block, bay, row, tier)), new GateLocation("OUT-1"), serial,
                NOW.minusSeconds(600));
        work.add(done ? planned.dispatch(List.of(new org.portops.model.equipment.EquipmentId("RTG01")),
                NOW.minusSeconds(500)).start(NOW.minusSeconds(400)).complete(NOW.minusSeconds(300)) : planned);
    }

    private void rehandle(ContainerNumber box, String block, String at) {
        Instant time = Instant.parse("2026-11-24T" + at + ":00Z");
        WorkInstruction planned = WorkInstruction.planned(new WorkInstructionId("RH-" + serial++), box,
                MoveKind.REHANDLE, new YardLocation(YardSlot.of(block, 5, 1, 2)),
                new YardLocation(YardSlot.of(block, 6, 1, 1)), serial, time.minusSeconds(600));
        work.add(planned.dispatch(List.of(new org.portops.model.equipment.EquipmentId("RTG01")),
                time.minusSeconds(300)).start(time.minusSeconds(60)).complete(time));
    }

    private static GateTransit in(String truck, String at) {
        return new GateTransit(truck, true, Instant.parse("2026-11-24T" + at + ":00Z"));
    }

    private static GateTransit out(String truck, String at) {
        return new GateTransit(truck, false, Instant.parse("2026-11-24T" + at + ":00Z"));
    }
}
