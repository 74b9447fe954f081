package org.portops.bench.yard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.portops.model.equipment.Position;
import org.portops.model.yard.YardSlot;
import org.portops.yard.slot.SlotDecision;
import org.portops.yard.slot.SlotPlanner;
import org.portops.yard.slot.SlotRequest;
import org.portops.yard.slot.YardBox;
import org.portops.yard.slot.YardModel;

/** The slot policies {@code bench yard} compares; all keep the same hard rules ({@link YardModel#check}). */
final class Policies {

    private Policies() {
    }

    /** The Timefold slot planner. */
    static YardSimulation.Policy planner(YardModel yard, Clock clock, String name) {
        SlotPlanner planner = new SlotPlanner(yard, clock);
        return new YardSimulation.Policy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public YardSlot place(YardModel ignored, SlotRequest request) {
                return planner.announce(request) instanceof SlotDecision.Placed placed ? placed.slot() : null;
            }
        };
    }

    /** The allowed stack top nearest (by lanes) to where the container comes from; ties to the lower stack number. */
    static YardSimulation.Policy nearestFreeSlot(Clock clock) {
        return new YardSimulation.Policy() {
            @Override
            public String name() {
                return "nearest free slot";
            }

            @Override
            public YardSlot place(YardModel yard, SlotRequest request) {
                YardBox box = YardBox.of(request);
                int best = -1;
                double bestMetres = Double.MAX_VALUE;
                for (int s = 0; s < yard.stackCount(); s++) {
                    if (yard.check(box, s) == null) {
                        double metres = lanes(yard.centre(s, box.length().yardBays()), request.origin());
                        if (metres < bestMetres) {
                            bestMetres = metres;
                            best = s;
                        }
                    }
                }
                return best < 0 ? null : yard.place(box, best, clock.instant());
            }
        };
    }

    /** Any allowed stack top, uniformly at random (seeded). */
    static YardSimulation.Policy random(long seed, Clock clock) {
        Random random = new Random(seed);
        return new YardSimulation.Policy() {
            @Override
            public String name() {
                return "random";
            }

            @Override
            public YardSlot place(YardModel yard, SlotRequest request) {
                YardBox box = YardBox.of(request);
                List<Integer> allowed = new ArrayList<>();
                for (int s = 0; s < yard.stackCount(); s++) {
                    if (yard.check(box, s) == null) {
                        allowed.add(s);
                    }
                }
                return allowed.isEmpty() ? null
                        : yard.place(box, allowed.get(random.nextInt(allowed.size())), clock.instant());
            }
        };
    }

    private static double lanes(Position a, Position b) {
        return Math.abs(a.x() - b.x()) + Math.abs(a.y() - b.y());
    }
}
