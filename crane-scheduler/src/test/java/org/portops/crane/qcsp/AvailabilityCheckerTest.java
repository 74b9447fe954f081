package org.portops.crane.qcsp;

import org.junit.jupiter.api.Test;
import org.portops.crane.qcsp.ScheduleViolation.CranesTooClose;
import org.portops.crane.qcsp.ScheduleViolation.FixedTaskMoved;
import org.portops.crane.qcsp.ScheduleViolation.StartsBeforeNow;
import org.portops.crane.qcsp.ScheduleViolation.TaskWhileOutOfService;
import org.portops.crane.qcsp.ScheduleViolation.TaskWhileUnavailable;
import org.portops.crane.qcsp.ScheduleViolation.WrongDuration;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker on windows, productivity, breakdowns and re-plans: 10 bays, travel 1 per bay, safety margin 1
 * (cranes 2 bays apart); crane 1 starts at bay 1, crane 2 at bay 8. Task 1 (work 10) is in bay 6, task 2 (work 10)
 * in bay 7.
 */
class AvailabilityCheckerTest {
    private static final Unavailability BREAK = new Unavailability(20, 50, Unavailability.Reason.BREAK);

    private static QcspInstance vessel(QuayCrane crane1, QuayCrane crane2) {
        return new QcspInstance("windows", 10, 1, 1, List.of(new CraneTask(1, 10, 6), new CraneTask(2, 10, 7)),
                List.of(crane1, crane2), List.of());
    }

    private static QcspSchedule schedule(List<ScheduledTask> crane1, List<ScheduledTask> crane2) {
        return new QcspSchedule("windows", List.of(new CraneSchedule(1, crane1), new CraneSchedule(2, crane2)));
    }

    @Test
    void aCraneMayMoveAsideBeforeAWindowToLeaveRoomForItsNeighbour() {
        // after task 1 at bay 6 crane 1 stands through its break; crane 2 works bay 7 meanwhile: crane 1 must
        // stand at bay 5, which it reaches by 20
        QcspInstance instance = vessel(new QuayCrane(1, 0, 1).withUnavailability(BREAK), new QuayCrane(2, 0, 8));

        QcspSchedule schedule = schedule(List.of(new ScheduledTask(1, 5, 15)), List.of(new ScheduledTask(2, 30, 40)));

        assertThat(ScheduleChecker.check(instance, schedule)).isEmpty();
    }

    @Test
    void catchesACraneWithNoTimeToMoveAsideBeforeItsWindow() {
        Unavailability straightAfter = new Unavailability(15, 50, Unavailability.Reason.MAINTENANCE);
        QcspInstance instance = vessel(new QuayCrane(1, 0, 1).withUnavailability(straightAfter), new QuayCrane(2, 0, 8));

        QcspSchedule schedule = schedule(List.of(new ScheduledTask(1, 5, 15)), List.of(new ScheduledTask(2, 30, 40)));

        assertThat(ScheduleChecker.check(instance, schedule)).containsExactly(new CranesTooClose(1, -1, 2, 2, 1, -20));
    }

    @Test
    void catchesATaskRunningIntoItsCranesWindow() {
        QcspInstance instance = vessel(new QuayCrane(1, 0, 1).withUnavailability(BREAK), new QuayCrane(2, 0, 8));

        QcspSchedule schedule = schedule(List.of(new ScheduledTask(1, 15, 25)), List.of(new ScheduledTask(2, 60, 70)));

        assertThat(ScheduleChecker.check(instance, schedule)).contains(new TaskWhileUnavailable(1, 1, 15, 25, BREAK));
    }

    @Test
    void timesEachTaskAtItsCranesProductivity() {
        // crane 2 does 2 units of work in 3: task 2 (work 10) takes 15 there
        QcspInstance instance = vessel(new QuayCrane(1, 0, 1), new QuayCrane(2, 0, 8).withProductivity(new Productivity(2, 3)));

        QcspSchedule right = schedule(List.of(new ScheduledTask(1, 5, 15)), List.of(new ScheduledTask(2, 16, 31)));
        QcspSchedule nominal = schedule(List.of(new ScheduledTask(1, 5, 15)), List.of(new ScheduledTask(2, 16, 26)));

        assertThat(ScheduleChecker.check(instance, right)).isEmpty();
        assertThat(ScheduleChecker.check(instance, nominal)).containsExactly(new WrongDuration(2, 15, 10));
    }

    @Test
    void catchesATaskStartedOnACraneOutOfService() {
        QcspInstance instance = vessel(new QuayCrane(1, 0, 1), new QuayCrane(2, 0, 8).outOfServiceFrom(30));

        QcspSchedule inHand = schedule(List.of(new ScheduledTask(1, 5, 15)), List.of(new ScheduledTask(2, 29, 39)));
        QcspSchedule afterwards = schedule(List.of(new ScheduledTask(1, 5, 15)), List.of(new ScheduledTask(2, 30, 40)));

        assertThat(ScheduleChecker.check(instance, inHand)).isEmpty();
        assertThat(ScheduleChecker.check(instance, afterwards)).containsExactly(new TaskWhileOutOfService(2, 2, 30, 30));
    }

    @Test
    void keepsStartedTasksWhereTheyStartedAndEverythingElseFromNow() {
        QcspInstance instance = vessel(new QuayCrane(1, 0, 1), new QuayCrane(2, 0, 8))
                .replannedAt(20, List.of(new FixedTask(1, 1, 5)));

        QcspSchedule moved = schedule(List.of(new ScheduledTask(1, 6, 16)), List.of(new ScheduledTask(2, 19, 29)));

        assertThat(ScheduleChecker.check(instance, moved))
                .containsExactlyInAnyOrder(new FixedTaskMoved(1, 1, 5, 1, 6), new StartsBeforeNow(2, 19, 20));
    }

    @Test
    void aBreakAddedAfterTheWorkStartedIsKeptByMovingTheCraneAside() {
        // both tasks started; crane 1's break comes in afterwards: where it stands (bay 6) crane 2 at bay 7 is too
        // close, so it must move to bay 5 first
        QcspInstance instance = vessel(new QuayCrane(1, 0, 1).withUnavailability(BREAK), new QuayCrane(2, 0, 8))
                .replannedAt(18, List.of(new FixedTask(1, 1, 5), new FixedTask(2, 2, 17)));
        QcspSchedule started = schedule(List.of(new ScheduledTask(1, 5, 15)), List.of(new ScheduledTask(2, 17, 27)));

        QcspSchedule schedule = SequenceDecoder.decode(instance, List.of(List.of(1), List.of(2))).toSchedule();

        assertThat(schedule).isEqualTo(started);
        assertThat(ScheduleChecker.check(instance, schedule)).isEmpty();
    }
}
