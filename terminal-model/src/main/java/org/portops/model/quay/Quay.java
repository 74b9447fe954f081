package org.portops.model.quay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.portops.model.Validation;

/**
 * The quay wall: its length, its berths, which lie within it and do not overlap, and its bollards (where vessels make
 * their lines fast) in order along it; a layout may leave the bollards out.
 */
public record Quay(String name, double lengthMeters, List<Berth> berths, List<Bollard> bollards) {

    /** A quay whose bollards are not given. */
    public Quay(String name, double lengthMeters, List<Berth> berths) {
        this(name, lengthMeters, berths, List.of());
    }

    public Quay {
        Validation.notNull(name, "quay name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("quay name must not be blank");
        }
        Validation.positive(lengthMeters, "quay length");
        berths = List.copyOf(Validation.notNull(berths, "berths"));
        bollards = List.copyOf(Validation.notNull(bollards, "bollards"));
        List<String> problems = new ArrayList<>(berthProblems(lengthMeters, berths));
        problems.addAll(bollardProblems(lengthMeters, bollards));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("quay " + name + ": " + String.join("; ", problems));
        }
    }

    /**
     * What is wrong with these berths on a quay of this length, each problem naming the berth's index,
     * e.g. {@code berths[1]: overlaps berth B1 (300.0..600.0 m)}; empty when they fit.
     */
    public static List<String> berthProblems(double lengthMeters, List<Berth> berths) {
        List<String> problems = new ArrayList<>();
        Set<BerthId> seen = new HashSet<>();
        for (int i = 0; i < berths.size(); i++) {
            Berth berth = berths.get(i);
            if (!seen.add(berth.id())) {
                problems.add("berths[" + i + "].id: duplicate berth " + berth.id().value());
            }
            if (berth.endMeter() > lengthMeters) {
                problems.add("berths[" + i + "].endMeter: must be within the quay (0.0.." + lengthMeters
                        + " m), was " + berth.endMeter());
            }
            for (int j = 0; j < i; j++) {
                if (berth.overlaps(berths.get(j))) {
                    problems.add("berths[" + i + "]: overlaps berth " + berths.get(j));
                }
            }
        }
        return problems;
    }

    /**
     * What is wrong with these bollards on a quay of this length, each problem naming the bollard's index, e.g.
     * {@code bollards[3].meter: must follow bollard 3 at 75.0 m, was 60.0}; empty when they fit.
     */
    public static List<String> bollardProblems(double lengthMeters, List<Bollard> bollards) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < bollards.size(); i++) {
            Bollard bollard = bollards.get(i);
            if (!seen.add(bollard.id())) {
                problems.add("bollards[" + i + "].id: duplicate bollard " + bollard.id());
            }
            if (bollard.meter() > lengthMeters) {
                problems.add("bollards[" + i + "].meter: must be within the quay (0.0.." + lengthMeters + " m), was "
                        + bollard.meter());
            }
            if (i > 0 && bollard.meter() <= bollards.get(i - 1).meter()) {
                problems.add("bollards[" + i + "].meter: must follow bollard " + bollards.get(i - 1).id() + " at "
                        + bollards.get(i - 1).meter() + " m, was " + bollard.meter());
            }
        }
        return problems;
    }

    public Optional<Berth> berth(BerthId id) {
        return berths.stream().filter(b -> b.id().equals(id)).findFirst();
    }
}
