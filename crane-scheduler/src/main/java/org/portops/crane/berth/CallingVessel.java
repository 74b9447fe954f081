package org.portops.crane.berth;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A vessel calling at the terminal: it arrives at {@code arrival}, must have left by {@code latestDeparture}, and
 * takes {@code handlingTimeByBerth.get(b)} alongside berth b. Berths missing from the map cannot take it (draft,
 * length or cranes do not fit).
 */
public record CallingVessel(int number, int arrival, int latestDeparture, Map<Integer, Integer> handlingTimeByBerth) {
    public CallingVessel {
        if (number < 1) {
            throw new IllegalArgumentException("vessel number must be 1 or more, was " + number);
        }
        if (arrival < 0) {
            throw new IllegalArgumentException("vessel " + number + " arrives at " + arrival + ", before time 0");
        }
        if (latestDeparture < arrival) {
            throw new IllegalArgumentException("vessel " + number + " must leave by " + latestDeparture
                    + ", before it arrives at " + arrival);
        }
        if (handlingTimeByBerth.isEmpty()) {
            throw new IllegalArgumentException("vessel " + number + " is allowed at no berth");
        }
        handlingTimeByBerth.forEach((berth, time) -> {
            if (time < 1) {
                throw new IllegalArgumentException("vessel " + number + " at berth " + berth
                        + " has handling time " + time + ", must be 1 or more");
            }
        });
        handlingTimeByBerth = Collections.unmodifiableMap(new TreeMap<>(handlingTimeByBerth));
    }

    public boolean allowedAt(int berth) {
        return handlingTimeByBerth.containsKey(berth);
    }

    /** Handling time alongside {@code berth}; refuses a berth the vessel is not allowed at. */
    public int handlingTime(int berth) {
        Integer time = handlingTimeByBerth.get(berth);
        if (time == null) {
            throw new IllegalArgumentException("vessel " + number + " is not allowed at berth " + berth);
        }
        return time;
    }

    /**
     * The longest handling time over the allowed berths: what a plan that puts the vessel at a forbidden berth is
     * timed with, so that such a plan (refused anyway) never looks shorter than a legal one.
     */
    public int longestHandlingTime() {
        return Collections.max(handlingTimeByBerth.values());
    }
}
