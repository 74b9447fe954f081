package org.portops.crane.solver;

/**
 * In the last published plan, task {@code task} was on crane {@code crane} (numbers of the current problem); moving
 * it to another crane costs {@code cost} (vessel completion time units) so a re-plan reassigns work only for a gain.
 */
public record PublishedAssignment(int task, int crane, int cost) {
    public PublishedAssignment {
        if (cost < 0) {
            throw new IllegalArgumentException("task " + task + ": stability cost must be 0 or more, was " + cost);
        }
    }
}
