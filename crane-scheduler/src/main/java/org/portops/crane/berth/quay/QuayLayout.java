package org.portops.crane.berth.quay;

import org.portops.model.equipment.EquipmentKind;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.quay.Berth;
import org.portops.model.quay.Bollard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The continuous quay as the berth planner sees it: its length in whole metres, its sections (the layout's berths,
 * each with its water depth; a stretch no berth covers is a section of depth 0, where no vessel may lie), the quay
 * cranes on one rail, how far they reach, the clearance kept between two vessels alongside, and the bollards along
 * the wall (in order; none when the layout gives none).
 */
public record QuayLayout(String name, int lengthMeters, List<Section> sections, int quayCranes, CraneReach reach,
                         int clearanceMeters, List<Bollard> bollards) {

    /** A quay without bollards. */
    public QuayLayout(String name, int lengthMeters, List<Section> sections, int quayCranes, CraneReach reach,
                      int clearanceMeters) {
        this(name, lengthMeters, sections, quayCranes, reach, clearanceMeters, List.of());
    }

    /**
     * The bollards a vessel lying from {@code fromMeter} to {@code toMeter} makes fast to: {@code fore} abreast of or
     * just beyond its bow (the end at {@code fromMeter}: the terminal moors bow towards the quay's start), {@code aft}
     * abreast of or just beyond its stern; a mooring plan reads "from bollard 31 to bollard 38". At a quay end with no
     * bollard beyond the vessel, the outermost bollard alongside it.
     */
    public record Mooring(Bollard fore, Bollard aft) {
    }

    /** What a section no berth covers is called. */
    public static final String NO_BERTH = "-";

    /** A stretch of quay wall with one water depth; {@code berth} names the layout's berth ({@value #NO_BERTH} for none). */
    public record Section(String berth, int fromMeter, int toMeter, double depthMeters) {
        public Section {
            if (fromMeter < 0 || toMeter <= fromMeter) {
                throw new IllegalArgumentException("quay section " + berth + " must have 0 <= from < to, was "
                        + fromMeter + ".." + toMeter + " m");
            }
        }
    }

    /**
     * The quay cranes' rail from {@code railFromMeter} to {@code railToMeter} (a vessel must lie within it to be
     * worked) and their outreach across the vessel (its beam must not exceed it).
     */
    public record CraneReach(int railFromMeter, int railToMeter, double outreachMeters) {
        public CraneReach {
            if (railFromMeter < 0 || railToMeter <= railFromMeter || !(outreachMeters > 0)) {
                throw new IllegalArgumentException("crane reach needs 0 <= rail from < rail to and a positive outreach,"
                        + " was " + railFromMeter + ".." + railToMeter + " m, outreach " + outreachMeters + " m");
            }
        }
    }

    public QuayLayout {
        sections = List.copyOf(sections);
        bollards = List.copyOf(bollards);
        if (lengthMeters < 1 || quayCranes < 0 || clearanceMeters < 0) {
            throw new IllegalArgumentException("quay " + name + " needs a positive length and no negative crane count"
                    + " or clearance, was " + lengthMeters + " m, " + quayCranes + " cranes, clearance "
                    + clearanceMeters + " m");
        }
        for (Section section : sections) {
            if (section.toMeter() > lengthMeters) {
                throw new IllegalArgumentException("quay " + name + ": section " + section.berth() + " ends at "
                        + section.toMeter() + " m, beyond the quay's " + lengthMeters + " m");
            }
        }
        if (reach.railToMeter() > lengthMeters) {
            throw new IllegalArgumentException("quay " + name + ": crane rail ends at " + reach.railToMeter()
                    + " m, beyond the quay's " + lengthMeters + " m");
        }
    }

    /** The bollards of a vessel lying from {@code fromMeter} to {@code toMeter}; empty when the quay has none. */
    public Optional<Mooring> mooring(int fromMeter, int toMeter) {
        if (bollards.isEmpty()) {
            return Optional.empty();
        }
        Bollard fore = bollards.getFirst();
        for (Bollard bollard : bollards) {
            if (bollard.meter() <= fromMeter) {
                fore = bollard;
            }
        }
        Bollard aft = bollards.getLast();
        for (Bollard bollard : bollards.reversed()) {
            if (bollard.meter() >= toMeter) {
                aft = bollard;
            }
        }
        return Optional.of(new Mooring(fore, aft));
    }

    /** Where the bollards stand, in metres from the quay's start, in order. */
    public double[] bollardMeters() {
        return bollards.stream().mapToDouble(Bollard::meter).toArray();
    }

    /**
     * How far a vessel lying from {@code fromMeter} to {@code toMeter} is from making its lines fast: per end, the
     * metres by which the bollard nearest that end lies beyond {@code reachMeters}. Nothing on a quay whose layout
     * lists no bollards (the rule cannot be checked there).
     *
     * @param bollardMeters the bollards' positions in order ({@link #bollardMeters()})
     */
    public static MooringShortfall mooringShortfall(double[] bollardMeters, int fromMeter, int toMeter,
                                                    int reachMeters) {
        if (bollardMeters.length == 0) {
            return MooringShortfall.NONE;
        }
        return new MooringShortfall(Math.max(0, nearest(bollardMeters, fromMeter) - reachMeters),
                Math.max(0, nearest(bollardMeters, toMeter) - reachMeters));
    }

    /** Metres beyond the mooring reach at the bow ({@code fromMeter}) and at the stern; zero at both: moored. */
    public record MooringShortfall(double foreMeters, double aftMeters) {
        public static final MooringShortfall NONE = new MooringShortfall(0, 0);

        /** Both ends together, rounded up to whole metres. */
        public int meters() {
            return (int) Math.ceil(foreMeters + aftMeters);
        }
    }

    private static double nearest(double[] sorted, int meter) {
        int at = Arrays.binarySearch(sorted, meter);
        if (at >= 0) {
            return 0;
        }
        int after = -at - 1;
        double best = Double.MAX_VALUE;
        if (after < sorted.length) {
            best = sorted[after] - meter;
        }
        if (after > 0) {
            best = Math.min(best, meter - sorted[after - 1]);
        }
        return best;
    }

    /**
     * The quay of a terminal layout: its berths as sections (metres rounded inwards, so a section never claims
     * depth it has not), the gaps between them as sections of depth 0, every quay crane of the fleet on a rail
     * along the whole quay.
     */
    public static QuayLayout of(TerminalLayout layout, double outreachMeters, int clearanceMeters) {
        int length = (int) Math.floor(layout.quay().lengthMeters());
        List<Berth> berths = layout.quay().berths().stream().sorted(Comparator.comparingDouble(Berth::startMeter))
                .toList();
        List<Section> sections = new ArrayList<>();
        int covered = 0;
        for (Berth berth : berths) {
            int from = (int) Math.ceil(berth.startMeter());
            int to = (int) Math.floor(berth.endMeter());
            if (from > covered) {
                sections.add(new Section(NO_BERTH, covered, from, 0));
            }
            if (to > from) {
                sections.add(new Section(berth.id().value(), from, to, berth.waterDepthMeters()));
            }
            covered = Math.max(covered, to);
        }
        if (covered < length) {
            sections.add(new Section(NO_BERTH, covered, length, 0));
        }
        int cranes = (int) layout.allEquipment().stream().filter(e -> e.kind() == EquipmentKind.QUAY_CRANE).count();
        return new QuayLayout(layout.quay().name(), length, sections, cranes,
                new CraneReach(0, length, outreachMeters), clearanceMeters, layout.quay().bollards());
    }
}
