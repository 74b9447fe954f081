package org.portops.crane.dispatch.mapping;

import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.YardSlot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which yard crane works which stretch of a block, from the layout: the yard cranes of a kind are dealt to the blocks
 * worked by that kind in layout order, and a block's cranes share its bays evenly (one crane per four bays at most;
 * the rest stand by). This is the split the terminal runs with (the simulator deals its fleet the same way), so a
 * dispatched move names the yard crane that will actually serve its yard end.
 */
public final class YardCranes {

    private record Stretch(EquipmentId crane, int fromBay, int toBay) {
    }

    private final Map<BlockId, List<Stretch>> byBlock;

    private YardCranes(Map<BlockId, List<Stretch>> byBlock) {
        this.byBlock = byBlock;
    }

    public static YardCranes of(TerminalLayout layout) {
        Map<BlockId, List<Stretch>> byBlock = new LinkedHashMap<>();
        for (EquipmentKind kind : EquipmentKind.values()) {
            if (!kind.isYardCrane()) {
                continue;
            }
            List<BlockLayout> blocks = layout.blocks().stream().filter(b -> b.craneKind() == kind).toList();
            List<Equipment> cranes = layout.allEquipment().stream().filter(e -> e.kind() == kind).toList();
            if (blocks.isEmpty()) {
                continue;
            }
            Map<BlockLayout, List<Equipment>> dealt = new LinkedHashMap<>();
            for (int i = 0; i < cranes.size(); i++) {
                dealt.computeIfAbsent(blocks.get(i % blocks.size()), b -> new ArrayList<>()).add(cranes.get(i));
            }
            dealt.forEach((block, assigned) -> {
                int n = Math.min(assigned.size(), Math.max(1, block.bays() / 4));
                List<Stretch> stretches = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int from = 1 + block.bays() * i / n;
                    int to = block.bays() * (i + 1) / n;
                    // a 40' stands on an odd bay and the next: stretches start odd and end even
                    from = from % 2 == 0 ? from + 1 : from;
                    to = to % 2 == 1 && to < block.bays() ? to + 1 : to;
                    stretches.add(new Stretch(assigned.get(i).id(), from, to));
                }
                byBlock.put(block.id(), List.copyOf(stretches));
            });
        }
        return new YardCranes(byBlock);
    }

    /** The yard crane of a yard slot; empty outside the yard or in a block no yard crane works. */
    public Optional<EquipmentId> craneFor(YardSlot slot) {
        int bay = slot.bay().number();
        return byBlock.getOrDefault(slot.block(), List.of()).stream()
                .filter(stretch -> bay >= stretch.fromBay() && bay <= stretch.toBay()).map(Stretch::crane).findFirst();
    }

    /** The yard crane at a discharge's or load's yard end. */
    public Optional<EquipmentId> craneFor(WorkInstruction move) {
        Location yardEnd = move.kind() == MoveKind.DISCHARGE ? move.to() : move.from();
        return yardEnd instanceof YardLocation yard ? craneFor(yard.slot()) : Optional.empty();
    }
}
