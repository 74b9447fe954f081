package org.portops.crane.split;

import org.junit.jupiter.api.Test;
import org.portops.crane.qcsp.Unavailability;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.crane.split.SplitScenarios.HOUR;
import static org.portops.crane.split.SplitScenarios.cranes;
import static org.portops.crane.split.SplitScenarios.problem;
import static org.portops.crane.split.SplitScenarios.vessel;

/**
 * Hand-made splits, good and bad: QC01..QC03 at 100, 200, 300 m; MSC ANNA at 0..300 m (centre 150), EVER GIVEN at
 * 350..650 m (centre 500, 350 m and 467 s of gantry from ANNA), 12 positions each (limit 6 by length).
 */
class SplitCheckerTest {
    private static final VesselCallId ANNA = new VesselCallId("C1");
    private static final VesselCallId EVER = new VesselCallId("C2");

    private SplitProblem problem = problem(cranes(3, 100, 100), List.of(
            vessel("C1", "MSC ANNA", 0, 300, 12, 0, 10 * HOUR, 20),
            vessel("C2", "EVER GIVEN", 350, 650, 12, 0, 10 * HOUR, 20)), 12);

    private static CraneTimeline crane(int number, Assignment... assignments) {
        return new CraneTimeline(new EquipmentId(String.format("QC%02d", number)), List.of(assignments), List.of());
    }

    private static Assignment at(VesselCallId vessel, int from, int until) {
        return new Assignment(vessel, from, until);
    }

    private List<SplitViolation.Rule> rules(CraneTimeline... timelines) {
        return SplitChecker.check(problem, List.of(timelines)).stream().map(SplitViolation::rule).toList();
    }

    @Test
    void acceptsCranesInRailOrderMovingWithTheirGantryTime() {
        assertThat(rules(crane(1, at(ANNA, 0, 4 * HOUR)), crane(2, at(ANNA, 0, HOUR), at(EVER, HOUR + 467, 4 * HOUR)),
                crane(3, at(EVER, 0, 4 * HOUR)))).isEmpty();
    }

    @Test
    void findsALowerCraneWorkingBeyondAHigherOne() {
        List<SplitViolation> violations = SplitChecker.check(problem, List.of(crane(1, at(EVER, 0, HOUR)),
                crane(2, at(ANNA, 1800, 2 * HOUR))));
        assertThat(violations).extracting(SplitViolation::rule).containsExactly(SplitViolation.Rule.CRANES_CROSS);
        assertThat(violations.getFirst().detail()).contains("QC01 at EVER GIVEN").contains("QC02 at MSC ANNA");
    }

    @Test
    void acceptsCranesSwappingSidesOneAfterTheOther() {
        assertThat(rules(crane(1, at(EVER, 0, HOUR)), crane(2, at(ANNA, HOUR, 2 * HOUR)))).isEmpty();
    }

    @Test
    void findsACraneOnTwoVesselsAtOnce() {
        assertThat(rules(crane(1, at(ANNA, 0, 2 * HOUR), at(EVER, HOUR, 3 * HOUR))))
                .contains(SplitViolation.Rule.DOUBLE_BOOKED);
    }

    @Test
    void findsADoubleBookingSpreadOverTwoTimelinesOfOneCrane() {
        assertThat(rules(crane(1, at(ANNA, 0, 2 * HOUR)), crane(1, at(ANNA, HOUR, 3 * HOUR))))
                .containsExactly(SplitViolation.Rule.DOUBLE_BOOKED);
    }

    @Test
    void findsAMoveFasterThanTheGantry() {
        assertThat(rules(crane(3, at(ANNA, 0, HOUR), at(EVER, HOUR + 466, 2 * HOUR))))
                .containsExactly(SplitViolation.Rule.GANTRY_TOO_FAST);
    }

    @Test
    void findsWorkInAMaintenanceWindow() {
        List<SplitCrane> cranes = new ArrayList<>(problem.cranes());
        cranes.set(0, cranes.get(0).withUnavailability(new Unavailability(1000, 2000, Unavailability.Reason.MAINTENANCE)));
        problem = SplitProblem.of(problem.planStart(), 1400, HOUR, 12, 6, cranes, problem.vessels());
        assertThat(rules(crane(1, at(ANNA, 0, HOUR)))).containsExactly(SplitViolation.Rule.CRANE_UNAVAILABLE);
        assertThat(rules(crane(1, at(ANNA, 2000, 2 * HOUR)))).isEmpty();
    }

    @Test
    void findsWorkInWindAboveTheCraneLimit() {
        problem = problem.withWind(List.of(new WindPeriod(HOUR, 2 * HOUR, 21.0)));
        List<SplitViolation> violations = SplitChecker.check(problem, List.of(crane(1, at(ANNA, 0, 3 * HOUR))));
        assertThat(violations).extracting(SplitViolation::rule).containsExactly(SplitViolation.Rule.CRANE_UNAVAILABLE);
        assertThat(violations.getFirst().detail()).contains("WIND");
        problem = problem.withWind(List.of(new WindPeriod(HOUR, 2 * HOUR, 20.0)));
        assertThat(rules(crane(1, at(ANNA, 0, 3 * HOUR)))).isEmpty();
    }

    @Test
    void findsWorkBeforeTheVesselBerths() {
        problem = problem(problem.cranes(), List.of(vessel("C1", "MSC ANNA", 0, 300, 12, 2 * HOUR, 10 * HOUR, 20)), 12);
        assertThat(rules(crane(1, at(ANNA, HOUR, 3 * HOUR)))).containsExactly(SplitViolation.Rule.VESSEL_NOT_ALONGSIDE);
        assertThat(rules(crane(1, at(ANNA, 2 * HOUR, 3 * HOUR)))).isEmpty();
    }

    @Test
    void countsTheCranesBetweenTheFirstAndLastOnAShortVessel() {
        problem = problem(problem.cranes(), List.of(vessel("C1", "MSC ANNA", 0, 300, 4, 0, 10 * HOUR, 20)), 12);
        assertThat(rules(crane(1, at(ANNA, 0, HOUR)), crane(3, at(ANNA, 0, HOUR))))
                .containsExactly(SplitViolation.Rule.OVER_CRANE_LIMIT);
        assertThat(rules(crane(1, at(ANNA, 0, HOUR)), crane(2, at(ANNA, 0, HOUR)))).isEmpty();
        assertThat(rules(crane(1, at(ANNA, 0, HOUR)), crane(3, at(ANNA, HOUR, 2 * HOUR)))).isEmpty();
    }

    @Test
    void findsAVesselThatIsNotAtTheQuay() {
        assertThat(rules(crane(1, at(new VesselCallId("GONE"), 0, HOUR))))
                .containsExactly(SplitViolation.Rule.UNKNOWN_CRANE_OR_VESSEL);
    }
}
