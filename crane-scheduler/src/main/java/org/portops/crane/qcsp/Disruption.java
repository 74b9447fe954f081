package org.portops.crane.qcsp;

import java.util.List;

/** Something that happens while a vessel is worked and makes the crane plan change. Times in the instance's units. */
public sealed interface Disruption {

    /** Crane {@code crane} breaks down at {@code at}: it finishes nothing more after its task in hand. */
    record Breakdown(int crane, int at) implements Disruption {
    }

    /**
     * Wind of {@code speed} m/s from {@code from} to {@code until} stops every crane whose wind limit is below it, at
     * once: a task in hand is cut there.
     */
    record WindStop(double speed, int from, int until) implements Disruption {
        public WindStop {
            if (!(speed > 0)) {
                throw new IllegalArgumentException("wind speed must be positive, was " + speed);
            }
            if (until <= from) {
                throw new IllegalArgumentException("wind stop must end after it starts, was " + from + ".." + until);
            }
        }
    }

    /** Crane {@code crane} becomes unavailable (maintenance, a break, work elsewhere) during {@code window}. */
    record CraneWithdrawn(int crane, Unavailability window) implements Disruption {
    }

    /** More work for the vessel: tasks numbered on from the instance's last, with their precedences. */
    record MovesAdded(List<CraneTask> tasks, List<Precedence> precedences) implements Disruption {
        public MovesAdded {
            tasks = List.copyOf(tasks);
            precedences = List.copyOf(precedences);
        }
    }
}
