package org.portops.bench.yard;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.LineOperator;
import org.portops.model.container.ReeferSetPoint;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;

/**
 * A seeded stream of yard arrivals and departures at a terminal: vessel calls discharging imports at their berth and
 * loading exports that gated in over the days before, and empties through the gate. Every policy of a run replays
 * the same stream.
 *
 * <p>Import and empty dwell times are log-normal with effects a dwell model can learn (line, reefer, size, customs
 * hold, weekday of arrival); an import with a pickup appointment (a share of them) has its departure known to within
 * two hours at arrival. Exports leave when their vessel loads them: farthest port of discharge first, heavy before
 * light within a port.
 */
final class YardTraffic {

    static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    static final String[] LINES = {"MSK", "MSC", "CMA", "HLC", "ONE", "EGL"};
    /** Dwell factor per line (same order): some lines' consignees collect faster than others. */
    private static final double[] LINE_DWELL = {0.8, 1.0, 1.25, 0.9, 1.4, 1.1};
    private static final String[] PORTS = {"USNYC", "USSAV", "BRSSZ", "CNSHA", "SGSIN", "ZADUR", "AEJEA", "INNSA"};
    private static final String[] DANGEROUS = {"2.1", "2.2", "3", "3", "3", "4.1", "5.1", "6.1", "8", "8", "9", "9"};
    static final Duration CALL_INTERVAL = Duration.ofHours(8);

    /**
     * What a container's arrival tells the yard and what the simulation alone knows ({@code leaves}).
     * {@code knownDeparture} is what the terminal knows at arrival: a pickup appointment, or for an export its port's
     * turn in the vessel's loading; null when nothing is known.
     */
    record Arrival(Container container, Instant arrives, Instant leaves, Instant knownDeparture, String vesselCall,
                   Position origin, boolean customsHold) {
    }

    private final Random random;
    private final Position gate;
    private final List<Position> berths;
    private int serial;

    private YardTraffic(long seed, TerminalLayout layout) {
        this.random = new Random(seed);
        double maxY = layout.blocks().stream().mapToDouble(b -> b.origin().y() + b.rows() * BlockLayout.ROW_PITCH_METRES)
                .max().orElseThrow();
        double midX = layout.quay().lengthMeters() / 2;
        gate = new Position(midX, maxY + 80);
        berths = layout.quay().berths().stream().map(b -> new Position((b.startMeter() + b.endMeter()) / 2, 40))
                .toList();
    }

    /**
     * Arrivals over {@code days}, sorted by arrival time. {@code movesPerCall} imports and as many exports per vessel
     * call (one call every 8 h, berths in turn), {@code emptiesPerDay} empties through the gate.
     */
    static List<Arrival> generate(long seed, TerminalLayout layout, int days, int movesPerCall, int emptiesPerDay) {
        YardTraffic traffic = new YardTraffic(seed, layout);
        List<Arrival> arrivals = new ArrayList<>();
        Instant end = START.plus(Duration.ofDays(days));
        // calls start 5 days early so exports for the first calls' loading already gate in
        for (Instant berthing = START; berthing.isBefore(end.plus(Duration.ofDays(5))); berthing = berthing.plus(CALL_INTERVAL)) {
            traffic.vesselCall(berthing, movesPerCall, arrivals);
        }
        for (int day = 0; day < days; day++) {
            for (int i = 0; i < emptiesPerDay; i++) {
                arrivals.add(traffic.empty(START.plus(Duration.ofDays(day)).plusSeconds(traffic.random.nextInt(86_400))));
            }
        }
        arrivals.removeIf(a -> a.arrives().isBefore(START) || !a.arrives().isBefore(end));
        arrivals.sort(Comparator.comparing(Arrival::arrives).thenComparing(a -> a.container().number().value()));
        return arrivals;
    }

    private void vesselCall(Instant berthing, int moves, List<Arrival> out) {
        long callNumber = Duration.between(START, berthing).dividedBy(CALL_INTERVAL);
        String call = "V" + callNumber;
        Position berth = berths.get((int) (callNumber % berths.size()));
        for (int i = 0; i < moves; i++) {
            out.add(importBox(berthing.plusSeconds(random.nextInt(8 * 3600)), berth));
        }
        List<String> pods = new ArrayList<>(List.of(PORTS));
        Collections.shuffle(pods, random);
        pods = pods.subList(0, 3);
        Instant loadStart = berthing.plus(Duration.ofHours(6));
        List<Container> exports = new ArrayList<>();
        for (int i = 0; i < moves; i++) {
            exports.add(container(ContainerCategory.EXPORT, pods.get(random.nextInt(pods.size())), 4_000, 30_000));
        }
        // loading sequence: ports in rotation order reversed (farthest first), heavy before light, else any order
        List<String> rotation = pods;
        exports.sort(Comparator.comparingInt((Container c) -> -rotation.indexOf(c.portOfDischarge().value()))
                .thenComparing(c -> -c.weight().kilograms() / 10_000));
        double secondsPerMove = 12.0 * 3600 / moves;
        for (int i = 0; i < exports.size(); i++) {
            Container c = exports.get(i);
            Instant gateIn = berthing.minus(Duration.ofHours(4)).minusSeconds(random.nextInt(5 * 86_400 - 4 * 3600));
            Instant leaves = loadStart.plusSeconds((long) (i * secondsPerMove));
            int podRank = rotation.size() - 1 - rotation.indexOf(c.portOfDischarge().value());
            Instant expected = loadStart.plus(Duration.ofHours(4L * podRank));
            out.add(new Arrival(c, gateIn, leaves, expected, call, gate, false));
        }
    }

    private Arrival importBox(Instant arrives, Position berth) {
        Container c = container(ContainerCategory.IMPORT, "NLRTM", 3_000, 30_000);
        boolean hold = random.nextDouble() < 0.1;
        double median = 3.0 * LINE_DWELL[lineIndex(c)] * (c.isReefer() ? 0.5 : 1) * (c.length().feet() == 20 ? 0.85 : 1)
                * weekdayFactor(arrives) + (hold ? 3 : 0);
        Instant leaves = arrives.plus(dwell(median, 0.55));
        Instant appointment = random.nextDouble() < 0.3
                ? leaves.plusSeconds(random.nextInt(4 * 3600) - 2 * 3600) : null;
        return new Arrival(c, arrives, leaves, appointment, null, berth, hold);
    }

    private Arrival empty(Instant arrives) {
        Container c = container(ContainerCategory.EMPTY, "NLRTM", 2_000, 4_500);
        double median = 5.0 * LINE_DWELL[lineIndex(c)] * weekdayFactor(arrives);
        return new Arrival(c, arrives, arrives.plus(dwell(median, 0.6)), null, null, gate, false);
    }

    /** Arrivals on Friday and Saturday wait for the working week. */
    private static double weekdayFactor(Instant arrives) {
        DayOfWeek day = arrives.atZone(ZoneOffset.UTC).getDayOfWeek();
        return day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY ? 1.3 : 1.0;
    }

    private Duration dwell(double medianDays, double sigma) {
        double days = medianDays * Math.exp(sigma * random.nextGaussian());
        return Duration.ofSeconds((long) (Math.max(0.1, days) * 86_400));
    }

    static int lineIndex(Container c) {
        return List.of(LINES).indexOf(c.line().code());
    }

    private Container container(ContainerCategory category, String pod, int minKg, int maxKg) {
        boolean empty = category == ContainerCategory.EMPTY;
        double l = random.nextDouble();
        String length = l < 0.37 ? "22" : l < 0.97 ? "42" : "L5";
        boolean reefer = !empty && !length.equals("L5") && random.nextDouble() < 0.08;
        ImdgClass imdg = !empty && !reefer && random.nextDouble() < 0.04
                ? new ImdgClass(DANGEROUS[random.nextInt(DANGEROUS.length)]) : null;
        int kg = minKg + random.nextInt(maxKg - minKg);
        return new Container(ContainerNumber.fromParts("SIM", 'U', ++serial), new SizeTypeCode(length + (reefer ? "R1" : "G1")),
                new VgmWeight(kg), new LineOperator(LINES[random.nextInt(LINES.length)]), new UnLocode("NLRTM"),
                new UnLocode(pod), category, reefer ? new ReeferSetPoint(-18) : null, imdg);
    }
}
