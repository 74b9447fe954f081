package org.portops.bench.yard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.portops.bench.yard.YardTraffic.Arrival;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.yard.slot.Departure;
import org.portops.yard.slot.YardModel;

/** Three days of light traffic at the sample terminal, replayed against each policy. */
class YardSimulationTest {
    private final TerminalLayout layout = TerminalLayoutLoader.sample();
    private final List<Arrival> traffic = YardTraffic.generate(3, layout, 3, 60, 20);
    private final Instant measureFrom = YardTraffic.START.plus(Duration.ofDays(1));
    private final Instant end = YardTraffic.START.plus(Duration.ofDays(3));

    private static Departure estimate(Arrival arrival) {
        return Departure.at(arrival.knownDeparture() != null ? arrival.knownDeparture()
                : arrival.arrives().plus(Duration.ofDays(3)));
    }

    private YardSimulation.Result run(Function<YardModel, YardSimulation.Policy> policy,
                                      YardSimulation.SimClock clock) {
        YardSimulation simulation = new YardSimulation(layout, clock, policy, YardSimulationTest::estimate);
        YardSimulation.Result result = simulation.run(traffic, measureFrom, end);
        assertThat(simulation.yard().violations()).as(result.policy()).isEmpty();
        return result;
    }

    @Test
    void everyPolicyReplaysTheSameTrafficAndThePlannerRehandlesLessThanNearestFreeSlot() {
        YardSimulation.SimClock plannerClock = new YardSimulation.SimClock();
        YardSimulation.Result planner = run(yard -> Policies.planner(yard, plannerClock, "planner"), plannerClock);
        YardSimulation.SimClock nearestClock = new YardSimulation.SimClock();
        YardSimulation.Result nearest = run(yard -> Policies.nearestFreeSlot(nearestClock), nearestClock);
        YardSimulation.SimClock randomClock = new YardSimulation.SimClock();
        YardSimulation.Result random = run(yard -> Policies.random(1, randomClock), randomClock);

        for (YardSimulation.Result r : List.of(planner, nearest, random)) {
            assertThat(r.arrivals()).as(r.policy()).isEqualTo(planner.arrivals()).isPositive();
            assertThat(r.retrievals()).as(r.policy()).isEqualTo(planner.retrievals()).isGreaterThan(100);
            assertThat(r.noSlot()).as(r.policy()).isZero();
            assertThat(r.stuck()).as(r.policy()).isZero();
            assertThat(r.decisions().count()).as(r.policy()).isEqualTo(r.arrivals());
        }
        // random is not compared here: in a yard this empty it spreads containers over 8,000 stacks and rarely stacks
        // at all; the planner's advantage over it shows at working fill (bench yard: 2.7x fewer rehandles at 54 %)
        assertThat(planner.rehandles()).isLessThan(nearest.rehandles() / 2);
    }

    @Test
    void trafficIsTheSameForTheSameSeed() {
        List<Arrival> again = YardTraffic.generate(3, layout, 3, 60, 20);
        assertThat(again).isEqualTo(traffic);
        assertThat(traffic).isSortedAccordingTo((a, b) -> a.arrives().compareTo(b.arrives()));
        assertThat(traffic).allSatisfy(a -> assertThat(a.leaves()).isAfter(a.arrives()));
    }
}
