package org.portops.crane.berth.quay;

import org.junit.jupiter.api.Test;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.quay.Bollard;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The quay's bollards as the berth planner reads them (sample quay: bollards 1–57 every 25 m from 0 m). */
class QuayLayoutTest {
    private static final QuayLayout SAMPLE = QuayLayout.of(TerminalLayoutLoader.sample(), 55, 20);

    @Test
    void theSampleQuayHasItsBollardsFromTheLayout() {
        assertThat(SAMPLE.bollards()).hasSize(57).startsWith(new Bollard("1", 0)).endsWith(new Bollard("57", 1400));
    }

    @Test
    void aVesselMakesFastToTheBollardsAbreastOfOrJustBeyondItsEnds() {
        assertThat(SAMPLE.mooring(760, 932)).contains(new QuayLayout.Mooring(new Bollard("31", 750),
                new Bollard("39", 950)));
        assertThat(SAMPLE.mooring(750, 925)).as("ends abreast of bollards")
                .contains(new QuayLayout.Mooring(new Bollard("31", 750), new Bollard("38", 925)));
    }

    @Test
    void atAQuayEndWithoutABollardBeyondTheVesselTheOutermostOneAlongsideIsTaken() {
        QuayLayout inset = new QuayLayout("inset", 500, SAMPLE.sections().subList(0, 1), 2,
                new QuayLayout.CraneReach(0, 500, 55), 20,
                List.of(new Bollard("A", 20), new Bollard("B", 200), new Bollard("C", 480)));
        assertThat(inset.mooring(0, 300)).contains(new QuayLayout.Mooring(new Bollard("A", 20), new Bollard("C", 480)));
        assertThat(inset.mooring(210, 500)).contains(new QuayLayout.Mooring(new Bollard("B", 200),
                new Bollard("C", 480)));
        assertThat(new QuayLayout("bare", 500, SAMPLE.sections().subList(0, 1), 2,
                new QuayLayout.CraneReach(0, 500, 55), 20).mooring(0, 300)).isEqualTo(Optional.empty());
    }
}
