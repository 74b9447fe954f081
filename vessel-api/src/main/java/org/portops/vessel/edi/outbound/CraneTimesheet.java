package org.portops.vessel.edi.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.MoveKind;

/**
 * One quay crane's work on a vessel call: first and last move, discharges and loads, and the delays — gaps between
 * two consecutive moves longer than a threshold, since the move log knows that the crane stood still, not why.
 */
public record CraneTimesheet(EquipmentId crane, Instant first, Instant last, int discharges, int loads,
                             List<Delay> delays) {

    /** A gap in a crane's work. */
    public record Delay(Instant from, Instant to) {
        public Duration length() {
            return Duration.between(from, to);
        }
    }

    public CraneTimesheet {
        delays = List.copyOf(delays);
    }

    /** Moves per hour between the first and the last move, 0 for a single move. */
    public double movesPerHour() {
        long seconds = Duration.between(first, last).toSeconds();
        return seconds == 0 ? 0 : (discharges + loads) * 3600.0 / seconds;
    }

    /** The timesheets of every crane in {@code moves}, by crane id. */
    public static List<CraneTimesheet> of(List<CraneMove> moves, Duration delayThreshold) {
        Map<String, List<CraneMove>> byCrane = new TreeMap<>();
        moves.forEach(m -> byCrane.computeIfAbsent(m.crane().value(), c -> new ArrayList<>()).add(m));
        List<CraneTimesheet> sheets = new ArrayList<>();
        for (List<CraneMove> craneMoves : byCrane.values()) {
            List<CraneMove> sorted = craneMoves.stream().sorted(Comparator.comparing(CraneMove::at)).toList();
            List<Delay> delays = new ArrayList<>();
            for (int i = 1; i < sorted.size(); i++) {
                Instant from = sorted.get(i - 1).at();
                Instant to = sorted.get(i).at();
                if (Duration.between(from, to).compareTo(delayThreshold) > 0) {
                    delays.add(new Delay(from, to));
                }
            }
            int discharges = (int) sorted.stream().filter(m -> m.kind() == MoveKind.DISCHARGE).count();
            sheets.add(new CraneTimesheet(sorted.getFirst().crane(), sorted.getFirst().at(), sorted.getLast().at(),
                    discharges, sorted.size() - discharges, delays));
        }
        return sheets;
    }
}
