package org.portops.yard.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.yard.slot.Arrivals.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerLength;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardBay;
import org.portops.model.yard.YardRow;

class HousekeepingTest {

    private static YardBox box(int serial, ContainerLength length, Departure departure, String imdg, boolean reefer) {
        SlotRequest request = new Arrivals.Box(serial, length, 12_000, reefer, imdg, null, "USNYC", T0).request();
        return YardBox.of(new SlotRequest(request.container(), departure, null, Arrivals.GATE));
    }

    private static Departure in(int hours) {
        return Departure.at(T0.plus(Duration.ofHours(hours)));
    }

    private static int stack(YardModel yard, int bay, int row) {
        return yard.stackIndex(new StackId(new BlockId("A01"), new YardBay(bay), new YardRow(row)));
    }

    @Test
    void digsOutAContainerBuriedUnderOneLeavingLaterAndExplainsTheMove() {
        YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);
        // A01-01-01: leaves in 10 h, under one leaving in 50 h: one expected rehandle
        yard.place(box(1, ContainerLength.TWENTY, in(10), null, false), stack(yard, 1, 1), T0);
        yard.place(box(2, ContainerLength.TWENTY, in(50), null, false), stack(yard, 1, 1), T0);
        assertThat(Housekeeping.expectedRehandles(yard, 0)).isEqualTo(1.0);

        Housekeeping.Round round = new Housekeeping(yard, Housekeeping.Settings.DEFAULTS).plan(0, T0);

        assertThat(round.expectedBefore()).isEqualTo(1.0);
        assertThat(round.expectedAfter()).isZero();
        assertThat(round.moves()).isEqualTo(1);
        Housekeeping.Move move = round.proposals().getFirst().moves().getFirst();
        assertThat(move.container()).isEqualTo(Arrivals.number(2));
        assertThat(move.from().toString()).isEqualTo("A01-01-01-2");
        assertThat(yard.slotOf(Arrivals.number(2))).contains(move.to());
        assertThat(move.to().stack().bay().number()).as("the nearest free stack in the block").isLessThanOrEqualTo(2);
        assertThat(move.reason()).contains(Arrivals.number(2).toString()).contains("1.00").contains("0.00");
    }

    @Test
    void digsUnderAContainerThatDoesNoHarmWhenThatPaysPerMove() {
        YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);
        // 10 h at the ground, 50 h above it (1 expected rehandle), 5 h on top (no harm by itself)
        yard.place(box(1, ContainerLength.TWENTY, in(10), null, false), stack(yard, 1, 1), T0);
        yard.place(box(2, ContainerLength.TWENTY, in(50), null, false), stack(yard, 1, 1), T0);
        yard.place(box(3, ContainerLength.TWENTY, in(5), null, false), stack(yard, 1, 1), T0);

        Housekeeping.Round round = new Housekeeping(yard, new Housekeeping.Settings(2, 0.25)).plan(0, T0);

        assertThat(round.expectedAfter()).isZero();
        assertThat(round.proposals()).hasSize(1);
        assertThat(round.proposals().getFirst().moves()).extracting(Housekeeping.Move::container)
                .containsExactly(Arrivals.number(3), Arrivals.number(2));
        assertThat(round.proposals().getFirst().gainPerMove()).isEqualTo(0.5);
    }

    @Test
    void keepsToItsBudgetAndLeavesAGainTooSmallAlone() {
        YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);
        yard.place(box(1, ContainerLength.TWENTY, in(10), null, false), stack(yard, 1, 1), T0);
        yard.place(box(2, ContainerLength.TWENTY, in(50), null, false), stack(yard, 1, 1), T0);
        yard.place(box(3, ContainerLength.TWENTY, in(5), null, false), stack(yard, 1, 1), T0);

        assertThat(new Housekeeping(yard, new Housekeeping.Settings(1, 0.25)).plan(0, T0).moves())
                .as("the dig needs 2 moves, the budget is 1").isZero();
        assertThat(new Housekeeping(yard, new Housekeeping.Settings(2, 0.6)).plan(0, T0).moves())
                .as("0.5 rehandles per move is below the 0.6 asked").isZero();
        assertThat(yard.slotOf(Arrivals.number(3)).orElseThrow().toString()).isEqualTo("A01-01-01-3");
    }

    @Test
    void neverUsesAClosedStackNorBreaksSegregation() {
        YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);
        yard.place(box(1, ContainerLength.TWENTY, in(10), null, false), stack(yard, 1, 1), T0);
        yard.place(box(2, ContainerLength.TWENTY, in(50), "3", false), stack(yard, 1, 1), T0);
        // class 8 is "away from" nothing with 3 here, but 5.1 must be "separated from" 3: 3 positions
        yard.place(box(3, ContainerLength.TWENTY, in(60), "5.1", false), stack(yard, 4, 2), T0);
        yard.closeStack(new StackId(new BlockId("A01"), new YardBay(1), new YardRow(2)), true);

        Housekeeping.Round round = new Housekeeping(yard, Housekeeping.Settings.DEFAULTS).plan(0, T0);

        assertThat(round.moves()).isEqualTo(1);
        assertThat(yard.violations()).isEmpty();
        assertThat(yard.slotOf(Arrivals.number(2)).orElseThrow().stack())
                .isNotEqualTo(new StackId(new BlockId("A01"), new YardBay(1), new YardRow(2)));
    }

    @Test
    void lowersTheExpectedRehandlesOfAMessyBlockWithinItsBudgetAndKeepsEveryHardRule() {
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);
            List<YardBox> boxes = messyBlock(yard, random);
            double before = Housekeeping.expectedRehandles(yard, 0);
            int budget = 5 + random.nextInt(20);
            Housekeeping housekeeping = new Housekeeping(yard, new Housekeeping.Settings(budget, 0.25));

            Housekeeping.Round round = housekeeping.plan(0, T0.plus(Duration.ofHours(1)));

            String where = "seed " + seed + ", budget " + budget;
            assertThat(before).as(where).isGreaterThan(3);
            assertThat(round.expectedBefore()).as(where).isEqualTo(before);
            assertThat(round.expectedAfter()).as(where).isLessThan(before * 0.8)
                    .isEqualTo(Housekeeping.expectedRehandles(yard, 0));
            assertThat(round.moves()).as(where).isBetween(1, budget);
            assertThat(yard.violations()).as(where).isEmpty();
            assertThat(yard.containers()).as(where).isEqualTo(boxes.size());
            double gained = 0;
            for (Housekeeping.Proposal proposal : round.proposals()) {
                assertThat(proposal.gainPerMove()).as(where).isGreaterThanOrEqualTo(0.25);
                gained += proposal.gain();
                for (Housekeeping.Move move : proposal.moves()) {
                    assertThat(move.to().stack().block()).as(where).isEqualTo(new BlockId("A01"));
                    assertThat(move.reason()).as(where).contains(move.container().toString());
                }
            }
            assertThat(before - round.expectedAfter()).as(where).isCloseTo(gained, org.assertj.core.data.Offset.offset(1e-9));
            List<Housekeeping.Move> last = round.proposals().stream().flatMap(p -> p.moves().stream()).toList();
            for (Housekeeping.Move move : reversedDistinctLastMoves(last)) {
                assertThat(yard.slotOf(move.container())).as(where).contains(move.to());
            }
        }
    }

    /** Each container's last move: where it must stand now. */
    private static List<Housekeeping.Move> reversedDistinctLastMoves(List<Housekeeping.Move> moves) {
        List<Housekeeping.Move> last = new ArrayList<>();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (int i = moves.size() - 1; i >= 0; i--) {
            if (seen.add(moves.get(i).container())) {
                last.add(moves.get(i));
            }
        }
        return last;
    }

    /** Block A01 about two thirds full, stacked with no regard to departures: 20', 40', reefers, dangerous goods. */
    private static List<YardBox> messyBlock(YardModel yard, Random random) {
        List<YardBox> placed = new ArrayList<>();
        String[] classes = {"3", "8", "9", "2.1", "5.1"};
        for (int serial = 1; placed.size() < 70 && serial < 500; serial++) {
            ContainerLength length = random.nextInt(4) == 0 ? ContainerLength.FORTY : ContainerLength.TWENTY;
            Instant earliest = T0.plus(Duration.ofHours(2 + random.nextInt(200)));
            Departure departure = random.nextBoolean() ? Departure.at(earliest)
                    : new Departure(earliest, earliest.plus(Duration.ofHours(12 + random.nextInt(72))));
            YardBox box = box(serial, length, departure, random.nextInt(12) == 0 ? classes[random.nextInt(5)] : null,
                    random.nextInt(10) == 0);
            int stack = random.nextInt(yard.firstStack(1));
            if (yard.check(box, stack) == null) {
                yard.place(box, stack, T0);
                placed.add(box);
            }
        }
        return placed;
    }
}
