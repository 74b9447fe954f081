package org.portops.map.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.event.Alert;
import org.portops.model.event.AlertKind;
import org.portops.model.event.ContainerMoved;
import org.portops.model.event.EquipmentUpdated;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.state.ContainerView;

class DeltaCoalescerTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final ContainerNumber BOX = ContainerNumber.of("MSCU1234566");

    private final DeltaCoalescer coalescer = new DeltaCoalescer();

    @Test
    void tenReadingsOfOneMachineInAPeriodReachTheBrowserAsOneWithTheLastPosition() {
        for (int i = 0; i < 10; i++) {
            coalescer.take(new EquipmentUpdated(0, T0.plusMillis(i * 20L), crane(100 + i)));
        }
        coalescer.take(new EquipmentUpdated(0, T0, tractor()));

        JsonObject delta = coalescer.drain(T0).orElseThrow();

        assertThat(delta.getJsonArray("machines")).hasSize(2);
        assertThat(delta.getJsonArray("machines").getJsonObject(0).getDouble("x")).isEqualTo(109.0);
        assertThat(delta.getLong("events")).isEqualTo(11);
        assertThat(delta.getLong("sentAt")).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void nothingChangedDrainsNothingAndSerialsCountOnlySentDeltas() {
        assertThat(coalescer.drain(T0)).isEmpty();
        coalescer.take(new EquipmentUpdated(0, T0, tractor()));
        assertThat(coalescer.drain(T0).orElseThrow().getLong("serial")).isEqualTo(1);
        assertThat(coalescer.drain(T0)).isEmpty();
        coalescer.take(new EquipmentUpdated(0, T0, tractor()));
        assertThat(coalescer.drain(T0).orElseThrow().getLong("serial")).isEqualTo(2);
    }

    @Test
    void aContainerMovedTwiceInAPeriodIsSentOnceWhereItEndedUp() {
        coalescer.take(moved(7, "yard:A01-01-01-1", "yard:A01-02-01-1"));
        coalescer.take(moved(8, "yard:A01-02-01-1", "yard:A02-03-02-1"));

        JsonArray containers = coalescer.drain(T0).orElseThrow().getJsonArray("containers");

        assertThat(containers).hasSize(1);
        assertThat(containers.getJsonArray(0).getList()).containsExactly(BOX.value(), "yard:A02-03-02-1", 8L);
    }

    @Test
    void anArrivalLookedUpAfterALaterMoveDoesNotPutTheContainerBack() {
        coalescer.take(moved(9, "yard:A01-01-01-1", "yard:A01-05-01-1"));
        coalescer.takeArrival(new ContainerView(box(), Location.parse("gate:IN-1"), 3));

        JsonArray containers = coalescer.drain(T0).orElseThrow().getJsonArray("containers");

        assertThat(containers.getJsonArray(0).getString(1)).isEqualTo("yard:A01-05-01-1");
    }

    @Test
    void anArrivalCarriesTheMasterDataTheMapColoursBy() {
        coalescer.take(new ContainerMoved(4, T0, BOX, MoveKind.GATE_IN, null, Location.parse("yard:A01-01-01-1")));
        coalescer.takeArrival(new ContainerView(box(), Location.parse("yard:A01-01-01-1"), 4));
        coalescer.take(new ContainerMoved(4, T0, BOX, MoveKind.GATE_IN, null, Location.parse("yard:A01-01-01-1")));

        JsonArray sent = coalescer.drain(T0).orElseThrow().getJsonArray("containers").getJsonArray(0);

        assertThat(sent.getList()).containsExactly(BOX.value(), "yard:A01-01-01-1", 4L, "MSC", "USNYC", 24000,
                "IMPORT", "22G1", null, null);
    }

    @Test
    void aClearedAlertReplacesItsRaisingInTheSameDelta() {
        Alert alert = new Alert(T0, AlertKind.EQUIPMENT_OFFLINE, "QC01", "no telemetry for 30 s");
        coalescer.takeAlert(alert, false);
        coalescer.takeAlert(alert, true);

        JsonArray alerts = coalescer.drain(T0).orElseThrow().getJsonArray("alerts");

        assertThat(alerts).hasSize(1);
        assertThat(alerts.getJsonObject(0).getString("key")).isEqualTo("EQUIPMENT_OFFLINE/QC01");
        assertThat(alerts.getJsonObject(0).getBoolean("cleared")).isTrue();
    }

    private static ContainerMoved moved(long sequence, String from, String to) {
        return new ContainerMoved(sequence, T0, BOX, MoveKind.YARD_SHIFT, Location.parse(from), Location.parse(to));
    }

    private static Container box() {
        return new Container(BOX, new SizeTypeCode("22G1"), new VgmWeight(24000), new LineOperator("MSC"),
                new UnLocode("NLRTM"), new UnLocode("USNYC"), ContainerCategory.IMPORT, null, null);
    }

    private static EquipmentState crane(double x) {
        return new EquipmentState(new EquipmentId("QC01"), EquipmentKind.QUAY_CRANE, new Position(x, 3), 0, 0.5,
                EquipmentStatus.WORKING, Spreader.UNLOCKED, null, List.of(), T0);
    }

    private static EquipmentState tractor() {
        return new EquipmentState(new EquipmentId("TT001"), EquipmentKind.TERMINAL_TRACTOR, new Position(10, 50), 90,
                4, EquipmentStatus.WORKING, Spreader.UNLOCKED, null, List.of(), T0);
    }
}
