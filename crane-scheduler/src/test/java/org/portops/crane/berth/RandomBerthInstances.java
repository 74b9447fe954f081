package org.portops.crane.berth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random berth allocation instances for property tests; the seed names the instance. */
public final class RandomBerthInstances {

    private RandomBerthInstances() {
    }

    /**
     * Vessels arrive over [0, 60) with handling times 5..34, each allowed at a random non-empty subset of the berths
     * (each berth with probability 3/4); berths open at 0..4 and close at 400..499; latest departures 600.
     */
    public static BerthInstance of(long seed, int vesselCount, int berthCount) {
        Random random = new Random(seed);
        List<Berth> berths = new ArrayList<>();
        for (int b = 1; b <= berthCount; b++) {
            berths.add(new Berth(b, random.nextInt(5), 400 + random.nextInt(100)));
        }
        List<CallingVessel> vessels = new ArrayList<>();
        for (int i = 1; i <= vesselCount; i++) {
            Map<Integer, Integer> handling = new HashMap<>();
            for (int b = 1; b <= berthCount; b++) {
                if (random.nextInt(4) > 0) {
                    handling.put(b, 5 + random.nextInt(30));
                }
            }
            if (handling.isEmpty()) {
                handling.put(1 + random.nextInt(berthCount), 5 + random.nextInt(30));
            }
            vessels.add(new CallingVessel(i, random.nextInt(60), 600, handling));
        }
        return new BerthInstance("random-" + seed, vessels, berths);
    }
}
