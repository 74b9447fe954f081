package org.portops.crane.qcsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random QCSP instances shaped like Kim &amp; Park's, small enough to solve in a test. */
public final class RandomInstances {

    private RandomInstances() {
    }

    public static QcspInstance generate(long seed) {
        Random random = new Random(seed);
        int cranes = 1 + random.nextInt(3);
        int safetyMargin = random.nextInt(2);
        int clearance = safetyMargin + 1;
        int bays = Math.max(cranes * clearance + 2, 6 + random.nextInt(10));
        int taskCount = 4 + random.nextInt(9);
        int travel = random.nextInt(3);
        List<CraneTask> tasks = new ArrayList<>();
        for (int i = 1; i <= taskCount; i++) {
            tasks.add(new CraneTask(i, 1 + random.nextInt(60), 1 + random.nextInt(bays)));
        }
        List<Precedence> precedences = new ArrayList<>();
        for (int i = 1; i < taskCount; i++) {
            if (random.nextInt(4) == 0) {
                // only forward pairs, so the precedences never form a cycle
                precedences.add(new Precedence(i, i + 1 + random.nextInt(taskCount - i)));
            }
        }
        List<QuayCrane> craneList = new ArrayList<>();
        int spacing = Math.max(clearance, (bays - 1) / cranes);
        for (int k = 1; k <= cranes; k++) {
            craneList.add(new QuayCrane(k, random.nextInt(3) == 0 ? random.nextInt(20) : 0, 1 + (k - 1) * spacing));
        }
        return new QcspInstance("random-" + seed, bays, travel, safetyMargin, tasks, craneList,
                precedences.stream().distinct().toList());
    }
}
