package org.portops.yard.relocation;

import org.junit.jupiter.api.Test;
import org.portops.yard.relocation.PlanViolation.Rule;
import org.portops.yard.relocation.RelocationOp.Relocate;
import org.portops.yard.relocation.RelocationOp.Retrieve;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bay (bottom to top): stack 1 = [1, 3], stack 2 = [2, 4]; tiers 2, so the height limit is 4. */
class PlanCheckerTest {
    private static final BlocksInstance BAY = new BlocksInstance("two", 2, List.of(List.of(1, 3), List.of(2, 4)));

    private static List<PlanViolation> check(RelocationOp... ops) {
        return PlanChecker.check(BAY, new RelocationPlan(List.of(ops)));
    }

    @Test
    void acceptsAValidPlanAndCountsItsRelocations() {
        RelocationPlan plan = new RelocationPlan(List.of(new Relocate(1, 2), new Retrieve(1), new Relocate(2, 1),
                new Relocate(2, 1), new Retrieve(2), new Relocate(1, 2), new Retrieve(1), new Retrieve(2)));

        assertThat(PlanChecker.check(BAY, plan)).isEmpty();
        assertThat(plan.relocations()).isEqualTo(4);
    }

    @Test
    void catchesWrongRetrievalOrder() {
        assertThat(check(new Retrieve(2))).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(Rule.WRONG_RETRIEVAL_ORDER))
                .satisfies(v -> assertThat(v.move()).isEqualTo(1))
                .satisfies(v -> assertThat(v.message()).isEqualTo("retrieves 4 from stack 2 but 1 is due"));
    }

    @Test
    void catchesRelocationOfAContainerNotAboveTheTarget() {
        assertThat(check(new Relocate(2, 1))).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(Rule.NOT_ABOVE_TARGET));
    }

    @Test
    void catchesRelocationOfTheTargetItself() {
        assertThat(check(new Relocate(1, 2), new Relocate(1, 2))).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(Rule.NOT_ABOVE_TARGET))
                .satisfies(v -> assertThat(v.move()).isEqualTo(2));
    }

    @Test
    void catchesHeightLimit() {
        // tiers 1: limit 3; stack 2 = [2, 4, 5] is full when 6 arrives
        BlocksInstance full = new BlocksInstance("full", 1, List.of(List.of(1, 3, 6), List.of(2, 4, 5)));

        assertThat(PlanChecker.check(full, new RelocationPlan(List.of(new Relocate(1, 2))))).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(Rule.HEIGHT_LIMIT))
                .satisfies(v -> assertThat(v.message()).contains("height limit 3"));
    }

    @Test
    void catchesEmptyStack() {
        assertThat(check(new Relocate(1, 2), new Retrieve(1), new Retrieve(1))).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(Rule.EMPTY_STACK))
                .satisfies(v -> assertThat(v.move()).isEqualTo(3));
    }

    @Test
    void catchesUnknownStackAndSameStack() {
        assertThat(check(new Relocate(1, 3))).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(Rule.NO_SUCH_STACK));
        assertThat(check(new Retrieve(0))).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(Rule.NO_SUCH_STACK));
        assertThat(check(new Relocate(1, 1))).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(Rule.SAME_STACK));
    }

    @Test
    void catchesContainersLeftBehind() {
        assertThat(check(new Relocate(1, 2), new Retrieve(1))).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(Rule.NOT_ALL_RETRIEVED))
                .satisfies(v -> assertThat(v.move()).isZero());
    }
}
