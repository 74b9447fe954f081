package org.portops.crane.qcsp;

/** Why a schedule breaks the QCSP model: each kind names the tasks, cranes and times involved. */
public sealed interface ScheduleViolation {

    String message();

    record UnknownCrane(int crane) implements ScheduleViolation {
        public String message() {
            return "crane " + crane + " is not in the instance";
        }
    }

    record UnknownTask(int crane, int task) implements ScheduleViolation {
        public String message() {
            return "crane " + crane + " has task " + task + ", which is not in the instance";
        }
    }

    record TaskMissing(int task) implements ScheduleViolation {
        public String message() {
            return "task " + task + " is not scheduled";
        }
    }

    record TaskRepeated(int task, int times) implements ScheduleViolation {
        public String message() {
            return "task " + task + " is scheduled " + times + " times";
        }
    }

    record WrongDuration(int task, int processingTime, int scheduled) implements ScheduleViolation {
        public String message() {
            return "task " + task + " takes " + processingTime + " but is scheduled for " + scheduled;
        }
    }

    /** {@code fromTask} 0 means the crane's initial bay at its ready time. */
    record TravelTooShort(int crane, int fromTask, int toTask, int needed, int available) implements ScheduleViolation {
        public String message() {
            String from = fromTask == 0 ? "its initial bay (ready time)" : "task " + fromTask;
            return "crane " + crane + " needs " + needed + " from " + from + " to task " + toTask + " but has " + available;
        }
    }

    record PrecedenceBroken(int before, int after, int beforeEnds, int afterStarts) implements ScheduleViolation {
        public String message() {
            return "task " + after + " starts at " + afterStarts + " before task " + before + " ends at " + beforeEnds;
        }
    }

    record BayOverlap(int bay, int task, int otherTask) implements ScheduleViolation {
        public String message() {
            return "tasks " + task + " and " + otherTask + " in bay " + bay + " overlap in time";
        }
    }

    /**
     * Two cranes get closer than the safety margin allows: {@code lowerTask} (0 = the initial bay) keeps crane
     * {@code lowerCrane} at one bay, {@code upperTask} keeps {@code upperCrane} at another, and the time between the
     * two is shorter than the travel that keeping clear needs.
     */
    record CranesTooClose(int lowerCrane, int lowerTask, int upperCrane, int upperTask, int neededGap, int actualGap)
            implements ScheduleViolation {
        public String message() {
            return "crane " + lowerCrane + " (" + what(lowerTask) + ") and crane " + upperCrane + " (" + what(upperTask)
                    + ") need " + neededGap + " between them to keep clear, but have " + actualGap;
        }

        private static String what(int task) {
            return task == 0 ? "initial bay" : "task " + task;
        }
    }

    record OutOfReach(int crane, int task, int bay, int lowestBay, int highestBay) implements ScheduleViolation {
        public String message() {
            return "crane " + crane + " cannot reach bay " + bay + " of task " + task + " (it works bays "
                    + lowestBay + ".." + highestBay + ")";
        }
    }
}
