package org.portops.yard.slot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.portops.model.container.ImdgClass;

class ImdgSegregationTest {

    @Test
    void theTableIsSymmetric() {
        int[][] t = ImdgSegregation.TABLE;
        for (int i = 0; i < t.length; i++) {
            assertThat(t[i]).as("row %d", i).hasSize(t.length);
            for (int j = 0; j < t.length; j++) {
                assertThat(t[i][j]).as("entry %d,%d vs %d,%d", i, j, j, i).isEqualTo(t[j][i]);
            }
        }
    }

    @Test
    void readsKnownEntriesOfTheImdgTable() {
        assertThat(required("3", "5.1")).isEqualTo(Segregation.SEPARATED_FROM);
        assertThat(required("3", "4.3")).isEqualTo(Segregation.AWAY_FROM);
        assertThat(required("3", "8")).isEqualTo(Segregation.NONE);
        assertThat(required("6.2", "3")).isEqualTo(Segregation.SEPARATED_BY_COMPARTMENT);
        assertThat(required("1.1", "2.1")).isEqualTo(Segregation.SEPARATED_LONGITUDINALLY);
        assertThat(required("9", "1.1")).isEqualTo(Segregation.NONE);
        assertThat(required("5.1", "6.2")).isEqualTo(Segregation.SEPARATED_BY_COMPARTMENT);
        assertThat(required("1.4", "6.1")).isEqualTo(Segregation.NONE);
        assertThat(required("7", "5.1")).isEqualTo(Segregation.AWAY_FROM);
        assertThat(required("1", "3")).as("class 1 without division counts as 1.1").isEqualTo(required("1.1", "3"));
        assertThat(ImdgSegregation.required(null, new ImdgClass("3"))).isEqualTo(Segregation.NONE);
    }

    @Test
    void awayFromMeansNeverAdjacentDiagonalsAndTiersIncluded() {
        assertThat(Segregation.AWAY_FROM.keptAt(new SlotDistance(true, 0, 0))).isFalse();
        assertThat(Segregation.AWAY_FROM.keptAt(new SlotDistance(true, 1, 7.1))).isFalse();
        assertThat(Segregation.AWAY_FROM.keptAt(new SlotDistance(true, 2, 13))).isTrue();
        assertThat(Segregation.AWAY_FROM.keptAt(new SlotDistance(false, Integer.MAX_VALUE, 20))).isTrue();
    }

    @Test
    void separationDistancesHaveTheirBoundaries() {
        assertThat(Segregation.SEPARATED_FROM.keptAt(new SlotDistance(true, 2, 13))).isFalse();
        assertThat(Segregation.SEPARATED_FROM.keptAt(new SlotDistance(true, 3, 19.5))).isTrue();
        assertThat(Segregation.SEPARATED_BY_COMPARTMENT.keptAt(new SlotDistance(true, 30, 200))).isFalse();
        assertThat(Segregation.SEPARATED_BY_COMPARTMENT.keptAt(new SlotDistance(false, 0, 20))).isTrue();
        assertThat(Segregation.SEPARATED_LONGITUDINALLY.keptAt(new SlotDistance(false, 0, 49.9))).isFalse();
        assertThat(Segregation.SEPARATED_LONGITUDINALLY.keptAt(new SlotDistance(false, 0, 50))).isTrue();
    }

    @Test
    void distanceInPositionsCountsFromTheNearestEndsOfFortyFootContainers() {
        assertThat(SlotDistance.positions(5, 2, 3, 7, 1, 3)).isEqualTo(1);
        assertThat(SlotDistance.positions(5, 2, 3, 6, 1, 3)).isZero();
        assertThat(SlotDistance.positions(5, 1, 3, 5, 1, 6)).isEqualTo(3);
        assertThat(SlotDistance.positions(9, 1, 1, 5, 2, 2)).isEqualTo(3);
    }

    private static Segregation required(String a, String b) {
        return ImdgSegregation.required(new ImdgClass(a), new ImdgClass(b));
    }
}
