package org.portops.crane.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.portops.crane.qcsp.Precedence;
import org.portops.crane.qcsp.Unavailability;

import java.util.ArrayList;
import java.util.List;

/**
 * Every constraint on hand-set crane lists and times: travel 1 per bay, safety margin 1 (clearance 2); crane 1
 * starts at bay 1 and reaches bays 1..8, crane 2 starts at bay 6 and reaches 3..10.
 */
class QcspConstraintProviderTest {
    private static final PlannedCrane.QuayRules RULES = new PlannedCrane.QuayRules(1, 2);

    private final ConstraintVerifier<QcspConstraintProvider, QcspSolution> verifier = ConstraintVerifier.build(
            new QcspConstraintProvider(), QcspSolution.class, PlannedCrane.class, PlannedTask.class);

    private final PlannedCrane crane1 = new PlannedCrane(1, 0, 1, new PlannedCrane.BayRange(1, 8), RULES);
    private final PlannedCrane crane2 = new PlannedCrane(2, 0, 6, new PlannedCrane.BayRange(3, 10), RULES);
    private int nextNumber = 1;

    /** A task appended to {@code crane}'s list, with the times, travel and waiting the decoder would have set. */
    private PlannedTask task(PlannedCrane crane, int bay, int start, int end) {
        PlannedTask task = new PlannedTask(nextNumber++, bay, end - start);
        List<PlannedTask> tasks = new ArrayList<>(crane.getTasks());
        PlannedTask previous = tasks.isEmpty() ? null : tasks.getLast();
        task.setPrevious(previous);
        task.setCrane(crane);
        int travel = RULES.travelTimePerBay() * Math.abs(bay - task.fromBay());
        int free = previous == null ? crane.getReadyTime() : previous.getEnd();
        task.setStart(start);
        task.setEnd(end);
        task.setTravelTime(travel);
        task.setWaitingTime(start - free - travel);
        tasks.add(task);
        crane.setTasks(tasks);
        return task;
    }

    @Test
    void precedencePenalisesTheOverlapOfAnEarlyStart() {
        PlannedTask before = task(crane1, 2, 0, 50);
        PlannedTask after = task(crane2, 7, 40, 60);

        verifier.verifyThat(QcspConstraintProvider::precedence)
                .given(new Precedence(before.getNumber(), after.getNumber()), before, after).penalizesBy(10);
    }

    @Test
    void precedenceAcceptsAStartAtTheEndOfThePredecessor() {
        PlannedTask before = task(crane1, 2, 0, 50);
        PlannedTask after = task(crane2, 7, 50, 60);

        verifier.verifyThat(QcspConstraintProvider::precedence)
                .given(new Precedence(before.getNumber(), after.getNumber()), before, after).penalizesBy(0);
    }

    @Test
    void precedenceIgnoresTasksWithoutAPrecedence() {
        PlannedTask first = task(crane1, 2, 0, 50);
        PlannedTask second = task(crane2, 7, 10, 60);

        verifier.verifyThat(QcspConstraintProvider::precedence).given(first, second).penalizesBy(0);
    }

    @Test
    void oneCranePerBayPenalisesTheOverlapInOneBay() {
        PlannedTask first = task(crane1, 5, 0, 50);
        PlannedTask second = task(crane2, 5, 40, 70);

        verifier.verifyThat(QcspConstraintProvider::oneCranePerBay).given(first, second).penalizesBy(10);
    }

    @Test
    void oneCranePerBayAcceptsBackToBackTasks() {
        PlannedTask first = task(crane1, 5, 0, 50);
        PlannedTask second = task(crane2, 5, 50, 70);

        verifier.verifyThat(QcspConstraintProvider::oneCranePerBay).given(first, second).penalizesBy(0);
    }

    @Test
    void oneCranePerBayIgnoresOtherBays() {
        PlannedTask first = task(crane1, 2, 0, 50);
        PlannedTask second = task(crane2, 9, 0, 50);

        verifier.verifyThat(QcspConstraintProvider::oneCranePerBay).given(first, second).penalizesBy(0);
    }

    @Test
    void cranesKeepClearPenalisesOverlappingWorkTooClose() {
        // bay 5 and bay 6 are 1 bay apart, 2 needed: crane 2 must travel 1 bay, so the gap must be at least 1
        PlannedTask lower = task(crane1, 5, 4, 20);
        PlannedTask upper = task(crane2, 6, 15, 30);

        verifier.verifyThat(QcspConstraintProvider::cranesKeepClear).given(lower, upper).penalizesBy(6);
    }

    @Test
    void cranesKeepClearPenalisesTooLittleTimeToTravelApart() {
        PlannedTask lower = task(crane1, 5, 4, 20);
        PlannedTask upper = task(crane2, 6, 20, 30);

        verifier.verifyThat(QcspConstraintProvider::cranesKeepClear).given(lower, upper).penalizesBy(1);
    }

    @Test
    void cranesKeepClearAcceptsExactlyTheTravelTimeBetweenThem() {
        PlannedTask lower = task(crane1, 5, 4, 20);
        PlannedTask upper = task(crane2, 6, 21, 30);

        verifier.verifyThat(QcspConstraintProvider::cranesKeepClear).given(lower, upper).penalizesBy(0);
    }

    @Test
    void cranesKeepClearIgnoresCranesFarEnoughApart() {
        PlannedTask lower = task(crane1, 4, 3, 20);
        PlannedTask upper = task(crane2, 6, 0, 30);

        verifier.verifyThat(QcspConstraintProvider::cranesKeepClear).given(lower, upper).penalizesBy(0);
    }

    @Test
    void startBaysClearPenalisesWorkNextToACraneStillAtItsStartBay() {
        // crane 2 stands at bay 6 at time 0; crane 1 at bay 5 needs crane 2 one bay further: 1 time unit
        PlannedTask early = task(crane1, 5, 0, 10);

        verifier.verifyThat(QcspConstraintProvider::startBaysClear).given(crane1, crane2, early).penalizesBy(1);
    }

    @Test
    void startBaysClearAcceptsWorkOnceTheOtherCraneCouldHaveMoved() {
        PlannedTask early = task(crane1, 5, 1, 10);

        verifier.verifyThat(QcspConstraintProvider::startBaysClear).given(crane1, crane2, early).penalizesBy(0);
    }

    @Test
    void startBaysClearIgnoresBaysOutsideTheMargin() {
        PlannedTask early = task(crane1, 4, 0, 10);

        verifier.verifyThat(QcspConstraintProvider::startBaysClear).given(crane1, crane2, early).penalizesBy(0);
    }

    @Test
    void craneReachPenalisesEveryBayBeyondTheReach() {
        PlannedTask far = task(crane1, 10, 9, 20);

        verifier.verifyThat(QcspConstraintProvider::craneReach).given(far).penalizesBy(2);
    }

    @Test
    void craneReachAcceptsTheLastBayInReach() {
        PlannedTask edge = task(crane1, 8, 7, 20);

        verifier.verifyThat(QcspConstraintProvider::craneReach).given(edge).penalizesBy(0);
    }

    @Test
    void craneReachPenalisesTheUpperCraneBelowItsReach() {
        PlannedTask low = task(crane2, 2, 4, 20);

        verifier.verifyThat(QcspConstraintProvider::craneReach).given(low).penalizesBy(1);
    }

    @Test
    void vesselCompletionPenalisesTheLastEndOnce() {
        PlannedTask first = task(crane1, 2, 1, 50);
        PlannedTask last = task(crane2, 7, 1, 80);

        verifier.verifyThat(QcspConstraintProvider::vesselCompletion).given(first, last)
                .penalizesBy(80);
        verifier.verifyThat(QcspConstraintProvider::vesselCompletion).given(first, last).penalizes(1);
    }

    @Test
    void vesselCompletionIsNothingWithoutScheduledTasks() {
        verifier.verifyThat(QcspConstraintProvider::vesselCompletion).given(crane1, crane2).penalizesBy(0);
    }

    @Test
    void vesselCompletionCountsATieOnce() {
        PlannedTask first = task(crane1, 2, 1, 80);
        PlannedTask second = task(crane2, 7, 1, 80);

        verifier.verifyThat(QcspConstraintProvider::vesselCompletion).given(first, second).penalizesBy(80);
    }

    @Test
    void craneTravelPenalisesBaysTravelledFromTheStartBayAndBetweenTasks() {
        PlannedTask first = task(crane1, 4, 3, 10);
        PlannedTask second = task(crane1, 2, 12, 20);

        verifier.verifyThat(QcspConstraintProvider::craneTravel).given(first, second).penalizesBy(3 + 2);
    }

    @Test
    void craneTravelIsNothingForTasksInTheSameBay() {
        PlannedTask first = task(crane1, 1, 0, 10);
        PlannedTask second = task(crane1, 1, 10, 20);

        verifier.verifyThat(QcspConstraintProvider::craneTravel).given(first, second).penalizesBy(0);
    }

    @Test
    void craneWaitingPenalisesTimeStandingBeforeATask() {
        // crane 1 arrives at bay 3 at 2 and starts at 5: waits 3
        PlannedTask late = task(crane1, 3, 5, 10);

        verifier.verifyThat(QcspConstraintProvider::craneWaiting).given(late).penalizesBy(3);
    }

    @Test
    void craneTravelCountsASingleBayMove() {
        PlannedTask next = task(crane1, 2, 1, 10);

        verifier.verifyThat(QcspConstraintProvider::craneTravel).given(next).penalizesBy(1);
    }

    @Test
    void craneWaitingCountsOneUnitLate() {
        // crane 1 arrives at bay 3 at 2 and starts at 3
        PlannedTask late = task(crane1, 3, 3, 10);

        verifier.verifyThat(QcspConstraintProvider::craneWaiting).given(late).penalizesBy(1);
    }

    @Test
    void vesselCompletionCountsAZeroLengthTaskEndingLast() {
        PlannedTask work = task(crane1, 2, 1, 50);
        PlannedTask empty = task(crane2, 7, 60, 60);

        verifier.verifyThat(QcspConstraintProvider::vesselCompletion).given(work, empty).penalizesBy(60);
    }

    @Test
    void craneWaitingIsNothingWhenTheCraneStartsOnArrival() {
        PlannedTask prompt = task(crane1, 3, 2, 10);
        PlannedTask next = task(crane1, 3, 10, 20);

        verifier.verifyThat(QcspConstraintProvider::craneWaiting).given(prompt, next).penalizesBy(0);
    }

    @Test
    void craneUnavailablePenalisesTheTimeATaskRunsIntoItsCranesWindow() {
        PlannedTask late = task(crane1, 3, 40, 70);
        CraneWindow lunch = new CraneWindow(1, new Unavailability(60, 90, Unavailability.Reason.BREAK));

        verifier.verifyThat(QcspConstraintProvider::craneUnavailable).given(late, lunch).penalizesBy(10);
    }

    @Test
    void craneUnavailablePenalisesATaskSpanningTheWholeWindowByTheWindow() {
        PlannedTask across = task(crane1, 3, 40, 120);
        CraneWindow lunch = new CraneWindow(1, new Unavailability(60, 90, Unavailability.Reason.BREAK));

        verifier.verifyThat(QcspConstraintProvider::craneUnavailable).given(across, lunch).penalizesBy(30);
    }

    @Test
    void craneUnavailableAcceptsATaskEndingAsTheWindowStarts() {
        PlannedTask before = task(crane1, 3, 40, 60);
        PlannedTask after = task(crane1, 3, 90, 100);
        CraneWindow lunch = new CraneWindow(1, new Unavailability(60, 90, Unavailability.Reason.BREAK));

        verifier.verifyThat(QcspConstraintProvider::craneUnavailable).given(before, after, lunch).penalizesBy(0);
    }

    @Test
    void craneUnavailableIgnoresAnotherCranesWindow() {
        PlannedTask working = task(crane2, 7, 40, 70);
        CraneWindow lunch = new CraneWindow(1, new Unavailability(60, 90, Unavailability.Reason.BREAK));

        verifier.verifyThat(QcspConstraintProvider::craneUnavailable).given(working, lunch).penalizesBy(0);
    }

    @Test
    void craneOutOfServicePenalisesWorkAfterTheBreakdown() {
        crane2.setOutOfServiceFrom(50);
        PlannedTask started = task(crane2, 7, 20, 65);
        PlannedTask notStarted = task(crane2, 8, 67, 80);

        verifier.verifyThat(QcspConstraintProvider::craneOutOfService).given(started, notStarted).penalizesBy(30);
    }

    @Test
    void craneOutOfServicePenalisesATaskStartingAtTheBreakdown() {
        crane2.setOutOfServiceFrom(50);
        PlannedTask atBreakdown = task(crane2, 7, 50, 60);

        verifier.verifyThat(QcspConstraintProvider::craneOutOfService).given(atBreakdown).penalizesBy(10);
    }

    @Test
    void craneOutOfServiceAcceptsATaskStartedJustBeforeTheBreakdown() {
        crane2.setOutOfServiceFrom(50);
        PlannedTask inHand = task(crane2, 7, 49, 90);

        verifier.verifyThat(QcspConstraintProvider::craneOutOfService).given(inHand).penalizesBy(0);
    }
}
