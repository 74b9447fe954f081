package org.portops.model.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.UnLocode;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.quay.Berth;
import org.portops.model.quay.BerthId;
import org.portops.model.quay.Quay;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardBay;
import org.portops.model.yard.YardSlot;

class SampleInventoryTest {

    private static final TerminalLayout SAMPLE = TerminalLayoutLoader.sample();
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 42, 2026, -7, 987_654_321})
    void everyYardInvariantHolds(long seed) {
        Inventory inventory = SampleInventory.generate(SAMPLE, seed, NOW);

        assertThat(inventory.containers()).as("seed %d", seed).hasSizeGreaterThanOrEqualTo(15_000);
        assertYardInvariants(SAMPLE, inventory, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 77})
    void mixIsRealistic(long seed) {
        List<Container> boxes = SampleInventory.generate(SAMPLE, seed, NOW).containers().stream()
                .map(PlacedContainer::container).toList();

        assertThat(share(boxes, c -> c.length() == ContainerLength.TWENTY)).as("20', seed %d", seed).isBetween(0.40, 0.48);
        assertThat(share(boxes, c -> c.length() == ContainerLength.FORTY)).as("40', seed %d", seed).isBetween(0.45, 0.53);
        assertThat(share(boxes, c -> c.length() == ContainerLength.FORTY_FIVE)).as("45', seed %d", seed).isBetween(0.03, 0.07);
        assertThat(share(boxes, Container::isReefer)).as("reefers, seed %d", seed).isBetween(0.06, 0.10);
        assertThat(share(boxes, Container::isDangerous)).as("DG, seed %d", seed).isBetween(0.02, 0.04);
        assertThat(share(boxes, c -> c.category() == ContainerCategory.EMPTY)).as("empties, seed %d", seed)
                .isBetween(0.09, 0.15);
        for (ContainerCategory category : List.of(ContainerCategory.IMPORT, ContainerCategory.EXPORT,
                ContainerCategory.TRANSSHIPMENT)) {
            assertThat(share(boxes, c -> c.category() == category)).as("%s, seed %d", category, seed).isGreaterThan(0.1);
        }
        assertThat(boxes.stream().map(Container::line).distinct().count()).isGreaterThanOrEqualTo(5);
        assertThat(boxes.stream().map(Container::portOfDischarge).distinct().count()).isGreaterThanOrEqualTo(8);
        assertThat(boxes).allSatisfy(c -> assertThat(c.portOfLoading()).isNotEqualTo(c.portOfDischarge()));
    }

    @Test
    void sameSeedGivesTheSameInventoryAndAnotherSeedAnother() {
        Inventory first = SampleInventory.generate(SAMPLE, 42, NOW);

        assertThat(SampleInventory.generate(SAMPLE, 42, NOW)).isEqualTo(first);
        assertThat(SampleInventory.generate(SAMPLE, 43, NOW).containers()).isNotEqualTo(first.containers());
    }

    @Test
    void threeVesselCallsDischargeWhatIsOnBoardAndLoadOutboundYardContainers() {
        Inventory inventory = SampleInventory.generate(SAMPLE, 42, NOW);
        Map<ContainerNumber, Container> yard = new HashMap<>();
        inventory.containers().forEach(p -> yard.put(p.container().number(), p.container()));
        Set<ContainerNumber> loadedOnce = new HashSet<>();

        assertThat(inventory.vesselCalls()).hasSize(3);
        for (VesselCall call : inventory.vesselCalls()) {
            List<BayPlanEntry> discharges = call.bayPlan().withAction(BayPlanAction.DISCHARGE);
            List<BayPlanEntry> loads = call.bayPlan().withAction(BayPlanAction.LOAD);
            assertThat(discharges).as("%s discharges", call.id()).hasSizeGreaterThan(100)
                    .allSatisfy(e -> assertThat(yard).doesNotContainKey(e.container().number()))
                    .allSatisfy(e -> assertThat(e.container().category()).isNotEqualTo(ContainerCategory.EXPORT));
            assertThat(loads).as("%s loads", call.id()).hasSizeGreaterThan(100).allSatisfy(e -> {
                assertThat(yard.get(e.container().number())).isEqualTo(e.container());
                assertThat(e.container().category()).isNotEqualTo(ContainerCategory.IMPORT);
                assertThat(e.container().portOfDischarge()).isNotEqualTo(SAMPLE.port());
                assertThat(loadedOnce.add(e.container().number())).as("loaded by one call only").isTrue();
            });
            assertThat(call.eta()).isBefore(call.etd());
        }
        assertThat(inventory.vesselCalls()).filteredOn(c -> c.berth() != null).hasSizeGreaterThanOrEqualTo(1);
    }

    @Test
    void numbersAreUniqueAcrossYardAndVessels() {
        Inventory inventory = SampleInventory.generate(SAMPLE, 5, NOW);
        Set<ContainerNumber> numbers = new HashSet<>();
        inventory.containers().forEach(p -> assertThat(numbers.add(p.container().number())).isTrue());
        inventory.vesselCalls().stream().flatMap(c -> c.bayPlan().withAction(BayPlanAction.DISCHARGE).stream())
                .forEach(e -> assertThat(numbers.add(e.container().number())).as("%s", e.container().number()).isTrue());
        assertThat(numbers).allSatisfy(n -> assertThat(ContainerNumber.of(n.value())).isEqualTo(n));
    }

    @Test
    void generatesFifteenThousandContainersFast() {
        SampleInventory.generate(SAMPLE, 1, NOW);
        long start = System.nanoTime();
        Inventory inventory = SampleInventory.generate(SAMPLE, 2, NOW);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(inventory.containers()).hasSizeGreaterThanOrEqualTo(15_000);
        assertThat(millis).as("generation time in ms").isLessThan(2_000);
    }

    @Test
    void smallLayoutWithoutPlugsGetsNoReefersAndKeepsItsInvariants() {
        TerminalLayout small = new TerminalLayout("SMALL", "Small", new UnLocode("DEHAM"),
                new Quay("Q", 300, List.of(new Berth(new BerthId("B1"), 0, 300, 12))),
                List.of(new BlockLayout(new BlockId("A1"), 9, 4, 3, Set.of(), Position.ORIGIN, EquipmentKind.RTG),
                        new BlockLayout(new BlockId("A2"), 10, 3, 2, Set.of(), new Position(0, 50),
                                EquipmentKind.REACH_STACKER)),
                List.of(new EquipmentSpec(EquipmentKind.QUAY_CRANE, "QC", 1, "")), List.of(new GateLane("IN-1", true)));
        for (long seed = 0; seed < 20; seed++) {
            Inventory inventory = SampleInventory.generate(small, seed, NOW);

            assertThat(inventory.containers()).as("seed %d", seed).isNotEmpty().noneMatch(p -> p.container().isReefer());
            assertYardInvariants(small, inventory, seed);
        }
    }

    private static double share(List<Container> boxes, Predicate<Container> test) {
        return boxes.stream().filter(test).count() / (double) boxes.size();
    }

    /** Checks the yard rules independently of how the generator builds stacks. */
    private static void assertYardInvariants(TerminalLayout layout, Inventory inventory, long seed) {
        Map<YardSlot, ContainerNumber> occupied = new HashMap<>();
        for (PlacedContainer placed : inventory.containers()) {
            Container box = placed.container();
            YardSlot slot = placed.slot();
            BlockLayout block = layout.block(slot.block()).orElseThrow(
                    () -> new AssertionError("seed " + seed + ": " + box.number() + " in unknown block " + slot.block()));
            assertThat(block.contains(slot)).as("seed %d: %s at %s within block, tier <= max", seed, box.number(), slot)
                    .isTrue();
            if (box.length().yardBays() == 2) {
                assertThat(slot.bay().isOdd()).as("seed %d: %s at %s on an odd bay", seed, box.number(), slot).isTrue();
                assertThat(slot.bay().number() + 1).as("seed %d: %s at %s partner bay inside", seed, box.number(), slot)
                        .isLessThanOrEqualTo(block.bays());
            }
            for (YardSlot covered : covered(slot, box.length())) {
                ContainerNumber other = occupied.put(covered, box.number());
                assertThat(other).as("seed %d: %s and %s share %s", seed, box.number(), other, covered).isNull();
                if (box.isReefer()) {
                    assertThat(block.hasPlug(covered.stack())).as("seed %d: reefer %s at unplugged %s", seed,
                            box.number(), covered).isTrue();
                }
            }
        }
        for (Map.Entry<YardSlot, ContainerNumber> entry : occupied.entrySet()) {
            YardSlot slot = entry.getKey();
            if (!slot.tier().isGround()) {
                assertThat(occupied).as("seed %d: %s floats at %s", seed, entry.getValue(), slot)
                        .containsKey(slot.stack().at(slot.tier().below()));
            }
        }
    }

    private static List<YardSlot> covered(YardSlot slot, ContainerLength length) {
        if (length.yardBays() == 1) {
            return List.of(slot);
        }
        StackId partner = new StackId(slot.block(), new YardBay(slot.bay().number() + 1),
                slot.row());
        return List.of(slot, partner.at(slot.tier()));
    }
}
