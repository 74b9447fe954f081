package org.portops.crane.qcsp;

import java.util.List;
import java.util.Random;

/** Random disruptions for property-based tests. */
public final class Disruptions {

    private Disruptions() {
    }

    public static Disruption random(QcspInstance instance, Random random, int now) {
        return switch (random.nextInt(4)) {
            case 0 -> new Disruption.Breakdown(1 + random.nextInt(instance.cranes().size()), now);
            case 1 -> new Disruption.WindStop(10 + random.nextInt(20), now + random.nextInt(30),
                    now + 30 + random.nextInt(100));
            case 2 -> {
                int from = now + random.nextInt(50);
                yield new Disruption.CraneWithdrawn(1 + random.nextInt(instance.cranes().size()),
                        new Unavailability(from, from + 1 + random.nextInt(80), Unavailability.Reason.MAINTENANCE));
            }
            default -> RandomInstances.moreMoves(instance, random);
        };
    }

    /** Whether every task not started yet lies in the reach of a crane still in service. */
    public static boolean coverable(QcspInstance instance) {
        for (CraneTask task : instance.tasks()) {
            if (instance.fixedTask(task.number()) != null) {
                continue;
            }
            boolean reached = instance.cranes().stream().anyMatch(crane -> crane.outOfServiceFrom() == QuayCrane.IN_SERVICE
                    && instance.reaches(crane.number(), task.bay()));
            if (!reached) {
                return false;
            }
        }
        return true;
    }
}
