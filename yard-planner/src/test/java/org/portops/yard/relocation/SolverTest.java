package org.portops.yard.relocation;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SolverTest {
    private static final Clock CLOCK = Clock.systemUTC();

    private static Instant in(Duration limit) {
        return CLOCK.instant().plus(limit);
    }

    @Test
    void everyMethodsPlanPassesTheChecker() {
        long seed = 20261124L;
        Random random = new Random(seed);
        int[][] shapes = {{3, 3}, {4, 5}, {5, 6}, {6, 6}, {10, 10}};
        for (int[] shape : shapes) {
            BlocksInstance instance = RandomBays.full(random, shape[0], shape[1], shape[0] + "x" + shape[1]);
            RelocationPlan minMax = MinMaxHeuristic.solve(instance);
            BeamSearch.Result beam = new BeamSearch(CLOCK).solve(instance, in(Duration.ofMillis(300)));
            ExactSearch.Result exact = new ExactSearch(CLOCK).solve(instance, beam.plan(), in(Duration.ofMillis(300)));
            String context = "seed " + seed + ", " + instance;

            assertThat(PlanChecker.check(instance, minMax)).as("min-max, " + context).isEmpty();
            assertThat(PlanChecker.check(instance, beam.plan())).as("beam, " + context).isEmpty();
            assertThat(PlanChecker.check(instance, exact.plan())).as("exact, " + context).isEmpty();
            assertThat(beam.plan().relocations()).as(context).isLessThanOrEqualTo(minMax.relocations());
            assertThat(exact.plan().relocations()).as(context).isLessThanOrEqualTo(beam.plan().relocations());
            assertThat(LowerBound.of(instance)).as(context).isLessThanOrEqualTo(exact.plan().relocations());
        }
    }

    @Test
    void minMaxPutsTheContainerOnTheTightestStackItDoesNotBlock() {
        // 5 above 1 in stack 1; stack 2's minimum is 6, stack 3's is 9: both fit, 6 is the tighter one
        BlocksInstance instance = new BlocksInstance("fit", 3,
                List.of(List.of(1, 5), List.of(7, 6), List.of(9, 8), List.of(2, 3, 4)));

        assertThat(MinMaxHeuristic.solve(instance).ops().getFirst()).isEqualTo(new RelocationOp.Relocate(1, 2));
    }

    @Test
    void exactSearchMatchesBruteForceOnTinyRandomBays() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 60; i++) {
            int tiers = 2 + random.nextInt(2);
            int stacks = 2 + random.nextInt(3 - (tiers - 2));
            BlocksInstance instance = RandomBays.full(random, tiers, stacks, "tiny-" + i);
            RelocationPlan minMax = MinMaxHeuristic.solve(instance);
            ExactSearch.Result exact = new ExactSearch(CLOCK).solve(instance, minMax, in(Duration.ofSeconds(20)));
            String context = "seed " + seed + ", " + instance;

            assertThat(exact.provedOptimal()).as(context).isTrue();
            assertThat(exact.plan().relocations()).as(context).isEqualTo(BruteForce.optimum(instance));
            assertThat(PlanChecker.check(instance, exact.plan())).as(context).isEmpty();
        }
    }

    @Test
    void lowerBoundsNeverExceedTheOptimum() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            // three stacks or more: with two, a full bay of four tiers can leave a blocker nowhere to go
            int tiers = 2 + random.nextInt(3);
            int stacks = 3 + random.nextInt(2);
            BlocksInstance instance = RandomBays.full(random, tiers, stacks, "bound-" + i);
            ExactSearch.Result exact = new ExactSearch(CLOCK).solve(instance, MinMaxHeuristic.solve(instance),
                    in(Duration.ofSeconds(20)));
            String context = "seed " + seed + ", " + instance;

            assertThat(exact.provedOptimal()).as(context).isTrue();
            assertThat(LowerBound.blocking(instance)).as(context).isLessThanOrEqualTo(LowerBound.of(instance));
            assertThat(LowerBound.of(instance)).as(context).isLessThanOrEqualTo(exact.plan().relocations());
        }
    }

    @Test
    void beamSearchThatKeepsEveryChildProvesTheOptimum() {
        long seed = 7L;
        Random random = new Random(seed);
        for (int i = 0; i < 30; i++) {
            BlocksInstance instance = RandomBays.full(random, 3, 3, "beam-" + i);
            BeamSearch.Result beam = new BeamSearch(CLOCK).solve(instance, in(Duration.ofSeconds(20)));

            assertThat(beam.provedOptimal()).as("seed " + seed + ", " + instance).isTrue();
            assertThat(beam.plan().relocations()).as("seed " + seed + ", " + instance)
                    .isEqualTo(BruteForce.optimum(instance));
        }
    }

    @Test
    void aRolloutBudgetGivesTheSamePlanOnAnyClockAndMoreBudgetNeverWorse() {
        long seed = 20261125L;
        Random random = new Random(seed);
        BlocksInstance instance = RandomBays.full(random, 6, 6, "budget");
        Clock stopped = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
        Instant never = Instant.parse("2026-11-25T12:00:00Z");
        int previous = MinMaxHeuristic.solve(instance).relocations();
        for (long budget : new long[] {50, 500, 5_000}) {
            BeamSearch.Result onStoppedClock = new BeamSearch(stopped).solve(instance, never, budget);
            BeamSearch.Result onRealClock = new BeamSearch(CLOCK).solve(instance, in(Duration.ofMinutes(5)), budget);
            String context = "seed " + seed + ", budget " + budget + ", " + instance;

            assertThat(onRealClock.plan()).as(context).isEqualTo(onStoppedClock.plan());
            assertThat(PlanChecker.check(instance, onStoppedClock.plan())).as(context).isEmpty();
            assertThat(onStoppedClock.plan().relocations()).as(context).isLessThanOrEqualTo(previous);
            previous = onStoppedClock.plan().relocations();
        }
    }

    @Test
    void bayHashIgnoresStackOrderButNotContents() {
        Bay bay = Bay.of(new BlocksInstance("a", 3, List.of(List.of(1, 5), List.of(2, 6), List.of(3, 4))));
        Bay reordered = Bay.of(new BlocksInstance("b", 3, List.of(List.of(3, 4), List.of(1, 5), List.of(2, 6))));
        Bay swapped = Bay.of(new BlocksInstance("c", 3, List.of(List.of(5, 1), List.of(2, 6), List.of(3, 4))));

        assertThat(reordered.hash()).isEqualTo(bay.hash());
        assertThat(swapped.hash()).isNotEqualTo(bay.hash());
    }
}
