package org.portops.yard.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.portops.yard.slot.Arrivals.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardBay;
import org.portops.model.yard.YardRow;

class LoadingHousekeepingTest {

    private static final Position BERTH = new Position(0, 0);
    private static final Set<BlockId> BOTH = Set.of(new BlockId("A01"), new BlockId("B01"));

    private static YardBox export(int serial, String call, int hours, int kilograms, boolean reefer) {
        Arrivals.Box box = new Arrivals.Box(serial, ContainerLength.TWENTY, kilograms, reefer, null, call, "USNYC",
                T0.plus(Duration.ofHours(hours)));
        return YardBox.of(box.request());
    }

    private static YardBox anImport(int serial, int hours) {
        return YardBox.of(Arrivals.Box.dry(serial, T0.plus(Duration.ofHours(hours))).request());
    }

    private static int stack(YardModel yard, String block, int bay, int row) {
        return yard.stackIndex(new StackId(new BlockId(block), new YardBay(bay), new YardRow(row)));
    }

    private static LoadingHousekeeping.Load load(String call, int... serials) {
        List<ContainerNumber> sequence = new ArrayList<>();
        for (int serial : serials) {
            sequence.add(Arrivals.number(serial));
        }
        return new LoadingHousekeeping.Load(call, BERTH, sequence);
    }

    @Test
    void bringsAnExportFromTheFarBlockNearTheBerthAndSaysWhy() {
        YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);
        yard.place(export(1, "V1", 10, 15_000, false), stack(yard, "B01", 5, 2), T0);
        var housekeeping = new LoadingHousekeeping(yard, List.of(load("V1", 1)),
                LoadingHousekeeping.Settings.DEFAULTS);

        LoadingHousekeeping.Round round = housekeeping.plan(BOTH, T0);

        assertThat(round.moves()).hasSize(1);
        LoadingHousekeeping.Move move = round.moves().getFirst();
        assertThat(move.to().stack().block()).isEqualTo(new BlockId("A01"));
        assertThat(move.vesselCall()).isEqualTo("V1");
        assertThat(move.metresSaved()).isEqualTo(round.before().metres() - round.after().metres(), within(1e-9))
                .isGreaterThan(80);
        assertThat(move.rehandlesSaved()).isZero();
        assertThat(move.reason()).contains(Arrivals.number(1).toString()).contains("V1 as number 1 of 1")
                .contains("B01-05-02-1").contains("m to the berth saved");
        assertThat(yard.slotOf(Arrivals.number(1))).contains(move.to());
        assertThat(yard.workload(0, T0)).as("the move is a crane move in the block it lands in").isEqualTo(1);
    }

    @Test
    void staysOutOfABlockWhoseCraneIsBusy() {
        YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);
        yard.place(export(1, "V1", 10, 15_000, false), stack(yard, "B01", 5, 2), T0);
        var housekeeping = new LoadingHousekeeping(yard, List.of(load("V1", 1)),
                new LoadingHousekeeping.Settings(5, 200, 0.01));

        LoadingHousekeeping.Round round = housekeeping.plan(Set.of(new BlockId("B01")), T0);

        assertThat(round.moves()).as("within B01 it moves to the bay nearest the berth").hasSize(1);
        assertThat(round.moves().getFirst().to().toString()).isEqualTo("B01-01-01-1");
        assertThat(housekeeping.plan(Set.of(new BlockId("A01")), T0).moves()).as("B01's crane is busy").isEmpty();
    }

    @Test
    void liftsTheContainerThatLoadsLaterOffTheOneThatLoadsFirst() {
        YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);
        int s = stack(yard, "A01", 1, 1);
        yard.place(export(1, "V1", 10, 25_000, false), s, T0);
        yard.place(export(2, "V1", 10, 8_000, false), s, T0);
        // every other stack of A01 is closed: the only way to go is the far block
        for (int bay = 1; bay <= 10; bay++) {
            for (int row = 1; row <= 4; row++) {
                if (bay > 1 || row > 1) {
                    yard.closeStack(new StackId(new BlockId("A01"), new YardBay(bay), new YardRow(row)), true);
                }
            }
        }
        var housekeeping = new LoadingHousekeeping(yard, List.of(load("V1", 1, 2)),
                new LoadingHousekeeping.Settings(5, 200, 0.25));
        assertThat(housekeeping.cost().rehandles()).isEqualTo(1.0);

        LoadingHousekeeping.Round round = housekeeping.plan(BOTH, T0);

        assertThat(round.moves()).hasSize(1);
        assertThat(round.moves().getFirst().container()).isEqualTo(Arrivals.number(2));
        assertThat(round.moves().getFirst().rehandlesSaved()).isEqualTo(1.0);
        assertThat(round.moves().getFirst().to().stack().block()).isEqualTo(new BlockId("B01"));
        assertThat(round.after().rehandles()).isZero();
        assertThat(round.after().total(200)).isLessThan(round.before().total(200));
    }

    @Test
    void aReeferGoesOnlyWherePlugsAreAndNeverIntoAClosedStack() {
        YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);
        yard.place(export(1, "V1", 10, 15_000, true), stack(yard, "B01", 5, 4), T0);
        for (int bay = 1; bay <= 3; bay++) {
            yard.closeStack(new StackId(new BlockId("A01"), new YardBay(bay), new YardRow(4)), true);
        }
        var housekeeping = new LoadingHousekeeping(yard, List.of(load("V1", 1)),
                LoadingHousekeeping.Settings.DEFAULTS);

        LoadingHousekeeping.Round round = housekeeping.plan(BOTH, T0);

        assertThat(round.moves()).hasSize(1);
        assertThat(round.moves().getFirst().to().toString()).isEqualTo("A01-04-04-1");
        assertThat(yard.violations()).isEmpty();
    }

    @Test
    void doesNotBuryAnImportToSaveTravel() {
        YardModel yard = YardModel.of(List.of(
                new BlockLayout(new BlockId("A01"), 1, 1, 3, Set.of(), new Position(10, 10), EquipmentKind.RTG),
                new BlockLayout(new BlockId("B01"), 1, 1, 3, Set.of(), new Position(40, 10), EquipmentKind.RTG)),
                StackRules.DEFAULT);
        // the only stack near the berth holds an import leaving before the export loads: on it the export would
        // cost a rehandle (1.0), more than the 30 m it would save (0.15)
        yard.place(anImport(1, 5), stack(yard, "A01", 1, 1), T0);
        yard.place(export(2, "V1", 10, 15_000, false), stack(yard, "B01", 1, 1), T0);
        var housekeeping = new LoadingHousekeeping(yard, List.of(load("V1", 2)),
                new LoadingHousekeeping.Settings(5, 200, 0.01));

        assertThat(housekeeping.plan(BOTH, T0).moves()).isEmpty();
    }

    @Test
    void refusesAContainerOnTwoLoadLists() {
        YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);
        assertThatThrownBy(() -> new LoadingHousekeeping(yard, List.of(load("V1", 1), load("V2", 1)),
                LoadingHousekeeping.Settings.DEFAULTS)).hasMessageContaining("load lists of two calls");
        assertThatThrownBy(() -> load("V1", 1, 1)).hasMessageContaining("names a container twice");
    }

    @Test
    void cutsRehandlesAndTravelInASimulatedYardWithinItsBudgetAndKeepsEveryRule() {
        for (long seed = 1; seed <= 5; seed++) {
            Measured m = simulate(seed, 40);
            String where = "seed " + seed;
            assertThat(m.moves()).as(where).isBetween(1, 40);
            assertThat(m.after().rehandles()).as(where).isLessThan(m.before().rehandles() * 0.8);
            assertThat(m.after().metres()).as(where).isLessThan(m.before().metres());
            assertThat(m.loadingAfter()).as(where).isLessThan(m.loadingBefore());
        }
    }

    /** The figures of one simulated yard: cost before and after, and the independent replay of the loads. */
    record Measured(LoadingHousekeeping.Cost before, LoadingHousekeeping.Cost after, int moves, int loadingBefore,
                    int loadingAfter) {
    }

    /**
     * Four blocks inland of a quay, about 60 % full with imports and the exports of two calls stacked at random;
     * block C01's crane is busy. Call V1 loads at x = 0, V2 at x = 400, each heavy before light per port.
     */
    static Measured simulate(long seed, int budget) {
        Random random = new Random(seed);
        List<BlockLayout> blocks = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            blocks.add(new BlockLayout(new BlockId((char) ('A' + b) + "01"), 10, 4, 4, Set.of(4),
                    new Position(20 + b * 90, 60), EquipmentKind.RTG));
        }
        YardModel yard = YardModel.of(blocks, StackRules.DEFAULT);
        Map<String, List<YardBox>> exports = new HashMap<>(Map.of("V1", new ArrayList<>(), "V2", new ArrayList<>()));
        String[] ports = {"USNYC", "USBAL"};
        for (int serial = 1; yard.containers() < 380 && serial < 2_000; serial++) {
            int kind = random.nextInt(3);
            YardBox box;
            if (kind == 0) {
                Instant earliest = T0.plus(Duration.ofHours(2 + random.nextInt(100)));
                box = YardBox.of(new SlotRequest(Arrivals.Box.dry(serial, earliest).request().container(),
                        new Departure(earliest, earliest.plus(Duration.ofHours(24))), null, Arrivals.GATE));
            } else {
                String call = kind == 1 ? "V1" : "V2";
                box = YardBox.of(new Arrivals.Box(serial, ContainerLength.TWENTY, 5_000 + random.nextInt(25_000),
                        random.nextInt(12) == 0, null, call, ports[random.nextInt(2)],
                        T0.plus(Duration.ofHours(kind == 1 ? 12 : 36))).request());
            }
            int s = random.nextInt(yard.stackCount());
            if (yard.check(box, s) == null) {
                yard.place(box, s, T0);
                if (box.group() != null) {
                    exports.get(box.group().vesselCall()).add(box);
                }
            }
        }
        List<LoadingHousekeeping.Load> loads = new ArrayList<>();
        for (String call : List.of("V1", "V2")) {
            List<ContainerNumber> sequence = exports.get(call).stream()
                    .sorted(Comparator.comparing((YardBox b) -> b.group().portOfDischarge().value())
                            .thenComparing(YardBox::kilograms, Comparator.reverseOrder()))
                    .map(YardBox::number).toList();
            loads.add(new LoadingHousekeeping.Load(call, call.equals("V1") ? new Position(0, 0)
                    : new Position(400, 0), sequence));
        }
        int containers = yard.containers();
        int loadingBefore = replay(yard, loads);
        var housekeeping = new LoadingHousekeeping(yard, loads, new LoadingHousekeeping.Settings(budget, 200, 0.25));
        Set<BlockId> idle = Set.of(new BlockId("A01"), new BlockId("B01"), new BlockId("D01"));

        LoadingHousekeeping.Round round = housekeeping.plan(idle, T0.plus(Duration.ofHours(1)));

        String where = "seed " + seed;
        assertThat(yard.violations()).as(where).isEmpty();
        assertThat(yard.containers()).as(where).isEqualTo(containers);
        double gained = 0;
        for (LoadingHousekeeping.Move move : round.moves()) {
            assertThat(idle).as(where).contains(move.from().stack().block(), move.to().stack().block());
            assertThat(move.rehandlesSaved() + move.metresSaved() / 200).as(where).isGreaterThanOrEqualTo(0.25);
            assertThat(move.reason()).as(where).contains(move.container().toString());
            gained += move.rehandlesSaved() + move.metresSaved() / 200;
        }
        assertThat(round.before().total(200) - round.after().total(200)).as(where + ": each move scored exactly")
                .isCloseTo(gained, within(1e-6));
        return new Measured(round.before(), round.after(), round.moves().size(), loadingBefore, replay(yard, loads));
    }

    /**
     * Loads the calls in order straight from the yard as it stands, counting every container still above one when
     * it is fetched (each lifted one is set down out of the way): the loading rehandles, measured apart from the
     * planner's own bookkeeping.
     */
    private static int replay(YardModel yard, List<LoadingHousekeeping.Load> loads) {
        Map<Integer, List<ContainerNumber>> stacks = new HashMap<>();
        for (int s = 0; s < yard.stackCount(); s++) {
            List<ContainerNumber> column = new ArrayList<>();
            for (int t = 1; t <= yard.height(s); t++) {
                column.add(yard.at(s, t).number());
            }
            stacks.put(s, column);
        }
        int rehandles = 0;
        for (LoadingHousekeeping.Load load : loads) {
            for (ContainerNumber number : load.sequence()) {
                int s = yard.stackOf(number);
                List<ContainerNumber> column = stacks.get(s);
                int at = column.indexOf(number);
                if (at < 0) {
                    continue; // set aside by an earlier fetch: it stands free
                }
                rehandles += column.size() - at - 1;
                column.subList(at, column.size()).clear();
            }
        }
        return rehandles;
    }
}
