package org.portops.crane.split.solver;

import org.portops.crane.qcsp.Unavailability;
import org.portops.crane.split.SplitCrane;

import java.util.List;

/** A crane as a problem fact: its place in rail order (0 first) and its windows, wind included. */
public record RailCrane(int index, SplitCrane crane, List<Unavailability> unavailable) {
    public RailCrane {
        unavailable = List.copyOf(unavailable);
    }

    /** By rail place: cheap to hash as a group key, and a problem has one crane per place. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RailCrane that && that.index == index && that.crane.id().equals(crane.id());
    }

    @Override
    public int hashCode() {
        return index;
    }

    public String name() {
        return crane.id().value();
    }

    /** Minutes (at least 1 when any) of [start, end) that fall in the crane's windows. */
    public int unavailableMinutes(int start, int end) {
        int seconds = 0;
        for (Unavailability window : unavailable) {
            seconds += window.overlap(start, end);
        }
        return seconds == 0 ? 0 : Math.max(1, (seconds + 59) / 60);
    }

    public Unavailability.Reason firstReason(int start, int end) {
        return unavailable.stream().filter(w -> w.overlaps(start, end)).map(Unavailability::reason).findFirst()
                .orElse(null);
    }
}
