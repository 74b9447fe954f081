package org.portops.model.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.portops.model.Validation;
import org.portops.model.container.UnLocode;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.quay.Quay;
import org.portops.model.yard.BlockId;

/**
 * The fixed shape of a terminal: quay and berths, yard blocks, equipment fleets and gate lanes. Block ids, gate
 * lane ids and expanded equipment ids are unique. Load one with {@link TerminalLayoutLoader}.
 */
public record TerminalLayout(String terminalCode, String name, UnLocode port, Quay quay, List<BlockLayout> blocks,
                             List<EquipmentSpec> equipment, List<GateLane> gateLanes) {

    /** Terminal codes: 2..16 of A-Z, 0-9, '-'. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,15}");

    public TerminalLayout {
        Validation.matching(terminalCode, CODE, "terminal code", "2..16 of A-Z, 0-9, '-'");
        Validation.notNull(name, "terminal name");
        Validation.notNull(port, "port of terminal " + terminalCode);
        Validation.notNull(quay, "quay of terminal " + terminalCode);
        blocks = List.copyOf(Validation.notNull(blocks, "blocks"));
        equipment = List.copyOf(Validation.notNull(equipment, "equipment"));
        gateLanes = List.copyOf(Validation.notNull(gateLanes, "gate lanes"));
        List<String> problems = new ArrayList<>();
        duplicates(blocks.stream().map(b -> b.id().value()).toList(), "block", problems);
        duplicates(gateLanes.stream().map(GateLane::id).toList(), "gate lane", problems);
        duplicates(equipment.stream().flatMap(s -> s.expand().stream()).map(e -> e.id().value()).toList(),
                "equipment", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("terminal " + terminalCode + ": " + String.join("; ", problems));
        }
    }

    public Optional<BlockLayout> block(BlockId id) {
        return blocks.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** Every machine of every fleet, in fleet order. */
    public List<Equipment> allEquipment() {
        return equipment.stream().flatMap(spec -> spec.expand().stream()).toList();
    }

    public Optional<Equipment> equipment(EquipmentId id) {
        return allEquipment().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Sum of the blocks' capacities, in 20' slots. */
    public int capacitySlots() {
        return blocks.stream().mapToInt(BlockLayout::capacitySlots).sum();
    }

    private static void duplicates(List<String> ids, String what, List<String> problems) {
        Set<String> seen = new HashSet<>();
        Map<String, Boolean> reported = new HashMap<>();
        for (String id : ids) {
            if (!seen.add(id) && reported.putIfAbsent(id, true) == null) {
                problems.add("duplicate " + what + " " + id);
            }
        }
    }
}
