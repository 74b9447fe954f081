package org.portops.yard.slot.solver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.yard.YardSlot;
import org.portops.yard.slot.Departure;
import org.portops.yard.slot.ExportGroup;
import org.portops.yard.slot.WeightClass;

/** Hand-made slot options and arrivals for the constraint tests: a plain, open, unplugged ground slot by default. */
final class OptionBuilder {
    private YardSlot slot = YardSlot.parse("A01-01-01-1");
    private int lengthBays = 1;
    private int maxTiers = 5;
    private boolean closed;
    private boolean plugged;
    private boolean bayPairFree = true;
    private ContainerLength topLength;
    private ExportGroup topGroup;
    private WeightClass topWeightClass;
    private final List<Departure> departuresBelow = new ArrayList<>();
    private int kilogramsAfter = 20_000;
    private int travelMetres;
    private double x;
    private double y;
    private int blockMoves;
    private int fillPercentAfter = 50;
    private final List<NearbyDangerousGoods> dangerousGoods = new ArrayList<>();

    static OptionBuilder at(String slot) {
        OptionBuilder b = new OptionBuilder();
        b.slot = YardSlot.parse(slot);
        b.x = b.slot.bay().number() * 6.5;
        b.y = b.slot.row().number() * 2.9;
        return b;
    }

    OptionBuilder longBox() {
        lengthBays = 2;
        return this;
    }

    OptionBuilder maxTiers(int tiers) {
        maxTiers = tiers;
        return this;
    }

    OptionBuilder closed() {
        closed = true;
        return this;
    }

    OptionBuilder plugged() {
        plugged = true;
        return this;
    }

    OptionBuilder noBayPair() {
        bayPairFree = false;
        return this;
    }

    OptionBuilder onTop(ContainerLength length, ExportGroup group, WeightClass weight) {
        topLength = length;
        topGroup = group;
        topWeightClass = weight;
        return this;
    }

    /** A container below leaving at this epoch minute. */
    OptionBuilder below(long minute) {
        departuresBelow.add(Departure.at(minute(minute)));
        return this;
    }

    OptionBuilder below(Departure departure) {
        departuresBelow.add(departure);
        return this;
    }

    static Instant minute(long minute) {
        return Instant.ofEpochSecond(minute * 60);
    }

    OptionBuilder kilogramsAfter(int kg) {
        kilogramsAfter = kg;
        return this;
    }

    OptionBuilder travel(int metres) {
        travelMetres = metres;
        return this;
    }

    OptionBuilder blockMoves(int moves) {
        blockMoves = moves;
        return this;
    }

    OptionBuilder fill(int percentAfter) {
        fillPercentAfter = percentAfter;
        return this;
    }

    OptionBuilder near(NearbyDangerousGoods goods) {
        dangerousGoods.add(goods);
        return this;
    }

    SlotOption build() {
        return new SlotOption(slot, 0, lengthBays, maxTiers, closed, plugged, bayPairFree, topLength, topGroup,
                topWeightClass, departuresBelow, kilogramsAfter, 100_000, 40_000, travelMetres, x, y,
                new BlockLoad(slot.block().value(), blockMoves), fillPercentAfter, 80, dangerousGoods);
    }

    /** An arrival already given this option. */
    static ArrivingContainer arrival(int number, ContainerLength length, int kg, boolean reefer, String imdg,
                                     ExportGroup group, long departureMinute, SlotOption option) {
        ArrivingContainer a = new ArrivingContainer(number(number), length, kg, reefer,
                imdg == null ? null : new ImdgClass(imdg), group, Departure.at(minute(departureMinute)), List.of(option));
        a.setOption(option);
        return a;
    }

    /** An arrival whose departure is a forecast window, already given this option. */
    static ArrivingContainer leaving(int number, Departure departure, SlotOption option) {
        ArrivingContainer a = new ArrivingContainer(number(number), ContainerLength.TWENTY, 15_000, false, null, null,
                departure, List.of(option));
        a.setOption(option);
        return a;
    }

    static ContainerNumber number(int serial) {
        return ContainerNumber.fromParts("TST", 'U', serial);
    }

    static ArrivingContainer plain(int number, SlotOption option) {
        return arrival(number, ContainerLength.TWENTY, 15_000, false, null, null, 10_000, option);
    }
}
