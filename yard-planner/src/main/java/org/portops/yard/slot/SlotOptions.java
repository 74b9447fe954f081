package org.portops.yard.slot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.yard.Tier;
import org.portops.yard.slot.solver.BlockLoad;
import org.portops.yard.slot.solver.NearbyDangerousGoods;
import org.portops.yard.slot.solver.SlotConstraintProvider;
import org.portops.yard.slot.solver.SlotOption;

/**
 * The candidate set of one container: every stack top in the yard that keeps the hard rules, ranked by what the
 * container alone would cost there, the best few per block kept. This is what keeps a decision small at any yard
 * size: the solver sees tens of options, never the whole yard; keeping several per block leaves it the choice
 * between blocks (crane workload, fill) and alternatives when arrivals of one decision compete for a stack.
 */
final class SlotOptions {

    /** How many options to keep per block, and in all. */
    record Limits(int perBlock, int total) {
        static final Limits DEFAULT = new Limits(3, 40);
    }

    /** The options, and when there are none, why each stack refused (refusal kind → stacks). */
    record Result(List<SlotOption> options, Map<String, Integer> refusals) {
    }

    private record Ranked(int stack, long cost) {
    }

    private SlotOptions() {
    }

    static Result build(YardModel yard, YardBox box, Position origin, Instant now, Limits limits) {
        int blocks = yard.blocks().size();
        List<PriorityQueue<Ranked>> best = new ArrayList<>();
        int[] workload = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            best.add(new PriorityQueue<>(Comparator.comparingLong(Ranked::cost).reversed()));
            workload[b] = yard.workload(b, now);
        }
        for (int s = 0; s < yard.stackCount(); s++) {
            if (yard.check(box, s) != null) {
                continue;
            }
            int b = yard.blockOf(s);
            PriorityQueue<Ranked> kept = best.get(b);
            kept.add(new Ranked(s, cost(yard, box, s, origin, workload[b])));
            if (kept.size() > limits.perBlock()) {
                kept.poll();
            }
        }
        List<Ranked> ranked = best.stream().flatMap(PriorityQueue::stream)
                .sorted(Comparator.comparingLong(Ranked::cost).thenComparingInt(Ranked::stack))
                .limit(limits.total()).toList();
        List<SlotOption> options = ranked.stream().map(r -> option(yard, box, r.stack(), origin, workload)).toList();
        return new Result(options, options.isEmpty() ? refusals(yard, box) : Map.of());
    }

    /** Only when nothing fits: how many stacks refused for each rule. */
    private static Map<String, Integer> refusals(YardModel yard, YardBox box) {
        Map<String, Integer> refusals = new TreeMap<>();
        for (int s = 0; s < yard.stackCount(); s++) {
            refusals.merge(yard.check(box, s).getClass().getSimpleName(), 1, Integer::sum);
        }
        return refusals;
    }

    /** The soft score this container alone would get on the stack, with the solver's weights. */
    private static long cost(YardModel yard, YardBox box, int stack, Position origin, int workload) {
        long cost = travelMetres(yard, box, stack, origin) + (long) workload * SlotConstraintProvider.CRANE_MOVE_POINTS;
        cost += SlotConstraintProvider.buryPoints(box.departure(), yard.departures(stack));
        YardBox top = yard.top(stack);
        if (box.group() != null && top != null) {
            if (!box.group().equals(top.group())) {
                cost += SlotConstraintProvider.MIXED_GROUP_POINTS;
            } else if (box.weightClass().compareTo(top.weightClass()) < 0) {
                cost += (long) SlotConstraintProvider.WEIGHT_CLASS_POINTS
                        * (top.weightClass().ordinal() - box.weightClass().ordinal());
            }
        }
        int over = fillPercentAfter(yard, box, stack) - targetPercent(yard);
        return cost + Math.max(0, over) * (long) SlotConstraintProvider.FILL_PERCENT_POINTS;
    }

    /** Tractors drive the lanes along and across the blocks: rectilinear distance. */
    static int travelMetres(YardModel yard, YardBox box, int stack, Position origin) {
        return (int) Math.round(Math.abs(yard.centreX(stack, box.length().yardBays()) - origin.x())
                + Math.abs(yard.centreY(stack) - origin.y()));
    }

    private static int fillPercentAfter(YardModel yard, YardBox box, int stack) {
        int b = yard.blockOf(stack);
        double added = box.length().yardBays() / (double) yard.block(b).capacitySlots();
        return (int) Math.round(100 * (yard.fill(b) + added));
    }

    private static int targetPercent(YardModel yard) {
        return (int) Math.round(100 * yard.rules().targetFill());
    }

    private static SlotOption option(YardModel yard, YardBox box, int stack, Position origin, int[] workload) {
        int b = yard.blockOf(stack);
        BlockLayout layout = yard.block(b);
        int length = box.length().yardBays();
        YardBox top = yard.top(stack);
        int kilogramsAfter = yard.kilogramsOn(stack) + StackRules.kilogramsPerPosition(box);
        if (length == 2) {
            kilogramsAfter = Math.max(kilogramsAfter,
                    yard.kilogramsOn(stack + layout.rows()) + StackRules.kilogramsPerPosition(box));
        }
        Position centre = yard.centre(stack, length);
        return new SlotOption(yard.stackId(stack).at(new Tier(yard.height(stack) + 1)), stack, length,
                layout.maxTiers(), yard.isClosed(stack), layout.hasPlug(yard.stackId(stack)),
                length == 1 || yard.bay(stack) % 2 == 1 && yard.bay(stack) < layout.bays(),
                top == null ? null : top.length(), top == null ? null : top.group(),
                top == null ? null : top.weightClass(),
                yard.departures(stack), kilogramsAfter,
                yard.rules().maxKilogramsPerPosition(), yard.rules().craneSafeWorkingLoad(),
                travelMetres(yard, box, stack, origin), centre.x(), centre.y(),
                new BlockLoad(layout.id().value(), workload[b]), fillPercentAfter(yard, box, stack),
                targetPercent(yard), nearbyDangerousGoods(yard, box, stack));
    }

    /** Dangerous goods the container's class must keep a distance from, within reach of any segregation rule. */
    private static List<NearbyDangerousGoods> nearbyDangerousGoods(YardModel yard, YardBox box, int stack) {
        if (box.imdg() == null) {
            return List.of();
        }
        List<NearbyDangerousGoods> nearby = new ArrayList<>();
        yard.dangerousGoods().forEach((other, otherStack) -> {
            if (ImdgSegregation.required(box.imdg(), other.imdg()) == Segregation.NONE) {
                return;
            }
            SlotDistance d = yard.distance(stack, box.length().yardBays(), otherStack, other.length().yardBays());
            if (d.sameBlock() || d.metres() < 2 * Segregation.LONGITUDINAL_METRES) {
                nearby.add(new NearbyDangerousGoods(other.number(), other.imdg(),
                        yard.slotOf(other.number()).orElseThrow(), d));
            }
        });
        return nearby;
    }
}
