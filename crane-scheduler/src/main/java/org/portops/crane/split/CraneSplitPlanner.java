package org.portops.crane.split;

import org.portops.crane.qcsp.CraneTask;
import org.portops.crane.qcsp.Productivity;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QuayCrane;
import org.portops.crane.qcsp.Unavailability;
import org.portops.crane.split.solver.CraneSplitting;
import org.portops.crane.split.solver.SplitJustification;
import org.portops.model.vessel.VesselCallId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The crane split across the quay: which cranes work which vessel call and when each crane moves on, so that every
 * vessel meets its planned departure (see docs/crane-scheduling.md, "Crane split"). Plans a first split, re-balances
 * it when vessels arrive, leave or change their times, explains it in operator language, and hands each vessel's
 * crane windows to the single-vessel QCSP for the detailed sequence.
 */
public final class CraneSplitPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(CraneSplitPlanner.class);
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;

    public CraneSplitPlanner(Clock clock) {
        this.clock = clock;
    }

    /**
     * Limits of one split run: wall-clock time and the random seed (same seed, same time: same split); with
     * {@code unimprovedSteps} above 0 it also ends after that many search steps in a row without a better split, which
     * makes the split the same on a busy machine as on a quiet one while the time limit is not reached.
     */
    public record Limits(Duration timeLimit, long randomSeed, long unimprovedSteps) {
        public Limits(Duration timeLimit, long randomSeed) {
            this(timeLimit, randomSeed, 0);
        }
    }

    public CraneSplit plan(SplitProblem problem, Limits limits) {
        CraneSplitting.Outcome outcome = CraneSplitting.solve(problem,
                CraneSplitting.Limits.of(limits.timeLimit(), limits.randomSeed(), limits.unimprovedSteps()));
        int moved = problem.previous().isEmpty() ? 0
                : outcome.grid().cranesMovedFrom(SplitPlanGrid.of(problem, problem.previous()), firstOpenSlot(problem));
        CraneSplit split = split(problem, outcome.grid(), outcome.score(), outcome.feasible(), moved);
        LOG.info("crane split of {} vessels with {} cranes: {}, {} cranes moved", problem.vessels().size(),
                problem.cranes().size(), outcome.score(), moved);
        return split;
    }

    /**
     * Re-balances the split in force now (by the clock) for the vessels now at or coming to the quay: arrivals,
     * departures and changed times. Slots already started keep their cranes; later ones pay to move them.
     */
    public CraneSplit rebalance(SplitProblem problem, CraneSplit inForce, List<SplitVessel> vessels, Limits limits) {
        long elapsed = Duration.between(problem.planStart(), clock.instant()).toSeconds();
        int now = (int) Math.max(0, Math.min(problem.horizonEnd(), elapsed));
        return plan(problem.replannedAt(now, vessels, inForce.cranes()), limits);
    }

    /** A split as planned elsewhere (by hand, or kept from before), scored and explained by the same rules. */
    public CraneSplit evaluate(SplitProblem problem, SplitPlanGrid grid) {
        CraneSplitting.Analysis analysis = CraneSplitting.analyze(problem, grid, clockText(problem));
        return split(problem, grid, analysis.score(), !analysis.score().startsWith("-"), 0);
    }

    private CraneSplit split(SplitProblem problem, SplitPlanGrid grid, String score, boolean feasible, int moved) {
        List<CraneTimeline> timelines = grid.timelines(problem);
        List<VesselOutlook> outlooks = grid.outlooks(problem, timelines);
        return new CraneSplit(timelines, outlooks, grid, score, feasible, moved,
                explain(problem, grid, timelines, outlooks));
    }

    private static int firstOpenSlot(SplitProblem problem) {
        return (problem.now() + problem.slotSeconds() - 1) / problem.slotSeconds();
    }

    private SplitExplanation explain(SplitProblem problem, SplitPlanGrid grid, List<CraneTimeline> timelines,
                                     List<VesselOutlook> outlooks) {
        IntFunction<String> clock = clockText(problem);
        CraneSplitting.Analysis analysis = CraneSplitting.analyze(problem, grid, clock);
        Map<String, List<String>> byCrane = new TreeMap<>();
        Map<String, List<String>> byVessel = new TreeMap<>();
        for (CraneSplitting.Match match : analysis.matches()) {
            SplitJustification why = match.justification();
            String line = match.constraint() + " (" + match.score() + "): " + why.describe(clock);
            why.cranes().forEach(crane -> byCrane.computeIfAbsent(crane, c -> new ArrayList<>()).add(line));
            why.vessels().forEach(vessel -> byVessel.computeIfAbsent(vessel, v -> new ArrayList<>()).add(line));
        }
        return new SplitExplanation(analysis.score(), analysis.totals(), byCrane, byVessel,
                decisions(problem, timelines, outlooks, clock));
    }

    /** One line per gantry move: where the crane goes, when, and what it does for the vessel it goes to. */
    private static List<String> decisions(SplitProblem problem, List<CraneTimeline> timelines,
                                          List<VesselOutlook> outlooks, IntFunction<String> clock) {
        List<String> lines = new ArrayList<>();
        for (CraneTimeline timeline : timelines) {
            for (GantryMove move : timeline.moves()) {
                VesselOutlook to = outlook(outlooks, move.to());
                String from = move.from() == null ? "its parking position" : outlook(outlooks, move.from()).name();
                String purpose = to.lateSeconds() == 0
                        ? "so " + to.name() + " meets its " + clock.apply(to.plannedDeparture()) + " departure (estimated "
                        + clock.apply(to.estimatedCompletion()) + ")"
                        : "to cut " + to.name() + "'s delay (estimated " + clock.apply(to.estimatedCompletion())
                        + " against its " + clock.apply(to.plannedDeparture()) + " departure)";
                String done = move.from() != null && outlook(outlooks, move.from()).estimatedCompletion() <= move.departs()
                        ? "; " + from + " is done by " + clock.apply(outlook(outlooks, move.from()).estimatedCompletion()) : "";
                lines.add(timeline.crane().value() + " moves from " + from + " to " + to.name() + " at "
                        + clock.apply(move.departs()) + " " + purpose + done);
            }
        }
        return lines;
    }

    private static VesselOutlook outlook(List<VesselOutlook> outlooks, VesselCallId id) {
        return outlooks.stream().filter(o -> o.vessel().equals(id)).findFirst().orElseThrow();
    }

    private static IntFunction<String> clockText(SplitProblem problem) {
        ZonedDateTime start = problem.planStart().atZone(ZoneOffset.UTC);
        return seconds -> {
            ZonedDateTime time = start.plusSeconds(seconds);
            long days = Duration.between(start.toLocalDate().atStartOfDay(ZoneOffset.UTC), time).toDays();
            return HOURS.format(time) + (days == 0 ? "" : " (+" + days + "d)");
        };
    }

    /**
     * The single-vessel QCSP for {@code vessel} with the cranes the split gives it. Each stint of a crane on the
     * vessel (an assignment) becomes one QCSP crane, in rail order: ready when the stint starts, off the vessel (out
     * of service, keeping no bay) from the stint's end less its longest task when the crane has work after it, and
     * with its own unavailability. A crane that leaves and comes back is thus two QCSP cranes that are never there at
     * once, rather than one standing on the vessel in between. Time 0 is the split's plan start.
     *
     * <p>The QCSP keeps each crane within the bays its neighbours leave it ({@link QcspInstance#lowestBay}), which
     * would tie a vessel's end bays to a crane that only visits it. The rail goes on beyond the vessel, so the
     * instance pads the vessel's positions with (cranes - 1) × clearance empty bays at each end: every crane reaches
     * every real bay, and cranes arrive from and leave to the padding: the lower half of the cranes wait for their
     * stint in the low padding, the upper half in the high one. Task bays are shifted by the padding.
     *
     * @throws IllegalArgumentException when the vessel gets no crane from the split
     */
    public static QcspInstance detailedInstance(SplitProblem problem, CraneSplit split, VesselCallId vessel,
                                                VesselWorkPlan work) {
        record Stint(SplitCrane crane, Assignment assignment, boolean movesOn) {
        }
        List<Stint> stints = new ArrayList<>();
        for (SplitCrane spec : problem.cranes()) {
            List<Assignment> all = split.crane(spec.id()).assignments();
            for (Assignment assignment : all) {
                if (assignment.vessel().equals(vessel)) {
                    stints.add(new Stint(spec, assignment, all.stream().anyMatch(a -> a.from() >= assignment.until())));
                }
            }
        }
        if (stints.isEmpty()) {
            throw new IllegalArgumentException("vessel call " + vessel.value() + " gets no crane from the split");
        }
        int clearance = work.safetyMargin() + 1;
        int pad = (stints.size() - 1) * clearance;
        int bays = work.positions() + 2 * pad;
        List<QuayCrane> cranes = new ArrayList<>();
        for (int i = 0; i < stints.size(); i++) {
            Stint stint = stints.get(i);
            int initialBay = i < (stints.size() + 1) / 2 ? 1 + i * clearance : bays - (stints.size() - 1 - i) * clearance;
            QuayCrane crane = new QuayCrane(i + 1, stint.assignment().from(), initialBay)
                    .withProductivity(new Productivity(stint.crane().cyclesPerHour(), 3600))
                    .withWindLimit(stint.crane().windLimit());
            for (Unavailability own : problem.unavailability(stint.crane())) {
                crane = crane.withUnavailability(own);
            }
            if (stint.movesOn()) {
                // it starts no task it could not finish before it goes
                crane = crane.outOfServiceFrom(Math.max(stint.assignment().from(),
                        stint.assignment().until() - longestTask(work, crane)));
            }
            cranes.add(crane);
        }
        List<CraneTask> tasks = work.tasks().stream()
                .map(task -> new CraneTask(task.number(), task.processingTime(), task.bay() + pad)).toList();
        return new QcspInstance(vessel.value(), bays, work.travelPerPosition(), work.safetyMargin(), tasks, cranes,
                work.precedences());
    }

    private static int longestTask(VesselWorkPlan work, QuayCrane crane) {
        return work.tasks().stream().mapToInt(task -> crane.duration(task.processingTime())).max().orElse(0);
    }
}
