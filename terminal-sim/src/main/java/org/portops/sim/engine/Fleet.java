package org.portops.sim.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.yard.YardSlot;

/**
 * Every simulated machine, built from the layout's fleets: quay cranes spread along the quay, yard cranes shared
 * out over the blocks of their kind (each working an equal stretch of bays), tractors parked on the apron, the
 * rest parked behind the yard.
 */
final class Fleet {

    final List<SimMachine> all = new ArrayList<>();
    final List<SimQuayCrane> quayCranes = new ArrayList<>();
    final List<SimYardCrane> yardCranes = new ArrayList<>();
    final List<SimTractor> tractors = new ArrayList<>();
    private final Map<EquipmentId, SimMachine> byId = new LinkedHashMap<>();

    Fleet(TerminalLayout layout, TerminalGeometry geometry, Random random) {
        List<Equipment> equipment = layout.allEquipment();
        List<Equipment> quay = equipment.stream().filter(e -> e.kind().isQuayCrane()).toList();
        double quayLength = layout.quay().lengthMeters();
        for (int i = 0; i < quay.size(); i++) {
            double x = quayLength * (i + 0.5) / quay.size();
            add(new SimQuayCrane(quay.get(i), random, x));
        }
        for (EquipmentKind kind : List.of(EquipmentKind.RTG, EquipmentKind.RMG, EquipmentKind.ASC)) {
            yardCranes(layout, equipment.stream().filter(e -> e.kind() == kind).toList(), kind, random);
        }
        List<Equipment> transport = equipment.stream().filter(e -> e.kind().isHorizontalTransport()).toList();
        for (int i = 0; i < transport.size(); i++) {
            double x = Math.min(geometry.maxX() - 5, 20 + (i % 60) * quayLength / 62);
            double y = TerminalGeometry.APRON_QUEUE_Y + 8 + (i / 60) * 6;
            add(new SimTractor(transport.get(i), random, new Position(x, y)));
        }
        List<Equipment> others = equipment.stream().filter(e -> e.kind() == EquipmentKind.REACH_STACKER
                || e.kind().isYardCrane() && layout.blocks().stream().noneMatch(b -> b.craneKind() == e.kind())).toList();
        for (int i = 0; i < others.size(); i++) {
            add(new SimStandby(others.get(i), random, new Position(30 + i * 12, geometry.maxY() - 10)));
        }
        all.sort(Comparator.comparing(m -> m.id().value()));
    }

    private void yardCranes(TerminalLayout layout, List<Equipment> cranes, EquipmentKind kind, Random random) {
        List<BlockLayout> blocks = layout.blocks().stream().filter(b -> b.craneKind() == kind).toList();
        if (blocks.isEmpty() || cranes.isEmpty()) {
            return;
        }
        Map<BlockLayout, List<Equipment>> perBlock = new LinkedHashMap<>();
        for (int i = 0; i < cranes.size(); i++) {
            perBlock.computeIfAbsent(blocks.get(i % blocks.size()), b -> new ArrayList<>()).add(cranes.get(i));
        }
        perBlock.forEach((block, assigned) -> {
            int n = Math.min(assigned.size(), Math.max(1, block.bays() / 4));
            for (int i = 0; i < assigned.size(); i++) {
                int share = i % n;
                int from = 1 + block.bays() * share / n;
                int to = block.bays() * (share + 1) / n;
                if (from % 2 == 0) {
                    from++;
                }
                if (to % 2 == 1 && to < block.bays()) {
                    to++;
                }
                if (i < n) {
                    add(new SimYardCrane(assigned.get(i), random, block, from, to));
                } else {
                    add(new SimStandby(assigned.get(i), random, TerminalGeometry.truckLanePoint(block, block.origin().x())));
                }
            }
        });
    }

    private void add(SimMachine machine) {
        all.add(machine);
        byId.put(machine.id(), machine);
        switch (machine) {
            case SimQuayCrane qc -> quayCranes.add(qc);
            case SimYardCrane yc -> yardCranes.add(yc);
            case SimTractor tt -> tractors.add(tt);
            case SimStandby standby -> {
                // Parked machines only report; nothing dispatches to them.
            }
        }
    }

    /** Every yard crane whose stretch takes in {@code slot}, faulted, directed or not. */
    List<SimYardCrane> yardCranesCovering(YardSlot slot) {
        return yardCranes.stream().filter(c -> c.covers(slot)).toList();
    }

    Optional<SimMachine> machine(EquipmentId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The yard crane working the slot's bay for the autonomous operation, or null when none does. */
    SimYardCrane craneFor(YardSlot slot) {
        for (SimYardCrane crane : yardCranes) {
            if (crane.covers(slot) && !crane.faulted() && !crane.directed) {
                return crane;
            }
        }
        return null;
    }

    Optional<SimTractor> freeTractorNear(Position point) {
        return tractors.stream().filter(t -> t.free() && !t.directed)
                .min(Comparator.comparingDouble((SimTractor t) -> t.position().distanceTo(point))
                        .thenComparing(t -> t.id().value()));
    }
}
