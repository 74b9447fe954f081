package org.portops.crane.dispatch;

import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.work.MoveKind;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random vessel calls with mixed fleets (tractors, straddle carriers, AGVs), jobs only some kinds can carry, work
 * already committed to vehicles and a published plan to start from: every plan keeps the hard rules, plans each job
 * of the horizon exactly once, leaves committed work first and in order, and times each trip consistently.
 */
class DispatchPropertyTest {
    private static final int RUNS = 12;

    private final TransportDispatcher dispatcher = new TransportDispatcher(TerminalLayoutLoader.sample(),
            DispatchSettings.DEFAULTS.withTimeLimit(Duration.ofMillis(250), Duration.ofMillis(100)),
            Clock.fixed(Jobs.T0, ZoneOffset.UTC));

    @Test
    void everyPlanKeepsTheHardRulesAndItsCommitments() {
        for (int run = 0; run < RUNS; run++) {
            long seed = 1_000 + run;
            Random random = new Random(seed);
            Scenarios.Shape shape = new Scenarios.Shape(1 + random.nextInt(4), 6 + random.nextInt(20),
                    90 + random.nextInt(90), 3 + random.nextInt(12), true);
            DispatchRequest request = withCommitments(Scenarios.vesselCall(seed, shape), random);
            DispatchPlan first = dispatcher.plan(request);
            DispatchRequest again = new DispatchRequest(request.now(), request.jobs(), request.vehicles(),
                    first.toPublished());

            DispatchPlan second = dispatcher.plan(again);
            for (DispatchPlan plan : List.of(first, second)) {
                String context = "seed " + seed + ", " + shape;
                assertThat(plan.feasible()).as(context + ": %s", plan.score()).isTrue();
                assertThat(dispatcher.score(plan == first ? request : again, plan)).as(context + ": rescored")
                        .isEqualTo(plan.score());
                checkEveryHorizonJobOnce(request, plan, context);
                checkCommitments(request, plan, context);
                checkTimes(plan, context);
            }
        }
    }

    /** Commits each vehicle's kind-compatible, early jobs to it at random, as dispatching would have. */
    private static DispatchRequest withCommitments(DispatchRequest request, Random random) {
        List<TransportJob> open = new ArrayList<>(request.jobs());
        List<Vehicle> vehicles = new ArrayList<>();
        for (Vehicle vehicle : request.vehicles()) {
            List<TransportJobId> committed = new ArrayList<>();
            int wanted = random.nextInt(3);
            for (var it = open.iterator(); it.hasNext() && committed.size() < wanted; ) {
                TransportJob job = it.next();
                if (job.carriers().contains(vehicle.kind()) && random.nextInt(3) == 0) {
                    committed.add(job.id());
                    it.remove();
                }
            }
            vehicles.add(new Vehicle(vehicle.id(), vehicle.kind(), vehicle.position(), vehicle.availableFrom(),
                    committed));
        }
        return new DispatchRequest(request.now(), request.jobs(), vehicles, PublishedPlan.NONE);
    }

    private static void checkEveryHorizonJobOnce(DispatchRequest request, DispatchPlan plan, String context) {
        Set<TransportJobId> committed = new HashSet<>();
        request.vehicles().forEach(v -> committed.addAll(v.committed()));
        List<TransportJobId> planned = plan.routes().stream().flatMap(r -> r.jobIds().stream()).toList();
        assertThat(planned).as(context).doesNotHaveDuplicates();
        for (TransportJob job : request.jobs()) {
            boolean inHorizon = committed.contains(job.id())
                    || job.due().isBefore(request.now().plus(DispatchSettings.DEFAULTS.horizon()));
            assertThat(planned.contains(job.id())).as(context + ": job " + job.id()).isEqualTo(inHorizon);
            assertThat(plan.deferred().contains(job.id())).as(context + ": job " + job.id()).isEqualTo(!inHorizon);
        }
        for (VehicleRoute route : plan.routes()) {
            for (PlannedTrip trip : route.trips()) {
                assertThat(trip.job().carriers()).as(context + ": " + trip.id() + " on " + route.vehicle())
                        .contains(route.kind());
            }
        }
    }

    private static void checkCommitments(DispatchRequest request, DispatchPlan plan, String context) {
        Map<EquipmentId, VehicleRoute> routes = new HashMap<>();
        plan.routes().forEach(route -> routes.put(route.vehicle(), route));
        for (Vehicle vehicle : request.vehicles()) {
            VehicleRoute route = routes.get(vehicle.id());
            assertThat(route.jobIds().subList(0, vehicle.committed().size())).as(context + ": " + vehicle.id())
                    .isEqualTo(vehicle.committed());
            for (int i = 0; i < route.trips().size(); i++) {
                assertThat(route.trips().get(i).pinned()).as(context + ": " + vehicle.id() + " trip " + i)
                        .isEqualTo(i < vehicle.committed().size());
            }
        }
    }

    private static void checkTimes(DispatchPlan plan, String context) {
        for (VehicleRoute route : plan.routes()) {
            PlannedTrip previous = null;
            for (PlannedTrip trip : route.trips()) {
                String what = context + ": " + route.vehicle() + " " + trip.id();
                if (previous != null) {
                    assertThat(trip.departs()).as(what).isEqualTo(previous.free());
                }
                assertThat(trip.atPickup()).as(what).isEqualTo(trip.departs().plus(trip.emptyDrive()));
                assertThat(trip.pickedUp()).as(what).isAfterOrEqualTo(trip.atPickup());
                assertThat(trip.atDrop()).as(what).isAfter(trip.pickedUp());
                assertThat(trip.free()).as(what).isAfterOrEqualTo(trip.atDrop());
                if (trip.job().servesCrane()) {
                    var atCrane = trip.job().kind() == MoveKind.DISCHARGE ? trip.atPickup()
                            : trip.atDrop();
                    Duration late = Duration.between(trip.job().due(), atCrane);
                    assertThat(trip.lateness()).as(what).isEqualTo(late.isNegative() ? Duration.ZERO : late);
                }
                previous = trip;
            }
        }
        assertThat(plan.routes()).as(context).allMatch(r -> r.kind() != EquipmentKind.REACH_STACKER);
    }
}
