package org.portops.crane.berth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BerthSequencesTest {
    private final BerthInstance instance = new BerthInstance("seq", List.of(
            new CallingVessel(1, 0, 100, Map.of(1, 10, 2, 20)),
            new CallingVessel(2, 3, 100, Map.of(1, 5)),
            new CallingVessel(3, 30, 100, Map.of(1, 4, 2, 4))),
            List.of(new Berth(1, 0, 100), new Berth(2, 8, 100)));

    @Test
    void eachVesselBerthsAtTheLatestOfArrivalOpeningAndThePreviousDeparture() {
        BerthPlan plan = BerthSequences.decode(instance, List.of(List.of(2, 3), List.of(1)));

        // vessel 2 at its arrival 3; vessel 3 at its arrival 30, after the berth is free at 8; vessel 1 when berth 2
        // opens at 8
        assertThat(plan.assignments()).containsExactly(
                new BerthAssignment(1, 2, 8), new BerthAssignment(2, 1, 3), new BerthAssignment(3, 1, 30));
        assertThat(plan.objective()).isEqualTo(28 + 5 + 4);
    }

    @Test
    void aVesselWaitsForTheOneBeforeIt() {
        BerthPlan plan = BerthSequences.decode(instance, List.of(List.of(1, 2), List.of(3)));

        assertThat(plan.assignments()).containsExactly(
                new BerthAssignment(1, 1, 0), new BerthAssignment(2, 1, 10), new BerthAssignment(3, 2, 30));
        assertThat(plan.objective()).isEqualTo(10 + 12 + 4);
    }

    @Test
    void aForbiddenBerthIsTimedWithTheVesselsLongestStay() {
        BerthPlan plan = BerthSequences.decode(instance, List.of(List.of(1), List.of(2)));

        assertThat(plan.assignments()).containsExactly(new BerthAssignment(1, 1, 0), new BerthAssignment(2, 2, 8));
        assertThat(plan.objective()).isEqualTo(10 + (8 + 5 - 3));
        assertThat(BerthPlanChecker.check(instance, plan)).contains(new BerthPlanViolation.ForbiddenBerth(2, 2));
    }

    @Test
    void sequencesGivesEachBerthsVesselsInBerthingOrder() {
        BerthPlan plan = BerthSequences.decode(instance, List.of(List.of(2, 3), List.of(1)));

        assertThat(plan.sequences(2)).containsExactly(List.of(2, 3), List.of(1));
    }
}
