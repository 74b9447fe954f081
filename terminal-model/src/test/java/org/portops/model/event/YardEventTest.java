package org.portops.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;

class YardEventTest {

    private static final Instant AT = Instant.parse("2026-11-24T06:00:00Z");
    private static final ContainerNumber BOX = new ContainerNumber("CSQU3054383");

    private static String address(YardEvent event) {
        return switch (event) {
            case ContainerMoved moved when moved.isArrival() -> Addresses.CONTAINER_PLACED;
            case ContainerMoved moved when moved.isDeparture() -> Addresses.CONTAINER_REMOVED;
            case ContainerMoved moved -> Addresses.CONTAINER_MOVED;
            case EquipmentUpdated updated -> Addresses.EQUIPMENT_UPDATED;
            case WorkInstructionChanged changed -> Addresses.INSTRUCTION_CHANGED;
            case VesselCallChanged changed -> Addresses.VESSEL_CALL_CHANGED;
        };
    }

    @Test
    void movesArriveMoveAndLeave() {
        Location gate = Location.parse("gate:IN-3");
        Location yard = Location.parse("yard:A01-05-03-2");

        assertThat(address(new ContainerMoved(1, AT, BOX, MoveKind.GATE_IN, null, yard)))
                .isEqualTo("yard.container.placed");
        assertThat(address(new ContainerMoved(2, AT, BOX, MoveKind.GATE_OUT, yard, null)))
                .isEqualTo("yard.container.removed");
        assertThat(address(new ContainerMoved(3, AT, BOX, MoveKind.YARD_SHIFT, yard, gate)))
                .isEqualTo("yard.container.moved");
    }

    @Test
    void refusesAMoveFromNowhereToNowhereAndNegativeSequences() {
        assertThatThrownBy(() -> new ContainerMoved(1, AT, BOX, MoveKind.GATE_IN, null, null))
                .hasMessageContaining("needs a from or a to");
        assertThatThrownBy(() -> new ContainerMoved(-1, AT, BOX, MoveKind.GATE_IN, null, Location.parse("gate:IN-1")))
                .hasMessageContaining("event sequence must be >= 0");
    }

    @Test
    void addressesArePastTenseFactsAndOneCommand() {
        assertThat(Addresses.CONTAINER_MOVED).isEqualTo("yard.container.moved");
        assertThat(Addresses.EQUIPMENT_UPDATED).isEqualTo("yard.equipment.updated");
        assertThat(Addresses.INSTRUCTION_CHANGED).isEqualTo("yard.instruction.changed");
        assertThat(Addresses.VESSEL_CALL_CHANGED).isEqualTo("yard.vesselcall.changed");
        assertThat(Addresses.MOVE_REQUEST).isEqualTo("yard.move.request");
    }
}
