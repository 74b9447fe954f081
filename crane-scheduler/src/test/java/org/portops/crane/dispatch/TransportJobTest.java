package org.portops.crane.dispatch;

import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.work.MoveKind;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.crane.dispatch.Jobs.T0;
import static org.portops.crane.dispatch.Jobs.YARD_HANDLING;
import static org.portops.crane.dispatch.Jobs.bay;
import static org.portops.crane.dispatch.Jobs.container;
import static org.portops.crane.dispatch.Jobs.underCrane;

class TransportJobTest {

    @Test
    void refusesADischargeThatStartsInTheYardNamingBothEnds() {
        assertThatThrownBy(() -> new TransportJob(new TransportJobId("D1"), container(1), MoveKind.DISCHARGE,
                bay("A01", 3), underCrane("QC01", 100), new CraneMove(new EquipmentId("QC01"), 1), T0, YARD_HANDLING,
                Set.of(EquipmentKind.TERMINAL_TRACTOR)))
                .hasMessage("transport job D1: pickup must be under the crane, was A01/3; drop must be a yard bay,"
                        + " was QC01@100m");
    }

    @Test
    void refusesALoadForOneCraneDeliveredUnderAnother() {
        assertThatThrownBy(() -> new TransportJob(new TransportJobId("L1"), container(1), MoveKind.LOAD,
                bay("A01", 3), underCrane("QC02", 100), new CraneMove(new EquipmentId("QC01"), 1), T0, YARD_HANDLING,
                Set.of(EquipmentKind.TERMINAL_TRACTOR)))
                .hasMessage("transport job L1: drop is under QC02 but the move is for QC01");
    }

    @Test
    void refusesKindsThatAreNotTransportAndCarriersThatCannotDrive() {
        assertThatThrownBy(() -> new TransportJob(new TransportJobId("G1"), container(1), MoveKind.GATE_IN,
                bay("A01", 3), bay("A01", 4), null, T0, YARD_HANDLING, Set.of(EquipmentKind.RTG)))
                .hasMessageContaining("RTG is not horizontal transport")
                .hasMessageContaining("kind GATE_IN is not horizontal transport between quay and yard");
    }

    @Test
    void refusesARequestThatCommitsAVehicleToAnUnknownJob() {
        Vehicle vehicle = new Vehicle(new EquipmentId("TT001"), EquipmentKind.TERMINAL_TRACTOR, bay("A01", 1), T0,
                List.of(new TransportJobId("X9")));

        assertThatThrownBy(() -> new DispatchRequest(T0, List.of(), List.of(vehicle), PublishedPlan.NONE))
                .hasMessage("vehicle TT001 is committed to job X9, which is not among the request's jobs");
    }
}
