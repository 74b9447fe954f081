package org.portops.crane.berth;

import java.util.List;

/**
 * A discrete berth allocation problem: vessels numbered 1..n, berths numbered 1..m. Every vessel is to be served
 * at one berth it is allowed at, after its arrival and the berth's opening, finishing by the berth's closing and its
 * own latest departure, one vessel per berth at a time. Objective: least total service time, the sum over vessels of
 * (berthing time + handling time - arrival).
 */
public record BerthInstance(String name, List<CallingVessel> vessels, List<Berth> berths) {
    public BerthInstance {
        vessels = List.copyOf(vessels);
        berths = List.copyOf(berths);
        if (vessels.isEmpty() || berths.isEmpty()) {
            throw new IllegalArgumentException("needs at least one vessel and one berth, has " + vessels.size()
                    + " vessels and " + berths.size() + " berths");
        }
        for (int i = 0; i < vessels.size(); i++) {
            if (vessels.get(i).number() != i + 1) {
                throw new IllegalArgumentException("vessel " + (i + 1) + " is numbered " + vessels.get(i).number());
            }
        }
        for (int b = 0; b < berths.size(); b++) {
            if (berths.get(b).number() != b + 1) {
                throw new IllegalArgumentException("berth " + (b + 1) + " is numbered " + berths.get(b).number());
            }
        }
        for (CallingVessel vessel : vessels) {
            for (int berth : vessel.handlingTimeByBerth().keySet()) {
                if (berth < 1 || berth > berths.size()) {
                    throw new IllegalArgumentException("vessel " + vessel.number() + " has a handling time at berth "
                            + berth + ", outside 1.." + berths.size());
                }
            }
        }
    }

    public CallingVessel vessel(int number) {
        return vessels.get(number - 1);
    }

    public Berth berth(int number) {
        return berths.get(number - 1);
    }

    /** The time a vessel must have left {@code berth} by: the earlier of the berth's closing and its latest departure. */
    public int deadline(int vessel, int berth) {
        return Math.min(berth(berth).closes(), vessel(vessel).latestDeparture());
    }
}
