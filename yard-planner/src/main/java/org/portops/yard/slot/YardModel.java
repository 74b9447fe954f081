package org.portops.yard.slot;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardBay;
import org.portops.model.yard.YardRow;
import org.portops.model.yard.YardSlot;
import org.portops.state.StackView;

/**
 * The slot planner's picture of the yard: every 20' ground position of every block as a stack, the containers in
 * it with what allocation needs to know of them, closed blocks and stacks, fill and recent crane moves per block.
 * Arrays indexed by stack number keep a full scan of a 30,000-slot yard in the order of a millisecond.
 *
 * <p>A 40'/45' stands at an odd bay b and covers stacks b and b + 1 at the same tier; the same {@link YardBox} is
 * recorded in both. Stacks are of one length class: a 20' never on a 40'/45' (no corner castings at mid-length), a
 * 40'/45' never on 20's. Not thread-safe: one planner owns it.
 */
public final class YardModel {

    /** Where a container stands: the stack of its first bay and its tier (1 = ground). */
    private record Placement(int stack, int tier) {
    }

    /** A dangerous-goods container's placement and its row of the segregation table. */
    private record Dangerous(Placement placement, int tableRow) {
    }

    private final StackRules rules;
    private final List<BlockLayout> blocks;
    private final Map<BlockId, Integer> blockIndex = new HashMap<>();
    private final int[] firstStack;
    private final int[] stackBlock;
    private final double[] centreX;
    private final double[] centreY;
    private final YardBox[][] tiers;
    private final int[] height;
    private final int[] kilograms;
    private final boolean[] stackClosed;
    private final boolean[] blockClosed;
    private final int[] occupiedCells;
    private final List<ArrayDeque<Instant>> moves = new ArrayList<>();
    private final Map<ContainerNumber, Placement> where = new HashMap<>();
    private final Map<ContainerNumber, Dangerous> dangerous = new LinkedHashMap<>();

    private YardModel(List<BlockLayout> blocks, StackRules rules) {
        this.rules = rules;
        this.blocks = List.copyOf(blocks);
        firstStack = new int[blocks.size() + 1];
        for (int b = 0; b < blocks.size(); b++) {
            blockIndex.put(blocks.get(b).id(), b);
            firstStack[b + 1] = firstStack[b] + blocks.get(b).bays() * blocks.get(b).rows();
            moves.add(new ArrayDeque<>());
        }
        int stacks = firstStack[blocks.size()];
        stackBlock = new int[stacks];
        tiers = new YardBox[stacks][];
        for (int b = 0; b < blocks.size(); b++) {
            for (int s = firstStack[b]; s < firstStack[b + 1]; s++) {
                stackBlock[s] = b;
                tiers[s] = new YardBox[blocks.get(b).maxTiers()];
            }
        }
        centreX = new double[stacks];
        centreY = new double[stacks];
        for (int s = 0; s < stacks; s++) {
            Position centre = blocks.get(stackBlock[s]).stackCentre(stackId(s));
            centreX[s] = centre.x();
            centreY[s] = centre.y();
        }
        height = new int[stacks];
        kilograms = new int[stacks];
        stackClosed = new boolean[stacks];
        blockClosed = new boolean[blocks.size()];
        occupiedCells = new int[blocks.size()];
    }

    /** An empty yard shaped like the terminal's blocks. */
    public static YardModel of(TerminalLayout layout, StackRules rules) {
        return new YardModel(layout.blocks(), rules);
    }

    public static YardModel of(List<BlockLayout> blocks, StackRules rules) {
        return new YardModel(blocks, rules);
    }

    // ---- shape -------------------------------------------------------------------------------------------------

    public StackRules rules() {
        return rules;
    }

    public List<BlockLayout> blocks() {
        return blocks;
    }

    public int stackCount() {
        return stackBlock.length;
    }

    public int blockOf(int stack) {
        return stackBlock[stack];
    }

    /** The stack numbers of a block: {@code [firstStack(b), firstStack(b + 1))}. */
    public int firstStack(int blockNumber) {
        return firstStack[blockNumber];
    }

    public BlockLayout block(int blockNumber) {
        return blocks.get(blockNumber);
    }

    public int bay(int stack) {
        return (stack - firstStack[stackBlock[stack]]) / blocks.get(stackBlock[stack]).rows() + 1;
    }

    public int row(int stack) {
        return (stack - firstStack[stackBlock[stack]]) % blocks.get(stackBlock[stack]).rows() + 1;
    }

    public StackId stackId(int stack) {
        return new StackId(blocks.get(stackBlock[stack]).id(), new YardBay(bay(stack)), new YardRow(row(stack)));
    }

    /** The stack number of a stack id; fails with the reason for a stack outside the yard. */
    public int stackIndex(StackId stack) {
        Integer b = blockIndex.get(stack.block());
        if (b == null) {
            throw new IllegalArgumentException("no block " + stack.block() + " in the yard");
        }
        BlockLayout layout = blocks.get(b);
        if (stack.bay().number() > layout.bays() || stack.row().number() > layout.rows()) {
            throw new IllegalArgumentException("stack " + stack + " is outside block " + layout.id() + " ("
                    + layout.bays() + " bays, " + layout.rows() + " rows)");
        }
        return firstStack[b] + (stack.bay().number() - 1) * layout.rows() + stack.row().number() - 1;
    }

    /** The terminal position of the middle of a container of {@code lengthBays} standing from this stack. */
    public Position centre(int stack, int lengthBays) {
        return new Position(centreX(stack, lengthBays), centreY[stack]);
    }

    /** {@link #centre}'s x without allocating: the candidate scan reads it for every stack. */
    public double centreX(int stack, int lengthBays) {
        return centreX[stack] + (lengthBays - 1) * BlockLayout.BAY_PITCH_METRES / 2;
    }

    public double centreY(int stack) {
        return centreY[stack];
    }

    public SlotDistance distance(int stackA, int lengthA, int stackB, int lengthB) {
        boolean sameBlock = stackBlock[stackA] == stackBlock[stackB];
        int positions = sameBlock ? SlotDistance.positions(bay(stackA), lengthA, row(stackA), bay(stackB), lengthB,
                row(stackB)) : Integer.MAX_VALUE;
        return new SlotDistance(sameBlock, positions, centre(stackA, lengthA).distanceTo(centre(stackB, lengthB)));
    }

    // ---- contents ----------------------------------------------------------------------------------------------

    public int height(int stack) {
        return height[stack];
    }

    /** The container at {@code tier} (1 = ground), null when none. */
    public YardBox at(int stack, int tier) {
        return tier >= 1 && tier <= height[stack] ? tiers[stack][tier - 1] : null;
    }

    public YardBox top(int stack) {
        return at(stack, height[stack]);
    }

    /** The expected departures of the containers in the stack, ground tier first. */
    public List<Departure> departures(int stack) {
        List<Departure> departures = new ArrayList<>(height[stack]);
        for (int t = 0; t < height[stack]; t++) {
            departures.add(tiers[stack][t].departure());
        }
        return departures;
    }

    public int kilogramsOn(int stack) {
        return kilograms[stack];
    }

    public int containers() {
        return where.size();
    }

    public Optional<YardSlot> slotOf(ContainerNumber number) {
        Placement p = where.get(number);
        return p == null ? Optional.empty() : Optional.of(stackId(p.stack()).at(new Tier(p.tier())));
    }

    public Optional<YardBox> box(ContainerNumber number) {
        Placement p = where.get(number);
        return p == null ? Optional.empty() : Optional.of(tiers[p.stack()][p.tier() - 1]);
    }

    /** The stack number of the container's first bay; fails when it is not in the yard. */
    public int stackOf(ContainerNumber number) {
        return placement(number).stack();
    }

    /** The containers standing on top of this one, lowest first. */
    public List<YardBox> above(ContainerNumber number) {
        Placement p = placement(number);
        List<YardBox> result = new ArrayList<>();
        for (int t = p.tier(); t < height[p.stack()]; t++) {
            result.add(tiers[p.stack()][t]);
        }
        return result;
    }

    /** Dangerous-goods containers in the yard, with the stack of their first bay. */
    public Map<YardBox, Integer> dangerousGoods() {
        Map<YardBox, Integer> result = new LinkedHashMap<>();
        dangerous.forEach((number, d) -> result.put(tiers[d.placement().stack()][d.placement().tier() - 1],
                d.placement().stack()));
        return result;
    }

    /** Share of the block's 20' slots that hold a container. */
    public double fill(int blockNumber) {
        return occupiedCells[blockNumber] / (double) blocks.get(blockNumber).capacitySlots();
    }

    /** Crane moves (placements and removals) in the block within the workload window before {@code now}. */
    public int workload(int blockNumber, Instant now) {
        ArrayDeque<Instant> recent = moves.get(blockNumber);
        Instant from = now.minus(rules.workloadWindow());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(from)) {
            recent.pollFirst();
        }
        return recent.size();
    }

    public boolean isClosed(int stack) {
        return stackClosed[stack] || blockClosed[stackBlock[stack]];
    }

    // ---- rules -------------------------------------------------------------------------------------------------

    /** The hard rule a container would break on top of this stack, or null when it may go there. */
    public SlotRefusal check(YardBox box, int stack) {
        int b = stackBlock[stack];
        BlockLayout layout = blocks.get(b);
        int length = box.length().yardBays();
        if (blockClosed[b]) {
            return new SlotRefusal.BlockClosed(layout.id());
        }
        if (length == 2 && (bay(stack) % 2 == 0 || bay(stack) == layout.bays())) {
            return new SlotRefusal.NoBayPair(stackId(stack));
        }
        if (stackClosed[stack] || length == 2 && stackClosed[stack + layout.rows()]) {
            return new SlotRefusal.StackClosed(stackId(stackClosed[stack] ? stack : stack + layout.rows()));
        }
        SlotRefusal shape = length == 2 ? checkLongStack(box, stack, layout.rows()) : checkShortStack(box, stack);
        if (shape != null) {
            return shape;
        }
        if (height[stack] >= layout.maxTiers()) {
            return new SlotRefusal.StackFull(stackId(stack), layout.maxTiers());
        }
        if (box.kilograms() > rules.craneSafeWorkingLoad()) {
            return new SlotRefusal.TooHeavyForCrane(layout.id(), box.kilograms(), rules.craneSafeWorkingLoad());
        }
        int after = kilograms[stack] + StackRules.kilogramsPerPosition(box);
        if (after > rules.maxKilogramsPerPosition()) {
            return new SlotRefusal.StackTooHeavy(stackId(stack), after, rules.maxKilogramsPerPosition());
        }
        if (box.reefer() && !layout.reeferRows().contains(row(stack))) {
            return new SlotRefusal.ReeferWithoutPlug(stackId(stack));
        }
        return box.imdg() == null ? null : checkSegregation(box, stack);
    }

    private SlotRefusal checkShortStack(YardBox box, int stack) {
        YardBox top = top(stack);
        return top != null && top.isLong()
                ? new SlotRefusal.LengthMismatch(stackId(stack), top.length(), box.length()) : null;
    }

    private SlotRefusal checkLongStack(YardBox box, int stack, int rows) {
        int partner = stack + rows;
        YardBox top = top(stack);
        YardBox partnerTop = top(partner);
        if (top == null && partnerTop == null) {
            return null;
        }
        YardBox shortOne = top != null && !top.isLong() ? top : partnerTop;
        if (top != partnerTop || height[stack] != height[partner]) {
            return new SlotRefusal.LengthMismatch(stackId(stack),
                    shortOne == null ? top.length() : shortOne.length(), box.length());
        }
        return null;
    }

    /**
     * Runs for every stack of the yard when a dangerous container is planned, so it reads table rows by index and
     * measures a distance only where the rule can be broken: in the same block, or for "separated longitudinally".
     */
    private SlotRefusal checkSegregation(YardBox box, int stack) {
        int length = box.length().yardBays();
        int row = ImdgSegregation.index(box.imdg());
        for (Dangerous d : dangerous.values()) {
            Placement p = d.placement();
            Segregation required = ImdgSegregation.required(row, d.tableRow());
            boolean sameBlock = stackBlock[p.stack()] == stackBlock[stack];
            if (required == Segregation.NONE || !sameBlock && required != Segregation.SEPARATED_LONGITUDINALLY) {
                continue;
            }
            YardBox other = tiers[p.stack()][p.tier() - 1];
            if (!required.keptAt(distance(stack, length, p.stack(), other.length().yardBays()))) {
                return new SlotRefusal.SegregationBreached(box.imdg(), other.number(), other.imdg(),
                        stackId(p.stack()).at(new Tier(p.tier())), required);
            }
        }
        return null;
    }

    // ---- changes -----------------------------------------------------------------------------------------------

    /** Puts the container on top of the stack; refused with the broken rule. Counts as a crane move at {@code at}. */
    public YardSlot place(YardBox box, int stack, Instant at) {
        if (where.containsKey(box.number())) {
            throw new IllegalStateException(box.number() + " is already in the yard at " + slotOf(box.number()).orElseThrow());
        }
        SlotRefusal refusal = check(box, stack);
        if (refusal != null) {
            throw new IllegalStateException("cannot place " + box.number() + " on " + stackId(stack) + ": "
                    + refusal.describe());
        }
        write(box, stack);
        moves.get(stackBlock[stack]).addLast(at);
        return stackId(stack).at(new Tier(height[stack]));
    }

    /** Takes the container off the top of its stack; refused when it is buried or not in the yard. */
    public YardSlot remove(ContainerNumber number, Instant at) {
        Placement p = placement(number);
        YardSlot slot = stackId(p.stack()).at(new Tier(p.tier()));
        lift(number);
        moves.get(stackBlock[p.stack()]).addLast(at);
        return slot;
    }

    /**
     * Moves a container from the top of its stack onto another stack in one crane move (housekeeping); refused with
     * the broken rule, and then nothing changed.
     */
    public YardSlot relocate(ContainerNumber number, int stack, Instant at) {
        int from = stackOf(number);
        YardBox box = lift(number);
        SlotRefusal refusal = check(box, stack);
        if (refusal != null || stack == from) {
            write(box, from);
            throw new IllegalStateException("cannot relocate " + number + " to " + stackId(stack) + ": "
                    + (refusal == null ? "it stands there" : refusal.describe()));
        }
        write(box, stack);
        moves.get(stackBlock[stack]).addLast(at);
        return stackId(stack).at(new Tier(height[stack]));
    }

    /**
     * Takes a container off the top of its stack without counting a crane move: with {@link #drop} it lets a planner
     * try a move and take it back, leaving the model as it was.
     */
    YardBox lift(ContainerNumber number) {
        Placement p = placement(number);
        YardBox box = tiers[p.stack()][p.tier() - 1];
        if (p.tier() != height[p.stack()]) {
            throw new IllegalStateException(number + " is buried under " + top(p.stack()).number()
                    + ": relocate what is above it first");
        }
        int rows = blocks.get(stackBlock[p.stack()]).rows();
        for (int i = 0; i < box.length().yardBays(); i++) {
            int s = p.stack() + i * rows;
            tiers[s][--height[s]] = null;
            kilograms[s] -= StackRules.kilogramsPerPosition(box);
        }
        occupiedCells[stackBlock[p.stack()]] -= box.length().yardBays();
        where.remove(number);
        dangerous.remove(number);
        return box;
    }

    /** Puts a lifted container on top of a stack, unchecked and uncounted: the other half of {@link #lift}. */
    void drop(YardBox box, int stack) {
        write(box, stack);
    }

    /** Changes the departure estimate of a container in the yard (a new appointment or vessel ETA). */
    public void updateDeparture(ContainerNumber number, Departure departure) {
        Placement p = placement(number);
        YardBox updated = tiers[p.stack()][p.tier() - 1].withDeparture(departure);
        int rows = blocks.get(stackBlock[p.stack()]).rows();
        for (int i = 0; i < updated.length().yardBays(); i++) {
            tiers[p.stack() + i * rows][p.tier() - 1] = updated;
        }
    }

    public void closeStack(StackId stack, boolean close) {
        stackClosed[stackIndex(stack)] = close;
    }

    public void closeBlock(BlockId block, boolean close) {
        Integer b = blockIndex.get(block);
        if (b == null) {
            throw new IllegalArgumentException("no block " + block + " in the yard");
        }
        blockClosed[b] = close;
    }

    /**
     * Takes over stacks as the live yard shows them: their containers (described by {@code boxes}) and whether any
     * of their slots is closed. The live yard's own rules admitted them, so they are written without this model's
     * checks, lowest tiers of all stacks first so a 40'/45' lands on both of its bays at its own tier; it is recorded
     * once, from its head (odd) bay.
     */
    public void load(Collection<StackView> views, Function<ContainerNumber, YardBox> boxes) {
        for (StackView view : views) {
            stackClosed[stackIndex(view.stack())] = view.tiers().stream().anyMatch(StackView.TierView::closed);
        }
        int maxTiers = views.stream().mapToInt(StackView::maxTiers).max().orElse(0);
        for (int tier = 1; tier <= maxTiers; tier++) {
            for (StackView view : views) {
                if (tier > view.tiers().size()) {
                    continue;
                }
                StackView.TierView cell = view.tiers().get(tier - 1);
                if (cell.status() != StackView.SlotStatus.OCCUPIED || where.containsKey(cell.container())) {
                    continue;
                }
                int stack = stackIndex(view.stack());
                YardBox box = boxes.apply(cell.container());
                if (!box.isLong() || bay(stack) % 2 == 1) {
                    write(box, stack);
                }
            }
        }
    }

    private void write(YardBox box, int stack) {
        int rows = blocks.get(stackBlock[stack]).rows();
        for (int i = 0; i < box.length().yardBays(); i++) {
            int s = stack + i * rows;
            tiers[s][height[s]++] = box;
            kilograms[s] += StackRules.kilogramsPerPosition(box);
        }
        occupiedCells[stackBlock[stack]] += box.length().yardBays();
        Placement p = new Placement(stack, height[stack]);
        where.put(box.number(), p);
        if (box.imdg() != null) {
            dangerous.put(box.number(), new Dangerous(p, ImdgSegregation.index(box.imdg())));
        }
    }

    private Placement placement(ContainerNumber number) {
        Placement p = where.get(number);
        if (p == null) {
            throw new IllegalArgumentException(number + " is not in the yard");
        }
        return p;
    }

    // ---- self-check --------------------------------------------------------------------------------------------

    /** Every broken yard rule, in words; empty when the yard is sound. For tests and simulations. */
    public List<String> violations() {
        List<String> problems = new ArrayList<>();
        for (int s = 0; s < stackCount(); s++) {
            BlockLayout layout = blocks.get(stackBlock[s]);
            if (height[s] > layout.maxTiers()) {
                problems.add(stackId(s) + " stands " + height[s] + " high over " + layout.maxTiers());
            }
            if (kilograms[s] > rules.maxKilogramsPerPosition()) {
                problems.add(stackId(s) + " carries " + kilograms[s] + " kg");
            }
            for (int t = 1; t <= height[s]; t++) {
                YardBox box = tiers[s][t - 1];
                if (box == null) {
                    problems.add(stackId(s) + " tier " + t + " is empty under a container");
                    continue;
                }
                if (box.reefer() && !layout.hasPlug(stackId(s))) {
                    problems.add("reefer " + box.number() + " without plug at " + stackId(s));
                }
                YardBox below = at(s, t - 1);
                if (below != null && below.isLong() != box.isLong()) {
                    problems.add(box.number() + " (" + box.length() + ") stands on " + below.number() + " ("
                            + below.length() + ") at " + stackId(s));
                }
            }
        }
        List<Dangerous> dg = new ArrayList<>(dangerous.values());
        for (int i = 0; i < dg.size(); i++) {
            for (int j = i + 1; j < dg.size(); j++) {
                segregationProblem(dg.get(i).placement(), dg.get(j).placement(), problems);
            }
        }
        return problems;
    }

    private void segregationProblem(Placement a, Placement b, List<String> problems) {
        YardBox boxA = tiers[a.stack()][a.tier() - 1];
        YardBox boxB = tiers[b.stack()][b.tier() - 1];
        Segregation required = ImdgSegregation.required(boxA.imdg(), boxB.imdg());
        SlotDistance d = distance(a.stack(), boxA.length().yardBays(), b.stack(), boxB.length().yardBays());
        if (!required.keptAt(d)) {
            problems.add(boxA.number() + " (class " + boxA.imdg() + ") and " + boxB.number() + " (class "
                    + boxB.imdg() + ") are not " + required + ": " + d);
        }
    }
}
