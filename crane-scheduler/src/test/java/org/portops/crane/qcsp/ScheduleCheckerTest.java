package org.portops.crane.qcsp;

import org.junit.jupiter.api.Test;
import org.portops.crane.qcsp.ScheduleViolation.BayOverlap;
import org.portops.crane.qcsp.ScheduleViolation.CranesTooClose;
import org.portops.crane.qcsp.ScheduleViolation.OutOfReach;
import org.portops.crane.qcsp.ScheduleViolation.PrecedenceBroken;
import org.portops.crane.qcsp.ScheduleViolation.TaskMissing;
import org.portops.crane.qcsp.ScheduleViolation.TaskRepeated;
import org.portops.crane.qcsp.ScheduleViolation.TravelTooShort;
import org.portops.crane.qcsp.ScheduleViolation.UnknownCrane;
import org.portops.crane.qcsp.ScheduleViolation.UnknownTask;
import org.portops.crane.qcsp.ScheduleViolation.WrongDuration;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-made schedules on a small vessel: 8 bays, travel 1 per bay, safety margin 1 (cranes at least 2 bays apart);
 * crane 1 starts at bay 3, crane 2 at bay 6 and is ready at 3. Tasks: 1 in bay 2, 2 in bay 4, 3 and 4 in bay 6
 * (3 before 4), 5 in bay 5, each taking 10.
 */
class ScheduleCheckerTest {
    static final QcspInstance VESSEL = new QcspInstance("hand", 8, 1, 1,
            List.of(new CraneTask(1, 10, 2), new CraneTask(2, 10, 4), new CraneTask(3, 10, 6),
                    new CraneTask(4, 10, 6), new CraneTask(5, 10, 5)),
            List.of(new QuayCrane(1, 0, 3), new QuayCrane(2, 3, 6)),
            List.of(new Precedence(3, 4)));

    private static QcspSchedule schedule(List<ScheduledTask> crane1, List<ScheduledTask> crane2) {
        return new QcspSchedule("hand", List.of(new CraneSchedule(1, crane1), new CraneSchedule(2, crane2)));
    }

    private static ScheduledTask task(int number, int start) {
        return new ScheduledTask(number, start, start + 10);
    }

    private static final List<ScheduledTask> CRANE_2 = List.of(task(5, 4), task(3, 15), task(4, 25));

    @Test
    void acceptsAScheduleThatKeepsEveryRule() {
        QcspSchedule valid = schedule(List.of(task(1, 1), task(2, 15)), CRANE_2);

        assertThat(ScheduleChecker.check(VESSEL, valid)).isEmpty();
        assertThat(valid.makespan()).isEqualTo(35);
    }

    @Test
    void catchesAMissingTask() {
        QcspSchedule schedule = schedule(List.of(task(1, 1), task(2, 15)), List.of(task(5, 4), task(3, 15)));

        assertThat(ScheduleChecker.check(VESSEL, schedule)).containsExactly(new TaskMissing(4));
    }

    @Test
    void catchesATaskScheduledTwiceAndOutOfTheCranesReach() {
        QcspSchedule schedule = schedule(List.of(task(1, 1), task(2, 15)),
                List.of(task(5, 4), task(3, 15), task(4, 25), task(1, 40)));

        assertThat(ScheduleChecker.check(VESSEL, schedule))
                .containsExactlyInAnyOrder(new TaskRepeated(1, 2), new OutOfReach(2, 1, 2, 3, 8));
    }

    @Test
    void catchesAWrongDuration() {
        QcspSchedule schedule = schedule(List.of(new ScheduledTask(1, 1, 12), task(2, 15)), CRANE_2);

        assertThat(ScheduleChecker.check(VESSEL, schedule)).containsExactly(new WrongDuration(1, 10, 11));
    }

    @Test
    void catchesACraneStartingBeforeItCouldHaveTravelled() {
        QcspSchedule schedule = schedule(List.of(task(1, 0), task(2, 15)), CRANE_2);

        assertThat(ScheduleChecker.check(VESSEL, schedule)).containsExactly(new TravelTooShort(1, 0, 1, 1, 0));
    }

    @Test
    void catchesABrokenPrecedence() {
        QcspSchedule schedule = schedule(List.of(task(1, 1), task(2, 15)), List.of(task(5, 4), task(4, 15), task(3, 25)));

        assertThat(ScheduleChecker.check(VESSEL, schedule)).containsExactly(new PrecedenceBroken(3, 4, 35, 15));
    }

    @Test
    void catchesTwoTasksOfOneBayAtTheSameTime() {
        QcspSchedule schedule = schedule(List.of(task(1, 1), task(2, 15)), List.of(task(5, 4), task(3, 15), task(4, 20)));

        assertThat(ScheduleChecker.check(VESSEL, schedule)).contains(new BayOverlap(6, 3, 4));
    }

    @Test
    void catchesCranesWithinTheSafetyMarginWhileWorking() {
        QcspSchedule schedule = schedule(List.of(task(1, 1), task(2, 13)), CRANE_2);

        assertThat(ScheduleChecker.check(VESSEL, schedule)).containsExactly(new CranesTooClose(1, 2, 2, 5, 1, -1));
    }

    @Test
    void catchesCranesWithinTheSafetyMarginWhileTravelling() {
        // crane 2 leaves bay 5 at 14; crane 1 at bay 4 from 14 leaves it no time to move to bay 6
        QcspSchedule schedule = schedule(List.of(task(1, 1), task(2, 14)), CRANE_2);

        assertThat(ScheduleChecker.check(VESSEL, schedule)).containsExactly(new CranesTooClose(1, 2, 2, 5, 1, 0));
    }

    @Test
    void catchesACraneComingTooCloseToAnotherStillAtItsStartBay() {
        QcspSchedule schedule = schedule(List.of(task(5, 2), task(1, 15), task(2, 27)), List.of(task(3, 20), task(4, 30)));

        assertThat(ScheduleChecker.check(VESSEL, schedule)).containsExactly(new CranesTooClose(1, 5, 2, 0, 1, -1));
    }

    @Test
    void catchesUnknownCranesAndTasks() {
        QcspSchedule schedule = new QcspSchedule("hand", List.of(
                new CraneSchedule(1, List.of(task(1, 1), task(2, 15))),
                new CraneSchedule(2, List.of(task(5, 4), task(3, 15), task(4, 25), task(9, 40))),
                new CraneSchedule(3, List.of())));

        assertThat(ScheduleChecker.check(VESSEL, schedule)).containsExactlyInAnyOrder(new UnknownTask(2, 9), new UnknownCrane(3));
    }

    @Test
    void everyViolationExplainsItself() {
        assertThat(new CranesTooClose(1, 2, 2, 0, 1, -1).message())
                .isEqualTo("crane 1 (task 2) and crane 2 (initial bay) need 1 between them to keep clear, but have -1");
        assertThat(new TravelTooShort(1, 0, 1, 1, 0).message())
                .isEqualTo("crane 1 needs 1 from its initial bay (ready time) to task 1 but has 0");
    }
}
