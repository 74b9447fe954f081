package org.portops.model.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.yard.YardSlot;

class LocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"yard:A01-05-03-2", "vessel:CALL1/0340282", "gate:IN-3", "equipment:TT042"})
    void roundTrips(String text) {
        assertThat(Location.parse(text)).hasToString(text);
    }

    @Test
    void parsesEachKind() {
        assertThat(Location.parse("yard:A01-05-03-2")).isEqualTo(new YardLocation(YardSlot.parse("A01-05-03-2")));
        assertThat(Location.parse("vessel:CALL1/0340282"))
                .isEqualTo(new VesselLocation(new VesselCallId("CALL1"), StowageSlot.parse("0340282")));
        assertThat(Location.parse("gate:IN-3")).isEqualTo(new GateLocation("IN-3"));
        assertThat(Location.parse("equipment:TT042")).isEqualTo(new EquipmentLocation(new EquipmentId("TT042")));
    }

    @Test
    void switchesOverEveryKindWithoutDefault() {
        String kind = switch (Location.parse("gate:IN-3")) {
            case YardLocation y -> "yard " + y.slot();
            case VesselLocation v -> "vessel " + v.call();
            case GateLocation g -> "gate " + g.lane();
            case EquipmentLocation e -> "equipment " + e.equipment();
        };
        assertThat(kind).isEqualTo("gate IN-3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A01-05-03-2", "truck:ABC", "YARD:A01-05-03-2", ":x"})
    void refusesUnknownKinds(String text) {
        assertThatThrownBy(() -> Location.parse(text))
                .hasMessageContaining("location must be yard:<slot>, vessel:<call>/<BBBRRTT>, gate:<lane> or equipment:<id>");
    }

    @Test
    void refusesMalformedBodiesWithTheBodysOwnMessage() {
        assertThatThrownBy(() -> Location.parse("vessel:CALL1")).hasMessageContaining("vessel:CALL1/0340282");
        assertThatThrownBy(() -> Location.parse("yard:A01-05")).hasMessageContaining("yard slot must look like");
        assertThatThrownBy(() -> Location.parse("gate:")).hasMessageContaining("gate lane must be");
        assertThatThrownBy(() -> Location.parse("equipment:tt042")).hasMessageContaining("equipment id must be");
    }
}
