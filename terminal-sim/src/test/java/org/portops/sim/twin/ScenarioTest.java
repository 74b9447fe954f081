package org.portops.sim.twin;

import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.yard.BlockId;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioTest {

    @Test
    void readsEveryKindOfEventAndWritesItBackTheSameWay() {
        Scenario scenario = Scenario.parse("storm=breakdown:QC03@1h+2h; vessel:CALL-2-1h30m;block-closed:A03@0s+4h;"
                + "gate-surge:2.5@90m+2h;tractors-out:10@0s+8h");

        assertThat(scenario.name()).isEqualTo("storm");
        assertThat(scenario.events()).containsExactly(
                new ScenarioEvent.Breakdown(new EquipmentId("QC03"), Duration.ofHours(1), Duration.ofHours(2)),
                new ScenarioEvent.VesselShift(new VesselCallId("CALL-2"), Duration.ofMinutes(-90)),
                new ScenarioEvent.BlockClosed(new BlockId("A03"), Duration.ZERO, Duration.ofHours(4)),
                new ScenarioEvent.GateSurge(2.5, Duration.ofMinutes(90), Duration.ofHours(2)),
                new ScenarioEvent.TractorShortage(10, Duration.ZERO, Duration.ofHours(8)));
        assertThat(Scenario.parse(scenario.describe())).isEqualTo(scenario);
        assertThat(Scenario.parse("late=vessel:CALL2+45m").events())
                .containsExactly(new ScenarioEvent.VesselShift(new VesselCallId("CALL2"), Duration.ofMinutes(45)));
        assertThat(Scenario.parse("again").events()).isEmpty();
    }

    @Test
    void badScenariosSayWhichEventAndWhatIsWrong() {
        assertThatThrownBy(() -> Scenario.parse("x=quake:QC01@1h+1h"))
                .hasMessage("scenario x, event 'quake:QC01@1h+1h': unknown event kind 'quake' (breakdown, vessel,"
                        + " block-closed, gate-surge, tractors-out)");
        assertThatThrownBy(() -> Scenario.parse("x=breakdown:QC01@soon+1h"))
                .hasMessageContaining("expected WHAT@START+DURATION");
        assertThatThrownBy(() -> Scenario.parse("x=breakdown:QC01@1h+0s"))
                .hasMessageContaining("repair time of QC01 must last more than 0");
        assertThatThrownBy(() -> Scenario.parse("x=gate-surge:lots@1h+1h")).hasMessageContaining("'lots' is not a number");
        assertThatThrownBy(() -> Scenario.parse("x=gate-surge:50@1h+1h")).hasMessageContaining("at most 20, was 50");
        assertThatThrownBy(() -> Scenario.parse("x=vessel:CALL2")).hasMessageContaining("vessel:CALL+TIME");
        assertThatThrownBy(() -> Scenario.parse("x=vessel:CALL2+0s")).hasMessageContaining("a shift of 0");
        assertThatThrownBy(() -> Scenario.parse("x=tractors-out:0@0s+1h")).hasMessageContaining("at least 1 tractor");
        assertThatThrownBy(() -> Scenario.parse("bad name=breakdown:QC01@1h+1h"))
                .hasMessageContaining("scenario name must be");
        assertThatThrownBy(() -> Scenario.parse("x=breakdownQC01")).hasMessageContaining("expected KIND:VALUE");
    }
}
