package org.portops.model.vessel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.quay.BerthId;

class BayPlanTest {

    private static Container box(int serial, String sizeType) {
        return new Container(ContainerNumber.fromParts("MSC", 'U', serial), new SizeTypeCode(sizeType),
                new VgmWeight(20_000), new LineOperator("MSCU"), new UnLocode("CNSHA"), new UnLocode("NLRTM"),
                ContainerCategory.IMPORT, null, null);
    }

    private static BayPlanEntry entry(String slot, int serial, String sizeType, BayPlanAction action) {
        return new BayPlanEntry(StowageSlot.parse(slot), box(serial, sizeType), action);
    }

    @Test
    void twentiesInOddBaysAndFortiesInEvenBaysFit() {
        BayPlan plan = new BayPlan(List.of(entry("0330282", 1, "22G1", BayPlanAction.DISCHARGE),
                entry("0350282", 2, "22G1", BayPlanAction.DISCHARGE),
                entry("0380282", 3, "45G1", BayPlanAction.DISCHARGE)));

        assertThat(plan.withAction(BayPlanAction.DISCHARGE)).hasSize(3);
    }

    @Test
    void refusesFortyInAnOddBayAndTwentyInAnEvenBay() {
        assertThatThrownBy(() -> entry("0330282", 1, "42G1", BayPlanAction.LOAD))
                .hasMessageContaining("20' containers go in odd bays, 40'/45' in even bays");
        assertThatThrownBy(() -> entry("0340282", 1, "22G1", BayPlanAction.LOAD))
                .hasMessageContaining("cannot be stowed at 0340282");
    }

    @Test
    void refusesAFortyOverATwentyOnTheSameSide() {
        assertThatThrownBy(() -> new BayPlan(List.of(entry("0330282", 1, "22G1", BayPlanAction.DISCHARGE),
                entry("0340282", 2, "45G1", BayPlanAction.REMAIN_ON_BOARD))))
                .hasMessageContaining("slot 0340282 of MSCU0000028 overlaps 0330282 of MSCU0000012 on arrival");
    }

    @Test
    void aDischargedSlotCanBeLoadedAgain() {
        BayPlan plan = new BayPlan(List.of(entry("0340282", 1, "45G1", BayPlanAction.DISCHARGE),
                entry("0340282", 2, "45G1", BayPlanAction.LOAD)));

        assertThat(plan.entries()).hasSize(2);
    }

    @Test
    void refusesARemainingContainersSlotForALoad() {
        assertThatThrownBy(() -> new BayPlan(List.of(entry("0340282", 1, "45G1", BayPlanAction.REMAIN_ON_BOARD),
                entry("0340282", 2, "45G1", BayPlanAction.LOAD)))).hasMessageContaining("on departure");
    }

    @Test
    void refusesTheSameContainerTwice() {
        assertThatThrownBy(() -> new BayPlan(List.of(entry("0340282", 1, "45G1", BayPlanAction.DISCHARGE),
                entry("0380282", 1, "45G1", BayPlanAction.LOAD)))).hasMessageContaining("appears twice");
    }

    @Test
    void vesselCallKeepsItsTimesInOrder() {
        Vessel vessel = new Vessel(new ImoNumber("9074729"), "TEST SHIP", 300, 48, 14);
        Instant eta = Instant.parse("2026-11-24T06:00:00Z");
        Instant etd = eta.plusSeconds(86_400);
        VesselCall call = new VesselCall(new VesselCallId("CALL1"), vessel, new Voyage("447W"),
                new LineOperator("MAEU"), null, eta, null, etd, BayPlan.EMPTY);

        assertThat(call.berthedAt(new BerthId("B1"), eta.plusSeconds(3_600)).berth()).isEqualTo(new BerthId("B1"));
        assertThatThrownBy(() -> new VesselCall(new VesselCallId("CALL1"), vessel, new Voyage("447W"),
                new LineOperator("MAEU"), null, etd, null, eta, BayPlan.EMPTY)).hasMessageContaining("ETA before ETD");
        assertThatThrownBy(() -> call.berthedAt(new BerthId("B1"), etd.plusSeconds(1)))
                .hasMessageContaining("ETB within [ETA, ETD]");
    }
}
