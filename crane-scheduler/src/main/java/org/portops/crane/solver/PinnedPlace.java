package org.portops.crane.solver;

/**
 * Started work stays where it is: task {@code task} must stay on crane {@code crane} right after task
 * {@code previousTask} (0: first in the crane's list). A chain of these pins a prefix of the crane's list.
 */
public record PinnedPlace(int task, int crane, int previousTask) {
    public PinnedPlace {
        if (task < 1 || crane < 1 || previousTask < 0) {
            throw new IllegalArgumentException("pinned place needs task and crane 1 or more and a previous task 0 or more,"
                    + " was task " + task + ", crane " + crane + ", previous " + previousTask);
        }
    }
}
