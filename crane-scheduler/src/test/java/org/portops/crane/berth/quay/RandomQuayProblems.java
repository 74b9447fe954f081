package org.portops.crane.berth.quay;

import org.portops.model.vessel.VesselCallId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random berth problems on a quay: vessels of 120..366 m, drafts 8..17 m, arriving over a day with
 * 100..3,000 moves; the first one or two (when they fit) alongside already.
 */
public final class RandomQuayProblems {

    private RandomQuayProblems() {
    }

    public static QuayBerthProblem generate(long seed, QuayLayout quay, BerthSettings settings, Instant now, int vessels) {
        Random random = new Random(seed);
        List<BerthCall> calls = new ArrayList<>();
        int alongsideFrom = 0;
        for (int i = 0; i < vessels; i++) {
            int length = 120 + random.nextInt(247);
            double draft = 8 + random.nextInt(90) / 10.0;
            int moves = 100 + random.nextInt(2901);
            int maxCranes = settings.maxCranes(length);
            Instant eta = now.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
            BerthCall.Alongside alongside = null;
            int from = alongsideFrom;
            boolean deepEnough = quay.sections().stream()
                    .filter(s -> s.fromMeter() < from + length && from < s.toMeter())
                    .allMatch(s -> s.depthMeters() >= draft);
            if (i < 2 && random.nextBoolean() && deepEnough && alongsideFrom + length <= quay.lengthMeters()) {
                eta = now.minus(Duration.ofMinutes(30 + random.nextInt(600)));
                alongside = new BerthCall.Alongside(alongsideFrom, eta, 1 + random.nextInt(maxCranes));
                alongsideFrom += length + quay.clearanceMeters();
            }
            calls.add(new BerthCall(new VesselCallId("R" + seed + "-" + i), "MV R" + i, length,
                    30 + random.nextInt(25), draft, eta, eta, moves, maxCranes, alongside));
        }
        return new QuayBerthProblem(quay, settings, now, calls, Map.of());
    }
}
