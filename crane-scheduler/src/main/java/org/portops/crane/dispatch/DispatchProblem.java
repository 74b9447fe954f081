package org.portops.crane.dispatch;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dispatch request cut to the rolling horizon and turned into numbers for the solver: jobs and vehicles by
 * index, times in whole seconds from {@link #epoch()}, handover points by index, and the driving times between
 * every pair of points in play precomputed per vehicle kind (the solver looks up a time for every move it tries).
 *
 * <p>The horizon: every job committed to a vehicle (pinned) and every job due before {@code epoch + horizon} is
 * planned; the rest are {@link #deferred()} to a later re-plan. That keeps a re-plan of a 2,000-move call small.
 */
public final class DispatchProblem {

    /** A job as the solver needs it. {@code due} may be negative (already late); {@code previousVehicle} may be null. */
    public record Job(int index, TransportJob job, int pickup, int drop, int due, int yardHandling,
                      EquipmentId previousVehicle) {
    }

    /** A vehicle as the solver needs it: its first {@code committed} jobs are pinned, {@code warmStart} follows. */
    public record Car(int index, Vehicle vehicle, int start, int availableAt, List<Integer> committed,
                      List<Integer> warmStart) {
        public Car {
            committed = List.copyOf(committed);
            warmStart = List.copyOf(warmStart);
        }
    }

    private final Instant epoch;
    private final List<Job> jobs;
    private final List<Car> cars;
    private final List<TransportJob> deferred;
    private final List<HandoverPoint> points;
    private final Map<EquipmentKind, int[]> seconds;
    private final double[] metres;

    private DispatchProblem(Instant epoch, List<Job> jobs, List<Car> cars, List<TransportJob> deferred,
                            List<HandoverPoint> points, Map<EquipmentKind, int[]> seconds, double[] metres) {
        this.epoch = epoch;
        this.jobs = List.copyOf(jobs);
        this.cars = List.copyOf(cars);
        this.deferred = List.copyOf(deferred);
        this.points = List.copyOf(points);
        this.seconds = seconds;
        this.metres = metres;
    }

    /**
     * Cuts {@code request} to the horizon and indexes it. Refuses, naming each problem, points that are not on
     * the terminal.
     */
    public static DispatchProblem of(DispatchRequest request, Duration horizon, LaneNetwork lanes) {
        List<String> problems = new ArrayList<>();
        for (TransportJob job : request.jobs()) {
            lanes.problem(job.pickup()).ifPresent(p -> problems.add("job " + job.id() + " pickup: " + p));
            lanes.problem(job.drop()).ifPresent(p -> problems.add("job " + job.id() + " drop: " + p));
        }
        for (Vehicle vehicle : request.vehicles()) {
            lanes.problem(vehicle.position()).ifPresent(p -> problems.add("vehicle " + vehicle.id() + ": " + p));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("dispatch request at " + request.now() + ": " + String.join("; ", problems));
        }
        Instant epoch = request.now();
        Instant end = epoch.plus(horizon);
        Map<TransportJobId, Vehicle> committedTo = new HashMap<>();
        request.vehicles().forEach(v -> v.committed().forEach(job -> committedTo.put(job, v)));
        Map<EquipmentId, Vehicle> vehicles = new HashMap<>();
        request.vehicles().forEach(v -> vehicles.put(v.id(), v));

        Map<HandoverPoint, Integer> pointIndex = new LinkedHashMap<>();
        List<Job> jobs = new ArrayList<>();
        List<TransportJob> deferred = new ArrayList<>();
        Map<TransportJobId, Integer> jobIndex = new HashMap<>();
        request.jobs().stream().sorted(Comparator.comparing(TransportJob::due).thenComparing(j -> j.id().value()))
                .forEach(job -> {
                    if (!committedTo.containsKey(job.id()) && !job.due().isBefore(end)) {
                        deferred.add(job);
                        return;
                    }
                    EquipmentId previous = request.published().vehicleOf(job.id())
                            .filter(vehicles::containsKey).orElse(null);
                    int index = jobs.size();
                    jobIndex.put(job.id(), index);
                    jobs.add(new Job(index, job, point(pointIndex, job.pickup()), point(pointIndex, job.drop()),
                            secondsBetween(epoch, job.due()), (int) Math.ceil(job.yardHandling().toMillis() / 1000.0),
                            previous));
                });

        List<Car> cars = new ArrayList<>();
        for (Vehicle vehicle : request.vehicles()) {
            List<Integer> committed = vehicle.committed().stream().map(jobIndex::get).toList();
            List<Integer> warmStart = request.published().route(vehicle.id()).stream()
                    .map(jobIndex::get).filter(index -> index != null && !committed.contains(index))
                    .filter(index -> !committedTo.containsKey(jobs.get(index).job().id()))
                    .toList();
            // a vehicle on a committed job set off at availableFrom, perhaps before now; an idle one is free now at the earliest
            int availableAt = secondsBetween(epoch, vehicle.availableFrom());
            cars.add(new Car(cars.size(), vehicle, point(pointIndex, vehicle.position()),
                    committed.isEmpty() ? Math.max(0, availableAt) : availableAt, committed, warmStart));
        }

        List<HandoverPoint> points = List.copyOf(pointIndex.keySet());
        int n = points.size();
        double[] metres = new double[n * n];
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                metres[from * n + to] = from == to ? 0 : lanes.metres(points.get(from), points.get(to));
            }
        }
        Map<EquipmentKind, int[]> seconds = new EnumMap<>(EquipmentKind.class);
        for (Vehicle vehicle : request.vehicles()) {
            seconds.computeIfAbsent(vehicle.kind(), kind -> {
                int[] times = new int[n * n];
                for (int i = 0; i < times.length; i++) {
                    times[i] = LaneNetwork.seconds(kind, metres[i]);
                }
                return times;
            });
        }
        return new DispatchProblem(epoch, jobs, cars, deferred, points, seconds, metres);
    }

    private static int point(Map<HandoverPoint, Integer> index, HandoverPoint point) {
        return index.computeIfAbsent(point, p -> index.size());
    }

    private static int secondsBetween(Instant from, Instant to) {
        return Math.toIntExact(Math.floorDiv(Duration.between(from, to).toMillis(), 1000));
    }

    public Instant epoch() {
        return epoch;
    }

    public Instant at(int second) {
        return epoch.plusSeconds(second);
    }

    public List<Job> jobs() {
        return jobs;
    }

    public List<Car> cars() {
        return cars;
    }

    /** Jobs beyond the horizon, left for a later re-plan. */
    public List<TransportJob> deferred() {
        return deferred;
    }

    public HandoverPoint point(int index) {
        return points.get(index);
    }

    public int pointCount() {
        return points.size();
    }

    /** Driving time for a vehicle of {@code kind} between two points, in seconds. */
    public int seconds(EquipmentKind kind, int from, int to) {
        int[] times = seconds.get(kind);
        if (times == null) {
            throw new IllegalArgumentException("no vehicle of kind " + kind + " in this problem");
        }
        return times[from * points.size() + to];
    }

    public double metres(int from, int to) {
        return metres[from * points.size() + to];
    }

    public Optional<Job> job(TransportJobId id) {
        return jobs.stream().filter(job -> job.job().id().equals(id)).findFirst();
    }
}
