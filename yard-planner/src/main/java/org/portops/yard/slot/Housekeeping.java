package org.portops.yard.slot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.portops.model.container.ContainerNumber;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardSlot;

/**
 * Re-marshalling in quiet periods: moves within a block, by its own yard crane, that lower the block's expected
 * rehandles, within a budget of crane moves.
 *
 * <p>A container's expected rehandles are the burying cost slot allocation uses: the chance that it leaves after the
 * container below it most likely to leave first ({@link Departure#chanceLeavesAfter}; the dwell model's interval for
 * imports and empties, the loading turn for exports). Moving the top container of a stack changes only its own term
 * (nothing below it is affected), so a proposal is a dig: the containers above a badly placed one (each to where it
 * buries least) and then that one, scored by the expected rehandles it removes per crane move. The best proposal is
 * applied to the model and the search repeats until the budget is spent or no proposal gains at least
 * {@link Settings#minGainPerMove}. Every move is checked by {@link YardModel#check}, so the hard rules hold after
 * each one; destinations are never the stack being dug.
 */
public final class Housekeeping {

    /**
     * @param moveBudget     most crane moves per block and round
     * @param minGainPerMove expected rehandles a proposal must remove per move to be worth a crane move
     */
    public record Settings(int moveBudget, double minGainPerMove) {
        public Settings {
            if (moveBudget < 1 || !(minGainPerMove > 0)) {
                throw new IllegalArgumentException("housekeeping needs a budget of 1 or more moves and a positive gain"
                        + " per move, was " + moveBudget + ", " + minGainPerMove);
            }
        }

        /** 20 moves a block (about half an hour of a yard crane), each removing at least 0.25 expected rehandles. */
        public static final Settings DEFAULTS = new Settings(20, 0.25);
    }

    /** One crane move of a proposal, with why it is made. */
    public record Move(ContainerNumber container, YardSlot from, YardSlot to, double before, double after,
                       String reason) {
    }

    /** Moves planned together (a dig), ranked by {@code gain / moves().size()}. */
    public record Proposal(BlockId block, List<Move> moves, double gain) {
        public Proposal {
            moves = List.copyOf(moves);
        }

        public double gainPerMove() {
            return gain / moves.size();
        }
    }

    /** A block's round: its expected rehandles before and after the proposals, which are in the model already. */
    public record Round(BlockId block, double expectedBefore, double expectedAfter, List<Proposal> proposals) {
        public Round {
            proposals = List.copyOf(proposals);
        }

        public int moves() {
            return proposals.stream().mapToInt(p -> p.moves().size()).sum();
        }
    }

    private final YardModel yard;
    private final Settings settings;

    public Housekeeping(YardModel yard, Settings settings) {
        this.yard = yard;
        this.settings = settings;
    }

    /** Plans and applies to the model the proposals for one block; each move counts as a crane move at {@code now}. */
    public Round plan(int block, Instant now) {
        double before = expectedRehandles(yard, block);
        List<Proposal> proposals = new ArrayList<>();
        int budget = settings.moveBudget();
        while (budget > 0) {
            Proposal best = null;
            for (int s = yard.firstStack(block); s < yard.firstStack(block + 1); s++) {
                for (int t = 1; t <= yard.height(s); t++) {
                    YardBox box = yard.at(s, t);
                    if (yard.stackOf(box.number()) != s || term(yard, s, t) == 0
                            || yard.height(s) - t + 1 > budget) {
                        continue;
                    }
                    Proposal dig = dig(block, s, t);
                    if (dig != null && (best == null || dig.gainPerMove() > best.gainPerMove())) {
                        best = dig;
                    }
                }
            }
            if (best == null || best.gainPerMove() < settings.minGainPerMove()) {
                break;
            }
            for (Move move : best.moves()) {
                yard.relocate(move.container(), yard.stackIndex(move.to().stack()), now);
            }
            proposals.add(best);
            budget -= best.moves().size();
        }
        return new Round(yard.block(block).id(), before, expectedRehandles(yard, block), proposals);
    }

    /**
     * Tries moving every container from the top of stack {@code s} down to tier {@code t}, each to its best stack,
     * and takes the moves back; null when one of them has nowhere to go.
     */
    private Proposal dig(int block, int s, int t) {
        List<Move> moves = new ArrayList<>();
        List<YardBox> lifted = new ArrayList<>();
        List<Integer> origins = new ArrayList<>();
        double gain = 0;
        boolean complete = true;
        for (int tier = yard.height(s); tier >= t; tier--) {
            YardBox box = yard.at(s, tier);
            double old = term(yard, s, tier);
            YardSlot from = yard.stackId(s).at(new Tier(tier));
            YardBox moving = yard.lift(box.number());
            int best = -1;
            double bestTerm = Double.MAX_VALUE;
            int bestTravel = Integer.MAX_VALUE;
            for (int d = yard.firstStack(block); d < yard.firstStack(block + 1); d++) {
                if (d == s || box.isLong() && d == s + yard.block(block).rows() || yard.check(moving, d) != null) {
                    continue;
                }
                double buries = buries(yard, moving, d);
                int travel = Math.abs(yard.bay(d) - yard.bay(s)) + Math.abs(yard.row(d) - yard.row(s));
                if (buries < bestTerm || buries == bestTerm && travel < bestTravel) {
                    best = d;
                    bestTerm = buries;
                    bestTravel = travel;
                }
            }
            if (best < 0) {
                yard.drop(moving, s);
                complete = false;
                break;
            }
            yard.drop(moving, best);
            lifted.add(moving);
            origins.add(s);
            YardSlot to = yard.slotOf(box.number()).orElseThrow();
            gain += old - bestTerm;
            moves.add(new Move(box.number(), from, to, old, bestTerm, reason(box, tier == t, old, bestTerm, s, t)));
        }
        for (int i = lifted.size() - 1; i >= 0; i--) {
            yard.lift(lifted.get(i).number());
            yard.drop(lifted.get(i), origins.get(i));
        }
        return complete ? new Proposal(yard.block(block).id(), moves, gain) : null;
    }

    private String reason(YardBox box, boolean target, double before, double after, int s, int t) {
        String what = target ? box.number() + " leaves after a container below it (expected rehandles "
                + format(before) + ")" : box.number() + " stands above " + yard.at(s, t).number()
                + ", which is moved out from under it (expected rehandles here " + format(before) + ")";
        return what + "; where it goes its expected rehandles are " + format(after);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The sum of every container's expected rehandles in one block. */
    public static double expectedRehandles(YardModel yard, int block) {
        double sum = 0;
        for (int s = yard.firstStack(block); s < yard.firstStack(block + 1); s++) {
            for (int t = 1; t <= yard.height(s); t++) {
                if (yard.stackOf(yard.at(s, t).number()) == s) {
                    sum += term(yard, s, t);
                }
            }
        }
        return sum;
    }

    /** The sum over the whole yard. */
    public static double expectedRehandles(YardModel yard) {
        double sum = 0;
        for (int b = 0; b < yard.blocks().size(); b++) {
            sum += expectedRehandles(yard, b);
        }
        return sum;
    }

    /** The expected rehandles of the container at stack {@code s} (its head stack), tier {@code t}. */
    static double term(YardModel yard, int s, int t) {
        YardBox box = yard.at(s, t);
        double worst = 0;
        int stacks = box.isLong() ? 2 : 1;
        for (int i = 0; i < stacks; i++) {
            int stack = s + i * yard.block(yard.blockOf(s)).rows();
            for (int below = 1; below < t; below++) {
                worst = Math.max(worst, box.departure().chanceLeavesAfter(yard.at(stack, below).departure()));
            }
        }
        return worst;
    }

    /** The expected rehandles a (lifted) container would have on top of stack {@code d}. */
    private static double buries(YardModel yard, YardBox box, int d) {
        double worst = 0;
        int stacks = box.isLong() ? 2 : 1;
        for (int i = 0; i < stacks; i++) {
            int stack = d + i * yard.block(yard.blockOf(d)).rows();
            for (int below = 1; below <= yard.height(stack); below++) {
                worst = Math.max(worst, box.departure().chanceLeavesAfter(yard.at(stack, below).departure()));
            }
        }
        return worst;
    }
}
