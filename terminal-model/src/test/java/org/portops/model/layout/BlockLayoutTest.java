package org.portops.model.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerLength;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardSlot;

class BlockLayoutTest {

    private static final BlockLayout A01 =
            new BlockLayout(new BlockId("A01"), 40, 8, 5, Set.of(7, 8), new Position(25, 110), EquipmentKind.RTG);

    @Test
    void containsSlotsWithinBaysRowsAndTiers() {
        assertThat(A01.contains(YardSlot.parse("A01-40-08-5"))).isTrue();
        assertThat(A01.contains(YardSlot.parse("A01-41-08-5"))).isFalse();
        assertThat(A01.contains(YardSlot.parse("A01-40-09-5"))).isFalse();
        assertThat(A01.contains(YardSlot.parse("A01-40-08-6"))).isFalse();
        assertThat(A01.contains(YardSlot.parse("A02-01-01-1"))).isFalse();
    }

    @Test
    void fortiesFitOnOddBaysWithTheirPartnerInside() {
        assertThat(A01.fits(YardSlot.parse("A01-39-01-1"), ContainerLength.FORTY)).isTrue();
        assertThat(A01.fits(YardSlot.parse("A01-40-01-1"), ContainerLength.FORTY)).isFalse();
        assertThat(A01.fits(YardSlot.parse("A01-40-01-1"), ContainerLength.TWENTY)).isTrue();
        BlockLayout oddLength = new BlockLayout(new BlockId("X1"), 5, 2, 3, Set.of(), Position.ORIGIN, EquipmentKind.RTG);
        assertThat(oddLength.fits(YardSlot.parse("X1-05-01-1"), ContainerLength.FORTY_FIVE)).isFalse();
    }

    @Test
    void plugsAreOnReeferRowsOnly() {
        assertThat(A01.hasPlug(StackId.parse("A01-12-07"))).isTrue();
        assertThat(A01.hasPlug(StackId.parse("A01-12-06"))).isFalse();
        assertThat(A01.hasPlug(StackId.parse("A02-12-07"))).isFalse();
    }

    @Test
    void capacityCountsTwentyFootSlots() {
        assertThat(A01.capacitySlots()).isEqualTo(1_600);
    }

    @Test
    void stackCentresAreLaidOutFromTheOrigin() {
        assertThat(A01.stackCentre(StackId.parse("A01-01-01"))).isEqualTo(new Position(25 + 3.25, 110 + 1.45));
    }

    @Test
    void refusesReeferRowsOutsideTheBlockAndNonStackingCranes() {
        assertThatThrownBy(() -> new BlockLayout(new BlockId("A01"), 40, 8, 5, Set.of(9), Position.ORIGIN,
                EquipmentKind.RTG)).hasMessage("reefer row of block A01 must be 1..8, was 9");
        assertThatThrownBy(() -> new BlockLayout(new BlockId("A01"), 40, 8, 5, Set.of(), Position.ORIGIN,
                EquipmentKind.QUAY_CRANE)).hasMessageContaining("cannot be worked by QUAY_CRANE");
        assertThatThrownBy(() -> new BlockLayout(new BlockId("A01"), 40, 8, 12, Set.of(), Position.ORIGIN,
                EquipmentKind.RTG)).hasMessage("maxTiers of block A01 must be 1..9, was 12");
    }

    @Test
    void equipmentSpecsNumberCranesWithTwoDigitsAndTransportWithThree() {
        List<Equipment> cranes = new EquipmentSpec(EquipmentKind.QUAY_CRANE, "QC", 14, "STS").expand();
        List<Equipment> tractors = new EquipmentSpec(EquipmentKind.TERMINAL_TRACTOR, "TT", 72, "").expand();

        assertThat(cranes).hasSize(14);
        assertThat(cranes.getFirst().id()).hasToString("QC01");
        assertThat(cranes.getLast().id()).hasToString("QC14");
        assertThat(tractors.getFirst().id()).hasToString("TT001");
        assertThat(tractors.get(41).id()).hasToString("TT042");
        assertThat(new EquipmentSpec(EquipmentKind.RTG, "RTG", 120, "").expand().getLast().id()).hasToString("RTG120");
    }
}
