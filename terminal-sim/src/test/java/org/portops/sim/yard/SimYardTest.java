package org.portops.sim.yard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.yard.YardSlot;

class SimYardTest {

    private static final TerminalLayout LAYOUT = TerminalLayoutLoader.sample();
    private static final Inventory SAMPLE = SampleInventory.generate(LAYOUT, 7, Instant.parse("2026-11-24T06:00:00Z"));

    @Test
    void startsFromAnInventoryGivenTopTierFirst() {
        List<PlacedContainer> topDown = new ArrayList<>(SAMPLE.containers());
        topDown.sort(Comparator.comparingInt((PlacedContainer p) -> p.slot().tier().level()).reversed());

        SimYard yard = new SimYard(LAYOUT, topDown);

        assertThat(SAMPLE.containers()).allSatisfy(placed -> assertThat(yard.find(placed.container().number()))
                .as("%s", placed.container().number()).map(PlacedContainer::slot).contains(placed.slot()));
    }

    @Test
    void refusesAnInventoryWithAFloatingContainer() {
        PlacedContainer grounded = SAMPLE.containers().stream().filter(p -> p.slot().tier().level() == 1)
                .filter(p -> p.container().length().yardBays() == 1).filter(p -> !p.container().isReefer())
                .findFirst().orElseThrow();
        YardSlot slot = grounded.slot();
        PlacedContainer floating = new PlacedContainer(grounded.container(),
                YardSlot.of(slot.block().value(), slot.stack().bay().number(), slot.stack().row().number(), 3));

        assertThatThrownBy(() -> new SimYard(LAYOUT, List.of(floating)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initial inventory")
                .hasMessageContaining("would float");
    }
}
