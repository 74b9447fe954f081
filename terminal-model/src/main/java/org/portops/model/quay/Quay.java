package org.portops.model.quay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.portops.model.Validation;

/** The quay wall: its length and its berths, which lie within it and do not overlap. */
public record Quay(String name, double lengthMeters, List<Berth> berths) {

    public Quay {
        Validation.notNull(name, "quay name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("quay name must not be blank");
        }
        Validation.positive(lengthMeters, "quay length");
        berths = List.copyOf(Validation.notNull(berths, "berths"));
        List<String> problems = berthProblems(lengthMeters, berths);
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

    public Optional<Berth> berth(BerthId id) {
        return berths.stream().filter(b -> b.id().equals(id)).findFirst();
    }
}
