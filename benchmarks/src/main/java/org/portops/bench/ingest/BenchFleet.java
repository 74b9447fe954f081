package org.portops.bench.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.layout.TerminalBounds;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.telemetry.GeoReference;
import org.portops.model.telemetry.StateReading;

/**
 * The machines the load publishes for: the layout's equipment, each with a reading template (standing still at its
 * own spot inside the terminal, with the fields its kind has) and its own sequence counter. Machines are ordered so
 * that any prefix of the list mixes every kind in the layout's proportions.
 */
final class BenchFleet {

    private final List<StateReading> templates;
    /** One counter per machine across its topics; each machine is published by one thread at a time. */
    private final long[] sequences;

    BenchFleet(TerminalLayout layout) {
        TerminalBounds bounds = TerminalBounds.of(layout);
        List<Equipment> machines = new ArrayList<>(layout.allEquipment());
        int total = machines.size();
        // spread each fleet evenly over the order: machine k of a fleet of n sits at k/n
        List<double[]> keyed = new ArrayList<>();
        List<EquipmentKind> kinds = machines.stream().map(Equipment::kind).distinct().toList();
        for (EquipmentKind kind : kinds) {
            List<Equipment> fleet = machines.stream().filter(m -> m.kind() == kind).toList();
            for (int k = 0; k < fleet.size(); k++) {
                keyed.add(new double[] {(k + 0.5) / fleet.size(), machines.indexOf(fleet.get(k))});
            }
        }
        keyed.sort(Comparator.comparingDouble((double[] key) -> key[0]).thenComparingDouble(key -> key[1]));
        templates = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            Equipment machine = machines.get((int) keyed.get(i)[1]);
            templates.add(template(machine, spot(bounds, i)));
        }
        sequences = new long[total];
    }

    int size() {
        return templates.size();
    }

    StateReading template(int machine) {
        return templates.get(machine);
    }

    long nextSequence(int machine) {
        return ++sequences[machine];
    }

    private static Position spot(TerminalBounds bounds, int i) {
        double width = bounds.maxX() - bounds.minX() - 20;
        double depth = bounds.maxY() - Math.max(bounds.minY(), 0) - 20;
        return new Position(bounds.minX() + 10 + (i * 37.3) % width, Math.max(bounds.minY(), 0) + 10 + (i * 13.7) % depth);
    }

    private static StateReading template(Equipment machine, Position position) {
        EquipmentKind kind = machine.kind();
        boolean crane = kind.isQuayCrane() || kind.isYardCrane();
        boolean spreader = crane || kind == EquipmentKind.STRADDLE_CARRIER || kind == EquipmentKind.REACH_STACKER;
        boolean shorePower = kind.isQuayCrane() || kind == EquipmentKind.RMG || kind == EquipmentKind.ASC;
        return new StateReading(machine.id(), 0, Instant.EPOCH, kind, position,
                GeoReference.SAMPLE.toWgs84(position), 0.0, 0.0, EquipmentStatus.WORKING,
                spreader ? Spreader.UNLOCKED : null, null, 0, crane ? 12.0 : null, crane ? 0.0 : null, 61.5, 2.3,
                shorePower ? null : 80.0, List.of());
    }
}
