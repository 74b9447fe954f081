package org.portops.yard.slot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.portops.model.Validation;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.Position;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.YardSlot;

/**
 * Re-marshalling between blocks ahead of vessel loading: single crane moves, across blocks whose yard cranes are
 * idle, that lower the rehandles the coming loads will cost and the horizontal travel from yard to berth.
 *
 * <p>The cost of the yard for the loads is {@code rehandles + metres / metresPerRehandle}. Rehandles are counted
 * by replaying the loads (the calls in the order given, each in its load sequence) stack by stack: retrieving a
 * container lifts every container still above it, each lift a rehandle, and a lifted container is taken out of the
 * stack (it is set down elsewhere; where is the load's business, not the yard's picture). Containers on no load list
 * (imports, empties, later calls' boxes) add the slot planner's burying cost instead: the chance each one leaves
 * after a container below it that is on no load list either ({@link Departure#chanceLeavesAfter}), so housekeeping
 * never digs a hole for delivery to fill one for loading. Metres are from each loading container's stack to its
 * call's berth. Both terms are sums over stacks and containers, so a move changes the cost only in the stacks it
 * leaves and lands on: each candidate is scored exactly and cheaply.
 *
 * <p>Each round takes the single move with the largest cost reduction, applies it, and repeats until the move
 * budget is spent or no move gains {@link Settings#minGain}. A move lifts the top container of a stack in an idle
 * block and sets it on a stack in an idle block that {@link YardModel#check} admits (closed stacks and blocks, tier
 * and weight limits, bay pairs, reefer plugs, IMDG segregation), never back where it stood. The cost falls strictly
 * with every move, so the search ends; moving blockers off a buried export takes as many rounds as there are
 * blockers, each paying for itself. The moves are applied to the model, like {@link Housekeeping}.
 */
public final class LoadingHousekeeping {

    /**
     * One vessel call's loading: where it loads and in what order (first loaded first).
     *
     * @param berth the apron position the horizontal transport delivers the call's containers to
     */
    public record Load(String vesselCall, Position berth, List<ContainerNumber> sequence) {
        public Load {
            Validation.notNull(vesselCall, "vessel call of a load");
            Validation.notNull(berth, "berth position of " + vesselCall);
            sequence = List.copyOf(Validation.notNull(sequence, "load sequence of " + vesselCall));
            if (sequence.stream().distinct().count() != sequence.size()) {
                throw new IllegalArgumentException("load sequence of " + vesselCall + " names a container twice");
            }
        }
    }

    /**
     * @param moveBudget        most crane moves in this round (e.g. the next hour's idle crane time)
     * @param metresPerRehandle metres of horizontal travel a rehandle is worth (a rehandle costs a crane cycle,
     *                          about what a tractor needs for this distance)
     * @param minGain           cost a move must remove to be worth a crane move
     */
    public record Settings(int moveBudget, double metresPerRehandle, double minGain) {
        public Settings {
            if (moveBudget < 1 || !(metresPerRehandle > 0) || !(minGain > 0)) {
                throw new IllegalArgumentException("loading housekeeping needs a budget of 1 or more moves, positive"
                        + " metres per rehandle and a positive gain per move, was " + moveBudget + ", "
                        + metresPerRehandle + ", " + minGain);
            }
        }

        /** 30 moves (about an hour of one idle yard crane), a rehandle worth 200 m, a move worth 0.25 rehandles. */
        public static final Settings DEFAULTS = new Settings(30, 200, 0.25);
    }

    /** What the loads will cost: rehandles (loading and delivery burying) and metres to the berths. */
    public record Cost(double rehandles, double metres) {
        public double total(double metresPerRehandle) {
            return rehandles + metres / metresPerRehandle;
        }
    }

    /**
     * One housekeeping crane move, with why: the rehandles and metres it saves and the reason in words.
     *
     * @param vesselCall the call the container loads onto, null when it is moved only to free one below it
     */
    public record Move(ContainerNumber container, String vesselCall, YardSlot from, YardSlot to,
                       double rehandlesSaved, double metresSaved, String reason) {
    }

    /** A round: the cost before and after, and the moves made (applied to the model already). */
    public record Round(Cost before, Cost after, List<Move> moves) {
        public Round {
            moves = List.copyOf(moves);
        }
    }

    private record Rank(int order, int call) {
    }

    private final YardModel yard;
    private final List<Load> loads;
    private final Settings settings;
    private final Map<ContainerNumber, Rank> ranks = new HashMap<>();

    public LoadingHousekeeping(YardModel yard, List<Load> loads, Settings settings) {
        this.yard = yard;
        this.loads = List.copyOf(loads);
        this.settings = settings;
        int order = 0;
        for (int call = 0; call < this.loads.size(); call++) {
            for (ContainerNumber number : this.loads.get(call).sequence()) {
                if (ranks.putIfAbsent(number, new Rank(order++, call)) != null) {
                    throw new IllegalArgumentException(number + " is on the load lists of two calls");
                }
            }
        }
    }

    /** The loads' cost in the yard as it stands. */
    public Cost cost() {
        double rehandles = 0;
        double metres = 0;
        for (int s = 0; s < yard.stackCount(); s++) {
            rehandles += rehandles(s);
            metres += metres(s);
        }
        return new Cost(rehandles, metres);
    }

    /**
     * Plans and applies the moves of one round; only blocks in {@code idleBlocks} are lifted from or set down in
     * (their yard cranes have no other work). Each move counts as a crane move at {@code now}.
     */
    public Round plan(Set<BlockId> idleBlocks, Instant now) {
        Cost before = cost();
        List<Move> moves = new ArrayList<>();
        boolean[] idle = new boolean[yard.blocks().size()];
        for (int b = 0; b < idle.length; b++) {
            idle[b] = idleBlocks.contains(yard.block(b).id());
        }
        while (moves.size() < settings.moveBudget()) {
            Candidate best = null;
            for (int s = 0; s < yard.stackCount(); s++) {
                YardBox box = yard.top(s);
                if (box == null || !idle[yard.blockOf(s)] || yard.isClosed(s) || yard.stackOf(box.number()) != s) {
                    continue;
                }
                Candidate candidate = bestDestination(box, s, idle);
                if (candidate != null && (best == null || candidate.gain() > best.gain())) {
                    best = candidate;
                }
            }
            if (best == null || best.gain() < settings.minGain()) {
                break;
            }
            YardSlot from = yard.slotOf(best.box().number()).orElseThrow();
            YardSlot to = yard.relocate(best.box().number(), best.to(), now);
            moves.add(move(best, from, to));
        }
        return new Round(before, cost(), moves);
    }

    private record Candidate(YardBox box, int to, double rehandlesSaved, double metresSaved, double gain) {
    }

    /** The destination that lowers the cost most for the top container of stack {@code s}, or null when none may. */
    private Candidate bestDestination(YardBox box, int s, boolean[] idle) {
        int rows = yard.block(yard.blockOf(s)).rows();
        int[] source = box.isLong() ? new int[] {s, s + rows} : new int[] {s};
        double rehandlesBefore = rehandles(source);
        double metresBefore = metres(box, s);
        YardBox lifted = yard.lift(box.number());
        double rehandlesLeft = rehandles(source);
        Candidate best = null;
        // setting a container down never lowers a stack's rehandles, so what leaving saves bounds the gain
        if (rehandlesBefore - rehandlesLeft + metresBefore / settings.metresPerRehandle() < settings.minGain()) {
            yard.drop(lifted, s);
            return null;
        }
        try {
            for (int d = 0; d < yard.stackCount(); d++) {
                if (d == s || !idle[yard.blockOf(d)] || yard.check(lifted, d) != null) {
                    continue;
                }
                int[] target = lifted.isLong() ? new int[] {d, d + yard.block(yard.blockOf(d)).rows()} : new int[] {d};
                double targetBefore = rehandles(target);
                yard.drop(lifted, d);
                double rehandlesSaved = rehandlesBefore - rehandlesLeft - (rehandles(target) - targetBefore);
                double metresSaved = metresBefore - metres(lifted, d);
                yard.lift(lifted.number());
                double gain = rehandlesSaved + metresSaved / settings.metresPerRehandle();
                if (best == null || gain > best.gain()) {
                    best = new Candidate(lifted, d, rehandlesSaved, metresSaved, gain);
                }
            }
        } finally {
            yard.drop(lifted, s);
        }
        return best;
    }

    private Move move(Candidate c, YardSlot from, YardSlot to) {
        Rank rank = ranks.get(c.box().number());
        String call = rank == null ? null : loads.get(rank.call()).vesselCall();
        String why = rank == null
                ? c.box().number() + " loads on none of the coming calls and stands over containers that do"
                : c.box().number() + " loads on " + call + " as number " + (position(rank) + 1) + " of "
                + loads.get(rank.call()).sequence().size();
        return new Move(c.box().number(), call, from, to, c.rehandlesSaved(), c.metresSaved(), why
                + "; from " + from + " to " + to + ": " + format(c.rehandlesSaved()) + " rehandles and "
                + format(c.metresSaved()) + " m to the berth saved");
    }

    private int position(Rank rank) {
        int first = 0;
        for (int call = 0; call < rank.call(); call++) {
            first += loads.get(call).sequence().size();
        }
        return rank.order() - first;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private double rehandles(int[] stacks) {
        double sum = 0;
        for (int s : stacks) {
            sum += rehandles(s);
        }
        return sum;
    }

    /**
     * The rehandles of one stack: the loads replayed on it, plus the burying cost of containers on no load list. A
     * stack under the tail bay of a 40'/45' holds the same column as its head stack (lengths never mix), so it
     * counts nothing.
     */
    private double rehandles(int s) {
        int height = yard.height(s);
        if (height == 0 || yard.stackOf(yard.at(s, 1).number()) != s) {
            return 0;
        }
        double sum = 0;
        boolean[] gone = new boolean[height + 1];
        int loading = 0;
        for (int t = 1; t <= height; t++) {
            YardBox box = yard.at(s, t);
            if (ranks.containsKey(box.number())) {
                loading++;
            }
            double worst = 0;
            for (int below = 1; below < t; below++) {
                YardBox under = yard.at(s, below);
                if (!ranks.containsKey(under.number())) {
                    worst = Math.max(worst, box.departure().chanceLeavesAfter(under.departure()));
                }
            }
            sum += worst;
        }
        // replay the loads in order: the next container to load lifts every one still standing above it
        for (int n = 0; n < loading; n++) {
            int next = -1;
            for (int t = 1; t <= height; t++) {
                Rank rank = gone[t] ? null : ranks.get(yard.at(s, t).number());
                if (rank != null && (next < 0 || rank.order() < ranks.get(yard.at(s, next).number()).order())) {
                    next = t;
                }
            }
            if (next < 0) {
                break;
            }
            for (int t = next + 1; t <= height; t++) {
                if (!gone[t]) {
                    gone[t] = true;
                    sum++;
                    if (ranks.containsKey(yard.at(s, t).number())) {
                        n++;
                    }
                }
            }
            gone[next] = true;
        }
        return sum;
    }

    /** Metres from the stack to the berth of each loading container whose head stands in it. */
    private double metres(int s) {
        double sum = 0;
        for (int t = 1; t <= yard.height(s); t++) {
            YardBox box = yard.at(s, t);
            if (yard.stackOf(box.number()) == s) {
                sum += metres(box, s);
            }
        }
        return sum;
    }

    /** Metres from stack {@code s} to its call's berth for a loading container, 0 for any other. */
    private double metres(YardBox box, int s) {
        Rank rank = ranks.get(box.number());
        return rank == null ? 0 : yard.centre(s, box.length().yardBays()).distanceTo(loads.get(rank.call()).berth());
    }
}
