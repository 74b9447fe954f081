package org.portops.crane.berth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FirstComeFirstServedTest {

    @Test
    void servesInArrivalOrderAtTheBerthWhereEachLeavesEarliest() {
        BerthPlan plan = FirstComeFirstServed.plan(LallaRuizReader.read(LallaRuizReaderTest.resource("tiny-01.txt")));

        // vessel 1 (arrives 0) leaves berth 1 at 20 rather than berth 2 at 22; vessel 2 (arrives 1) can only use
        // berth 1 and waits for it until 20; vessel 3 (arrives 3) leaves berth 2 at 9 rather than berth 1 at 31
        assertThat(plan.assignments()).containsExactly(
                new BerthAssignment(1, 1, 0), new BerthAssignment(2, 1, 20), new BerthAssignment(3, 2, 3));
        assertThat(plan.objective()).isEqualTo(20 + 24 + 6);
    }

    @Test
    void prefersABerthWhereTheVesselLeavesInTime() {
        BerthInstance instance = new BerthInstance("deadline", List.of(
                new CallingVessel(1, 0, 100, Map.of(1, 10)),
                new CallingVessel(2, 0, 100, Map.of(1, 5, 2, 4))),
                List.of(new Berth(1, 0, 100), new Berth(2, 0, 3)));

        // berth 2 would let vessel 2 leave earliest, at 4, but it closes at 3; berth 1 lets it leave at 15 
        assertThat(FirstComeFirstServed.plan(instance).assignments())
                .containsExactly(new BerthAssignment(1, 1, 0), new BerthAssignment(2, 1, 10));
    }

    @Test
    void planOfAPublishedInstancePassesTheCheckerWithTheValueItsSourceGives() {
        BerthInstance instance = LallaRuizReader.read(LallaRuizReaderTest.resource("f30x3-01.txt"));
        BerthPlan plan = FirstComeFirstServed.plan(instance);

        assertThat(BerthPlanChecker.check(instance, plan)).isEmpty();
        // SOURCE.md of the instance set: first-come-first-served gives 2,039 on f30x3-01
        assertThat(plan.objective()).isEqualTo(2039);
    }
}
