package org.portops.yard.slot.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.toList;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import java.util.List;
import org.portops.yard.slot.Departure;
import org.portops.yard.slot.ImdgSegregation;
import org.portops.yard.slot.Segregation;
import org.portops.yard.slot.SlotDistance;

/**
 * Slot allocation. Hard: the slot is free, within the tier limit, the bay and length rules, the weight limits,
 * plugged for a reefer, open, and IMDG-segregated from dangerous goods in the yard and in the same decision. Soft, in
 * points (1 point = 1 metre of driving): an expected rehandle costs {@link #BURY_POINTS}; export grouping, heavy
 * before light, travel, crane workload and block fill follow.
 */
public final class SlotConstraintProvider implements ConstraintProvider {
    public static final String SLOT_TAKEN = "Two containers in one slot";
    public static final String TIER_LIMIT = "Stack over its tier limit";
    public static final String BAY_RULE = "Length does not fit the bay or the stack";
    public static final String WEIGHT_LIMIT = "Stack or crane weight limit";
    public static final String REEFER_PLUG = "Reefer without plug";
    public static final String CLOSED = "Closed block or stack";
    public static final String SEGREGATION_YARD = "IMDG segregation from the yard";
    public static final String SEGREGATION_ARRIVALS = "IMDG segregation between arrivals";
    public static final String BURIES_EARLIER = "Buries a container that leaves earlier";
    public static final String EXPORT_GROUP = "Export on another group";
    public static final String HEAVY_BEFORE_LIGHT = "Lighter export on a heavier one";
    public static final String TRAVEL = "Travel to the block";
    public static final String CRANE_WORKLOAD = "Yard crane workload";
    public static final String BLOCK_FILL = "Block over target fill";

    /** One expected rehandle: a crane move of about two minutes, worth about a kilometre of tractor driving. */
    public static final int BURY_POINTS = 1_000;
    public static final int MIXED_GROUP_POINTS = 400;
    public static final int WEIGHT_CLASS_POINTS = 200;
    public static final int CRANE_MOVE_POINTS = 30;
    public static final int FILL_PERCENT_POINTS = 20;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                slotTaken(factory), tierLimit(factory), bayRule(factory), weightLimit(factory), reeferPlug(factory),
                closed(factory), segregationYard(factory), segregationArrivals(factory), buriesEarlier(factory),
                exportGroup(factory), heavyBeforeLight(factory), travel(factory), craneWorkload(factory),
                blockFill(factory)
        };
    }

    Constraint slotTaken(ConstraintFactory factory) {
        return factory.forEachUniquePair(ArrivingContainer.class)
                .filter((a, b) -> a.getOption() != null && b.getOption() != null
                        && a.getOption().overlaps(b.getOption()))
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((a, b, score) -> new SlotJustification.SlotTaken(a.getNumber(), b.getNumber(),
                        a.getOption().slot(), b.getOption().slot()))
                .asConstraint(SLOT_TAKEN);
    }

    Constraint tierLimit(ConstraintFactory factory) {
        return placed(factory)
                .filter(a -> a.getOption().tier() > a.getOption().maxTiers())
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((a, score) -> new SlotJustification.OverTierLimit(a.getNumber(), a.getOption().slot(),
                        a.getOption().maxTiers()))
                .asConstraint(TIER_LIMIT);
    }

    Constraint bayRule(ConstraintFactory factory) {
        return placed(factory)
                .filter(SlotConstraintProvider::breaksBayRule)
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((a, score) -> new SlotJustification.WrongBay(a.getNumber(), a.getOption().slot(),
                        a.getLength(), a.getOption().topLength()))
                .asConstraint(BAY_RULE);
    }

    private static boolean breaksBayRule(ArrivingContainer a) {
        SlotOption o = a.getOption();
        boolean pairMissing = a.isLong() && (!o.bayPairFree() || o.lengthBays() != 2);
        boolean otherLengthBelow = o.topLength() != null && (o.topLength().yardBays() == 2) != a.isLong();
        return pairMissing || otherLengthBelow;
    }

    /** Penalised by the kilograms over the tighter of the two limits. */
    Constraint weightLimit(ConstraintFactory factory) {
        return placed(factory)
                .filter(a -> overWeight(a) > 0)
                .penalize(HardSoftScore.ONE_HARD, SlotConstraintProvider::overWeight)
                .justifyWith((a, score) -> new SlotJustification.OverWeight(a.getNumber(), a.getOption().slot(),
                        overWeight(a), a.getKilograms() > a.getOption().craneSafeWorkingLoad()
                        ? a.getOption().craneSafeWorkingLoad() : a.getOption().maxKilogramsPerPosition()))
                .asConstraint(WEIGHT_LIMIT);
    }

    private static int overWeight(ArrivingContainer a) {
        SlotOption o = a.getOption();
        return Math.max(0, Math.max(a.getKilograms() - o.craneSafeWorkingLoad(),
                o.kilogramsAfter() - o.maxKilogramsPerPosition()));
    }

    Constraint reeferPlug(ConstraintFactory factory) {
        return placed(factory)
                .filter(a -> a.isReefer() && !a.getOption().plugged())
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((a, score) -> new SlotJustification.ReeferUnplugged(a.getNumber(), a.getOption().slot()))
                .asConstraint(REEFER_PLUG);
    }

    Constraint closed(ConstraintFactory factory) {
        return placed(factory)
                .filter(a -> a.getOption().closed())
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((a, score) -> new SlotJustification.SlotClosed(a.getNumber(), a.getOption().slot()))
                .asConstraint(CLOSED);
    }

    /** Penalised once per dangerous-goods container in the yard it is too close to. */
    Constraint segregationYard(ConstraintFactory factory) {
        return placed(factory)
                .filter(a -> a.getImdg() != null && !breaches(a).isEmpty())
                .penalize(HardSoftScore.ONE_HARD, a -> breaches(a).size())
                .justifyWith((a, score) -> {
                    List<NearbyDangerousGoods> breaches = breaches(a);
                    NearbyDangerousGoods first = breaches.getFirst();
                    return new SlotJustification.SegregationBreached(a.getNumber(), a.getImdg(), first.container(),
                            first.imdg(), ImdgSegregation.required(a.getImdg(), first.imdg()), breaches.size());
                })
                .asConstraint(SEGREGATION_YARD);
    }

    private static List<NearbyDangerousGoods> breaches(ArrivingContainer a) {
        return a.getOption().dangerousGoods().stream()
                .filter(d -> !ImdgSegregation.required(a.getImdg(), d.imdg()).keptAt(d.distance()))
                .toList();
    }

    Constraint segregationArrivals(ConstraintFactory factory) {
        return factory.forEachUniquePair(ArrivingContainer.class,
                        Joiners.filtering((a, b) -> a.getImdg() != null && b.getImdg() != null))
                .filter((a, b) -> a.getOption() != null && b.getOption() != null
                        && !ImdgSegregation.required(a.getImdg(), b.getImdg()).keptAt(distance(a, b)))
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((a, b, score) -> new SlotJustification.SegregationBreached(a.getNumber(), a.getImdg(),
                        b.getNumber(), b.getImdg(), ImdgSegregation.required(a.getImdg(), b.getImdg()), 1))
                .asConstraint(SEGREGATION_ARRIVALS);
    }

    static SlotDistance distance(ArrivingContainer a, ArrivingContainer b) {
        SlotOption x = a.getOption();
        SlotOption y = b.getOption();
        boolean sameBlock = x.block().equals(y.block());
        int positions = sameBlock
                ? SlotDistance.positions(x.bay(), x.lengthBays(), x.row(), y.bay(), y.lengthBays(), y.row())
                : Integer.MAX_VALUE;
        return new SlotDistance(sameBlock, positions, Math.hypot(x.x() - y.x(), x.y() - y.y()));
    }

    /**
     * Penalised by the expected rehandle: {@link #BURY_POINTS} times the chance that it leaves after the container
     * below it most likely to leave first. Exact departures make that chance 0 or 1; forecast windows grade it.
     */
    Constraint buriesEarlier(ConstraintFactory factory) {
        return placed(factory)
                .filter(a -> buryPoints(a.getDeparture(), a.getOption().departuresBelow()) > 0)
                .penalize(HardSoftScore.ONE_SOFT, a -> buryPoints(a.getDeparture(), a.getOption().departuresBelow()))
                .justifyWith((a, score) -> new SlotJustification.BuriesEarlier(a.getNumber(), a.getOption().slot(),
                        (int) Math.round(100.0 * buryPoints(a.getDeparture(), a.getOption().departuresBelow())
                                / BURY_POINTS)))
                .asConstraint(BURIES_EARLIER);
    }

    /** The expected rehandle cost of putting a container leaving at {@code departure} on these containers. */
    public static int buryPoints(Departure departure, List<Departure> below) {
        double chance = 0;
        for (Departure other : below) {
            chance = Math.max(chance, departure.chanceLeavesAfter(other));
        }
        return (int) Math.round(BURY_POINTS * chance);
    }

    Constraint exportGroup(ConstraintFactory factory) {
        return placed(factory)
                .filter(a -> a.getGroup() != null && a.getOption().tier() > 1
                        && !a.getGroup().equals(a.getOption().topGroup()))
                .penalize(HardSoftScore.ofSoft(MIXED_GROUP_POINTS))
                .justifyWith((a, score) -> new SlotJustification.MixedGroup(a.getNumber(), a.getOption().slot(),
                        a.getGroup(), a.getOption().topGroup()))
                .asConstraint(EXPORT_GROUP);
    }

    /** Penalised per weight class between them: a heavier container below loads first and must be dug out. */
    Constraint heavyBeforeLight(ConstraintFactory factory) {
        return placed(factory)
                .filter(a -> a.getGroup() != null && a.getGroup().equals(a.getOption().topGroup())
                        && a.getWeightClass().compareTo(a.getOption().topWeightClass()) < 0)
                .penalize(HardSoftScore.ofSoft(WEIGHT_CLASS_POINTS),
                        a -> a.getOption().topWeightClass().ordinal() - a.getWeightClass().ordinal())
                .justifyWith((a, score) -> new SlotJustification.LightOnHeavy(a.getNumber(), a.getOption().slot(),
                        a.getWeightClass(), a.getOption().topWeightClass()))
                .asConstraint(HEAVY_BEFORE_LIGHT);
    }

    Constraint travel(ConstraintFactory factory) {
        return placed(factory)
                .penalize(HardSoftScore.ONE_SOFT, a -> a.getOption().travelMetres())
                .justifyWith((a, score) -> new SlotJustification.Travel(a.getNumber(), a.getOption().slot(),
                        a.getOption().travelMetres()))
                .asConstraint(TRAVEL);
    }

    /**
     * Each arrival costs the moves already waiting for its block's crane plus the other arrivals of this decision
     * sent there before it: n arrivals on a block with m recent moves cost n·m + n(n-1)/2 moves.
     */
    Constraint craneWorkload(ConstraintFactory factory) {
        return placed(factory)
                .groupBy(a -> a.getOption().blockLoad(), toList())
                .penalize(HardSoftScore.ofSoft(CRANE_MOVE_POINTS),
                        (load, arrivals) -> workloadMoves(load, arrivals.size()))
                .justifyWith((load, arrivals, score) -> new SlotJustification.CraneWorkload(
                        arrivals.getFirst().getNumber(), load.block(), load.moves(), arrivals.size()))
                .asConstraint(CRANE_WORKLOAD);
    }

    static int workloadMoves(BlockLoad load, int arrivals) {
        return load.moves() * arrivals + arrivals * (arrivals - 1) / 2;
    }

    Constraint blockFill(ConstraintFactory factory) {
        return placed(factory)
                .filter(a -> a.getOption().fillPercentAfter() > a.getOption().targetFillPercent())
                .penalize(HardSoftScore.ofSoft(FILL_PERCENT_POINTS),
                        a -> a.getOption().fillPercentAfter() - a.getOption().targetFillPercent())
                .justifyWith((a, score) -> new SlotJustification.OverTargetFill(a.getNumber(), a.getOption().block(),
                        a.getOption().fillPercentAfter(), a.getOption().targetFillPercent()))
                .asConstraint(BLOCK_FILL);
    }

    private static UniConstraintStream<ArrivingContainer> placed(ConstraintFactory factory) {
        return factory.forEach(ArrivingContainer.class);
    }
}
