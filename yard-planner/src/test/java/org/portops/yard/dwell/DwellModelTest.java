package org.portops.yard.dwell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.LineOperator;

/**
 * The model on seeded synthetic history with known effects (log-normal dwell; a slow line, reefers fast, customs
 * holds three days longer, weekend arrivals slower): calibrated on history it did not see.
 */
class DwellModelTest {
    private static final String[] LINES = {"AAA", "BBB", "CCC"};
    private static final double[] LINE_FACTOR = {0.7, 1.0, 1.5};

    private static List<DwellObservation> history(long seed, int n) {
        Random random = new Random(seed);
        List<DwellObservation> history = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int line = random.nextInt(LINES.length);
            boolean empty = random.nextInt(5) == 0;
            boolean reefer = !empty && random.nextInt(8) == 0;
            boolean hold = !empty && random.nextInt(10) == 0;
            DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
            double median = (empty ? 5 : 3) * LINE_FACTOR[line] * (reefer ? 0.5 : 1)
                    * (day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY ? 1.3 : 1) + (hold ? 3 : 0);
            double days = median * Math.exp(0.5 * random.nextGaussian());
            history.add(new DwellObservation(new DwellFeatures(new LineOperator(LINES[line]),
                    empty ? ContainerCategory.EMPTY : ContainerCategory.IMPORT, ContainerLength.FORTY, reefer, day, hold),
                    Duration.ofSeconds((long) (days * 86_400))));
        }
        return history;
    }

    @Test
    void eightyPercentIntervalCoversAboutEightyPercentOfHeldBackHistory() {
        for (long seed = 1; seed <= 3; seed++) {
            DwellModel model = DwellModel.train(history(seed, 4_000));
            Calibration c = model.calibrate(history(seed + 100, 2_000),
                    Map.of(ContainerCategory.IMPORT, Duration.ofDays(3), ContainerCategory.EMPTY, Duration.ofDays(5)));
            assertThat(c.coverage80()).as("seed %d: %s", seed, c).isBetween(0.75, 0.85);
            assertThat(c.belowP10()).as("seed %d: %s", seed, c).isBetween(0.06, 0.14);
            assertThat(c.aboveP90()).as("seed %d: %s", seed, c).isBetween(0.06, 0.14);
            assertThat(c.medianAbsErrorHours()).as("seed %d: %s", seed, c).isLessThan(c.baselineAbsErrorHours());
        }
    }

    @Test
    void learnsTheEffectsInTheHistory() {
        DwellModel model = DwellModel.train(history(7, 4_000));
        DwellFeatures plain = new DwellFeatures(new LineOperator("BBB"), ContainerCategory.IMPORT,
                ContainerLength.FORTY, false, DayOfWeek.TUESDAY, false);
        DwellForecast base = model.forecast(plain);
        assertThat(base.p50()).isBetween(Duration.ofHours(55), Duration.ofHours(90));
        assertThat(model.forecast(new DwellFeatures(plain.line(), plain.category(), plain.length(), false,
                plain.arrivalDay(), true)).p50()).isGreaterThan(base.p50().plusHours(36));
        assertThat(model.forecast(new DwellFeatures(plain.line(), plain.category(), plain.length(), true,
                plain.arrivalDay(), false)).p50()).isLessThan(base.p50().minusHours(18));
        assertThat(model.forecast(new DwellFeatures(new LineOperator("CCC"), plain.category(), plain.length(), false,
                plain.arrivalDay(), false)).p50()).isGreaterThan(base.p50().plusHours(12));
        assertThat(base.p10()).isLessThan(base.p50());
        assertThat(base.p90()).isGreaterThan(base.p50());
    }

    @Test
    void refusesTooLittleHistory() {
        assertThatThrownBy(() -> DwellModel.train(history(1, 99)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(
                        "a dwell model needs at least 100 observations, got 99");
    }
}
