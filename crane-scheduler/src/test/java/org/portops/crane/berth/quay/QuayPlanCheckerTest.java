package org.portops.crane.berth.quay;

import org.junit.jupiter.api.Test;
import org.portops.crane.berth.quay.QuayConflict.Kind;
import org.portops.model.quay.Bollard;
import org.portops.model.vessel.VesselCallId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.crane.berth.quay.QuayBerthPlannerTest.NOW;
import static org.portops.crane.berth.quay.QuayBerthPlannerTest.QUAY;

/** Each kind of bad plan built by hand on the sample quay, and the reasons the checker gives. */
class QuayPlanCheckerTest {
    private static final BerthSettings SETTINGS = BerthSettings.defaults();

    private static BerthCall call(String id, int length, double beam, double draft, int moves) {
        return new BerthCall(new VesselCallId(id), id, length, beam, draft, NOW, NOW, moves, 6, null);
    }

    /** 25 moves per crane hour and 30 min mooring: 500 moves with 2 cranes stay 630 min. */
    private static QuayPlacement at(String id, int from, int length, int startMinutes, int stayMinutes, int cranes) {
        Instant berthing = NOW.plus(Duration.ofMinutes(startMinutes));
        return new QuayPlacement(new VesselCallId(id), id, from, from + length, berthing,
                berthing.plus(Duration.ofMinutes(stayMinutes)), cranes, false, List.of());
    }

    private static List<QuayConflict> check(List<BerthCall> calls, QuayPlacement... placements) {
        return QuayPlanChecker.check(new QuayBerthProblem(QUAY, SETTINGS, NOW, calls, Map.of()), List.of(placements));
    }

    @Test
    void acceptsAPlanKeepingEveryRule() {
        assertThat(check(List.of(call("A", 300, 40, 14, 500), call("B", 300, 40, 14, 500)),
                at("A", 0, 300, 0, 630, 2), at("B", 320, 300, 0, 630, 2))).isEmpty();
    }

    @Test
    void findsVesselsCloserThanTheClearance() {
        assertThat(check(List.of(call("A", 300, 40, 14, 500), call("B", 300, 40, 14, 500)),
                at("A", 0, 300, 0, 630, 2), at("B", 310, 300, 100, 630, 2)))
                .extracting(QuayConflict::kind, QuayConflict::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.OVERLAP,
                        "A (0..300 m) and B (310..610 m) are alongside together 10 m apart, clearance is 20 m"));
    }

    @Test
    void findsAVesselOverShallowWater() {
        assertThat(check(List.of(call("A", 300, 40, 15, 500)), at("A", 1050, 300, 0, 630, 2)))
                .extracting(QuayConflict::reason)
                .containsExactly("A draws 15.0 m but lies over berth B4 1100..1400 m (14.5 m deep)");
    }

    @Test
    void findsAVesselWiderThanTheCranesReach() {
        assertThat(check(List.of(call("A", 300, 58, 14, 500)), at("A", 0, 300, 0, 630, 2)))
                .extracting(QuayConflict::kind).containsExactly(Kind.CRANE_REACH);
    }

    @Test
    void findsAVesselWithNoBollardWithinReachOfAnEnd() {
        QuayLayout partly = new QuayLayout("Partly bollarded", 1400, QUAY.sections(), QUAY.quayCranes(), QUAY.reach(),
                QUAY.clearanceMeters(), List.of(new Bollard("1", 0), new Bollard("2", 200), new Bollard("3", 300),
                new Bollard("4", 400)));
        QuayBerthProblem problem = new QuayBerthProblem(partly, SETTINGS, NOW, List.of(call("A", 300, 40, 14, 500)),
                Map.of());
        assertThat(QuayPlanChecker.check(problem, List.of(at("A", 100, 300, 0, 630, 2))))
                .extracting(QuayConflict::kind, QuayConflict::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.MOORING,
                        "A lies at 100..400 m with no bollard within 30 m of its bow"));
        assertThat(QuayPlanChecker.check(problem, List.of(at("A", 600, 300, 0, 630, 2))))
                .extracting(QuayConflict::reason)
                .containsExactly("A lies at 600..900 m with no bollard within 30 m of its bow and stern");
        assertThat(QuayPlanChecker.check(problem, List.of(at("A", 0, 300, 0, 630, 2)))).isEmpty();
    }

    @Test
    void findsMoreCranesAtWorkThanTheQuayHas() {
        assertThat(check(List.of(call("A", 300, 40, 14, 500), call("B", 300, 40, 14, 500),
                        call("C", 300, 40, 14, 500)),
                at("A", 0, 300, 0, 330, 6), at("B", 320, 300, 0, 330, 6), at("C", 640, 300, 60, 330, 6)))
                .extracting(QuayConflict::kind, QuayConflict::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CRANE_CAPACITY,
                        "18 cranes at work when C berths at 2026-11-24T07:00:00Z, the quay has 14"));
    }

    @Test
    void findsAStayShorterThanTheWork() {
        assertThat(check(List.of(call("A", 300, 40, 14, 500)), at("A", 0, 300, 0, 629, 2)))
                .extracting(QuayConflict::reason).containsExactly("A stays 629 min, its 500 moves with 2 cranes need 630 min");
    }

    @Test
    void findsBerthingBeforeArrivalAnUnplacedCallAndTooManyCranes() {
        assertThat(check(List.of(call("A", 300, 40, 14, 500), call("B", 300, 40, 14, 500)),
                at("A", 0, 300, -15, 230, 7)))
                .extracting(QuayConflict::kind)
                .containsExactlyInAnyOrder(Kind.TOO_MANY_CRANES, Kind.BEFORE_ARRIVAL, Kind.UNPLACED);
    }

    @Test
    void findsAVesselAlongsidePlannedElsewhere() {
        BerthCall moored = new BerthCall(new VesselCallId("A"), "A", 300, 40, 14, NOW, NOW, 500, 6,
                new BerthCall.Alongside(0, NOW, 2));
        assertThat(check(List.of(moored), at("A", 10, 300, 0, 630, 2)))
                .extracting(QuayConflict::kind).containsExactly(Kind.ALONGSIDE_MOVED);
    }
}
