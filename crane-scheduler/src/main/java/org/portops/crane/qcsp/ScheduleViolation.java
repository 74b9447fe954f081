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

    /**
     * {@code fromTask} 0 means the crane's initial bay at its ready time; a negative task -w, here and in
     * {@link CranesTooClose}, the crane standing still through its w-th unavailability window.
     */
    record TravelTooShort(int crane, int fromTask, int toTask, int needed, int available) implements ScheduleViolation {
        public String message() {
            String from = fromTask == 0 ? "its initial bay (ready time)" : CranesTooClose.what(fromTask);
            return "crane " + crane + " needs " + needed + " from " + from + " to " + CranesTooClose.what(toTask)
                    + " but has " + available;
        }
    }

    record TaskWhileUnavailable(int crane, int task, int start, int end, Unavailability window)
            implements ScheduleViolation {
        public String message() {
            return "crane " + crane + " works task " + task + " from " + start + " to " + end + " but is unavailable ("
                    + window.reason() + ") from " + window.from() + " to " + window.until();
        }
    }

    record TaskWhileOutOfService(int crane, int task, int start, int outOfServiceFrom) implements ScheduleViolation {
        public String message() {
            return "crane " + crane + " starts task " + task + " at " + start + " but is out of service from "
                    + outOfServiceFrom;
        }
    }

    record FixedTaskMoved(int task, int fixedCrane, int fixedStart, int crane, int start) implements ScheduleViolation {
        public String message() {
            return "task " + task + " started on crane " + fixedCrane + " at " + fixedStart + " but is scheduled on crane "
                    + crane + " at " + start;
        }
    }

    record StartsBeforeNow(int task, int start, int now) implements ScheduleViolation {
        public String message() {
            return "task " + task + " had not started when the plan was made at " + now + " but is scheduled at " + start;
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

        static String what(int task) {
            return task == 0 ? "initial bay" : task < 0 ? "standing still in unavailability window " + -task : "task " + task;
        }
    }

    record OutOfReach(int crane, int task, int bay, int lowestBay, int highestBay) implements ScheduleViolation {
        public String message() {
            return "crane " + crane + " cannot reach bay " + bay + " of task " + task + " (it works bays "
                    + lowestBay + ".." + highestBay + ")";
        }
    }
}
