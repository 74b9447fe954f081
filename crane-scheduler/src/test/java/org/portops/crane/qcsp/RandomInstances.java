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

    /**
     * A random instance whose cranes also differ in productivity and wind limit and have up to two unavailability
     * windows each within the first few hundred time units.
     */
    public static QcspInstance generateWithAvailability(long seed) {
        QcspInstance base = generate(seed);
        Random random = new Random(seed * 31 + 7);
        QcspInstance result = base;
        for (QuayCrane crane : base.cranes()) {
            QuayCrane changed = crane.withProductivity(new Productivity(2 + random.nextInt(4), 3 + random.nextInt(3)))
                    .withWindLimit(15 + random.nextInt(10));
            int windows = random.nextInt(3);
            for (int w = 0; w < windows; w++) {
                int from = random.nextInt(300);
                changed = changed.withUnavailability(new Unavailability(from, from + 1 + random.nextInt(60),
                        Unavailability.Reason.values()[random.nextInt(4)]));
            }
            result = result.withCrane(changed);
        }
        return result;
    }

    /** Extra tasks numbered on from {@code instance}'s, at random bays, the first after a random existing task. */
    public static Disruption.MovesAdded moreMoves(QcspInstance instance, Random random) {
        int first = instance.tasks().size() + 1;
        int count = 1 + random.nextInt(3);
        List<CraneTask> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(new CraneTask(first + i, 1 + random.nextInt(40), 1 + random.nextInt(instance.bays())));
        }
        List<Precedence> precedences = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (random.nextBoolean()) {
                precedences.add(new Precedence(first + i - 1, first + i));
            }
        }
        if (random.nextBoolean()) {
            precedences.add(new Precedence(1 + random.nextInt(instance.tasks().size()), first));
        }
        return new Disruption.MovesAdded(tasks, precedences);
    }
}
