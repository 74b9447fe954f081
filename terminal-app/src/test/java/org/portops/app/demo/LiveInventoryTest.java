package org.portops.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.EquipmentLocation;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.YardLocation;
import org.portops.state.custody.TrackedContainer;

class LiveInventoryTest {

    private static final Inventory SAMPLE = SampleInventory.generate(TerminalLayoutLoader.sample(), 11,
            Instant.parse("2026-11-24T06:00:00Z"));
    private static final VesselCall CALL = SAMPLE.vesselCalls().getFirst();
    private static final BayPlanEntry DISCHARGED = CALL.bayPlan().withAction(BayPlanAction.DISCHARGE).getFirst();
    private static final BayPlanEntry LOADED = CALL.bayPlan().withAction(BayPlanAction.LOAD).getFirst();

    @Test
    void untouchedLiveYardGivesTheSampleBack() {
        Inventory inventory = LiveInventory.of(liveYard(), SAMPLE.vesselCalls());

        assertThat(inventory.containers()).containsExactlyInAnyOrderElementsOf(SAMPLE.containers());
        assertThat(inventory.vesselCalls()).isEqualTo(SAMPLE.vesselCalls());
    }

    @Test
    void movedContainersLeaveTheirBayPlanEntriesAndThoseOnAMachineAreLeftOut() {
        List<TrackedContainer> live = new ArrayList<>();
        for (TrackedContainer tracked : liveYard()) {
            if (tracked.container().equals(DISCHARGED.container())) {
                live.add(new TrackedContainer(tracked.container(), new EquipmentLocation(new EquipmentId("TT001")), 9,
                        0));
            } else if (tracked.container().equals(LOADED.container())) {
                live.add(new TrackedContainer(tracked.container(), new VesselLocation(CALL.id(), LOADED.slot()), 10,
                        0));
            } else {
                live.add(tracked);
            }
        }

        Inventory inventory = LiveInventory.of(live, SAMPLE.vesselCalls());

        assertThat(inventory.containers()).extracting(PlacedContainer::container)
                .doesNotContain(DISCHARGED.container(), LOADED.container())
                .hasSize(SAMPLE.containers().size() - 1);
        List<BayPlanEntry> plan = inventory.vesselCalls().getFirst().bayPlan().entries();
        assertThat(plan).doesNotContain(DISCHARGED, LOADED).hasSize(CALL.bayPlan().entries().size() - 2);
        assertThat(inventory.vesselCalls().subList(1, inventory.vesselCalls().size()))
                .isEqualTo(SAMPLE.vesselCalls().subList(1, SAMPLE.vesselCalls().size()));
    }

    @Test
    void containersNotYetInTheTerminalAreLeftOut() {
        List<TrackedContainer> live = new ArrayList<>(liveYard());
        PlacedContainer arriving = SAMPLE.containers().getFirst();
        live.replaceAll(t -> t.container().equals(arriving.container())
                ? new TrackedContainer(t.container(), null, 0, 12) : t);

        Inventory inventory = LiveInventory.of(live, List.of());

        assertThat(inventory.containers()).doesNotContain(arriving).hasSize(SAMPLE.containers().size() - 1);
    }

    /** The live yard as seeded: yard containers in their slots, those on board in their stowage slots. */
    private static List<TrackedContainer> liveYard() {
        List<TrackedContainer> live = new ArrayList<>();
        SAMPLE.containers().forEach(p -> live.add(new TrackedContainer(p.container(), new YardLocation(p.slot()), 1,
                0)));
        for (VesselCall call : SAMPLE.vesselCalls()) {
            call.bayPlan().entries().stream().filter(e -> e.action() != BayPlanAction.LOAD)
                    .forEach(e -> live.add(new TrackedContainer(e.container(), new VesselLocation(call.id(), e.slot()),
                            1, 0)));
        }
        return live;
    }
}
