package org.portops.sim;

import java.util.ArrayList;
import java.util.List;
import org.portops.model.layout.EquipmentSpec;
import org.portops.model.layout.TerminalLayout;

/**
 * Resizes a layout's fleets to a wanted number of machines, keeping their proportions (each fleet at least one);
 * a fleet above 999 (the id numbering's limit) continues in further fleets with prefixes {@code TTB}, {@code TTC}.
 * Used for smaller demos and for load tests with thousands of machines.
 */
public final class FleetSizer {

    private static final int MAX_FLEET = 999;

    private FleetSizer() {
    }

    public static TerminalLayout resize(TerminalLayout layout, int machines) {
        List<EquipmentSpec> specs = layout.equipment();
        int total = specs.stream().mapToInt(EquipmentSpec::count).sum();
        if (machines <= 0 || machines == total) {
            return layout;
        }
        if (machines < specs.size()) {
            throw new IllegalArgumentException("need at least " + specs.size() + " machines (one per fleet), asked "
                    + machines);
        }
        int[] counts = new int[specs.size()];
        int assigned = 0;
        int largest = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.max(1, (int) Math.floor(specs.get(i).count() * (double) machines / total));
            assigned += counts[i];
            largest = counts[i] > counts[largest] ? i : largest;
        }
        counts[largest] += machines - assigned;
        List<EquipmentSpec> resized = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            EquipmentSpec spec = specs.get(i);
            int left = counts[i];
            for (char suffix = 'A'; left > 0; suffix++) {
                int count = Math.min(MAX_FLEET, left);
                String prefix = suffix == 'A' ? spec.idPrefix() : spec.idPrefix() + suffix;
                resized.add(new EquipmentSpec(spec.kind(), prefix, count, spec.model()));
                left -= count;
            }
        }
        return new TerminalLayout(layout.terminalCode(), layout.name(), layout.port(), layout.quay(), layout.blocks(),
                resized, layout.gateLanes());
    }
}
