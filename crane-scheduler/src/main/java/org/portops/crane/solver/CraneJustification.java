package org.portops.crane.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import java.util.List;

/** A constraint match explained in operator language, naming the cranes it concerns. */
public sealed interface CraneJustification extends ConstraintJustification
        permits CraneJustification.PrecedenceBroken, CraneJustification.BayShared, CraneJustification.CranesTooClose,
        CraneJustification.StartBayBlocked, CraneJustification.OutOfReach, CraneJustification.VesselCompletion,
        CraneJustification.CraneTravel, CraneJustification.CraneWaiting, CraneJustification.CraneUnavailable,
        CraneJustification.CraneOutOfService {

    /** Crane numbers this match concerns, each charged with the match's score. */
    List<Integer> cranes();

    String describe();

    record PrecedenceBroken(int before, int beforeCrane, int after, int afterCrane, int overlap)
            implements CraneJustification {
        public List<Integer> cranes() {
            return List.of(beforeCrane, afterCrane).stream().distinct().toList();
        }

        public String describe() {
            return "task " + after + " (crane " + afterCrane + ") starts " + overlap + " before task " + before
                    + " (crane " + beforeCrane + ") ends";
        }
    }

    record BayShared(int bay, int task, int taskCrane, int otherTask, int otherCrane, int overlap)
            implements CraneJustification {
        public List<Integer> cranes() {
            return List.of(taskCrane, otherCrane).stream().distinct().toList();
        }

        public String describe() {
            return "tasks " + task + " (crane " + taskCrane + ") and " + otherTask + " (crane " + otherCrane
                    + ") overlap " + overlap + " in bay " + bay;
        }
    }

    record CranesTooClose(int lowerCrane, int lowerTask, int upperCrane, int upperTask, int neededGap, int actualGap)
            implements CraneJustification {
        public List<Integer> cranes() {
            return List.of(lowerCrane, upperCrane);
        }

        public String describe() {
            return "crane " + lowerCrane + " on task " + lowerTask + " and crane " + upperCrane + " on task " + upperTask
                    + " need " + neededGap + " between them to keep the safety margin, have " + actualGap;
        }
    }

    record StartBayBlocked(int crane, int task, int blockedCrane, int neededGap, int actualGap)
            implements CraneJustification {
        public List<Integer> cranes() {
            return List.of(crane, blockedCrane);
        }

        public String describe() {
            return "crane " + crane + " on task " + task + " comes within the safety margin of crane " + blockedCrane
                    + " at its start bay: needs " + neededGap + " after its ready time, has " + actualGap;
        }
    }

    record OutOfReach(int crane, int task, int bay, int lowestBay, int highestBay) implements CraneJustification {
        public List<Integer> cranes() {
            return List.of(crane);
        }

        public String describe() {
            return "crane " + crane + " cannot reach bay " + bay + " of task " + task + " (works " + lowestBay + ".."
                    + highestBay + ")";
        }
    }

    record VesselCompletion(int crane, int lastTask, int makespan) implements CraneJustification {
        public List<Integer> cranes() {
            return List.of(crane);
        }

        public String describe() {
            return "the vessel is finished at " + makespan + " when crane " + crane + " ends task " + lastTask;
        }
    }

    record CraneTravel(int crane, int task, int fromBay, int toBay, int time) implements CraneJustification {
        public List<Integer> cranes() {
            return List.of(crane);
        }

        public String describe() {
            return "crane " + crane + " travels from bay " + fromBay + " to bay " + toBay + " for task " + task
                    + " (" + time + ")";
        }
    }

    record CraneWaiting(int crane, int task, int time) implements CraneJustification {
        public List<Integer> cranes() {
            return List.of(crane);
        }

        public String describe() {
            return "crane " + crane + " waits " + time + " at the bay of task " + task
                    + " (for room from its neighbours or for a predecessor)";
        }
    }

    record CraneUnavailable(int crane, int task, int start, int end, String reason, int from, int until, int overlap)
            implements CraneJustification {
        public List<Integer> cranes() {
            return List.of(crane);
        }

        public String describe() {
            return "crane " + crane + " works task " + task + " from " + start + " to " + end + ", " + overlap
                    + " into its " + reason + " window " + from + ".." + until;
        }
    }

    record CraneOutOfService(int crane, int task, int start, int outOfServiceFrom) implements CraneJustification {
        public List<Integer> cranes() {
            return List.of(crane);
        }

        public String describe() {
            return "crane " + crane + " is out of service from " + outOfServiceFrom + " but is given task " + task
                    + " at " + start;
        }
    }
}
