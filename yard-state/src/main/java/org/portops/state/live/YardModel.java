package org.portops.state.live;

import org.portops.model.container.Container;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.EquipmentLocation;
import org.portops.model.work.GateLocation;
import org.portops.model.work.Location;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.MoveRefusal;
import org.portops.state.block.BlockState;
import org.portops.state.custody.TrackedContainer;
import org.portops.state.json.ModelJson;
import org.portops.state.store.LogEntry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The live yard rebuilt in plain memory by replaying the move log in sequence order, with the same
 * {@link BlockState} rules the entry processors apply, before it is loaded into Hazelcast in bulk. A log entry that
 * does not replay means the log and the rules disagree: the rebuild stops and names the entry.
 */
public final class YardModel {

    private final Map<String, BlockState> blocks = new LinkedHashMap<>();
    private final Map<String, TrackedContainer> containers = new HashMap<>();
    private long lastSequence;

    public YardModel(TerminalLayout layout) {
        for (BlockLayout block : layout.blocks()) {
            blocks.put(block.id().value(), BlockState.empty(block));
        }
    }

    public Map<String, BlockState> blocks() {
        return blocks;
    }

    public Map<String, TrackedContainer> containers() {
        return containers;
    }

    public long lastSequence() {
        return lastSequence;
    }

    /** Applies one log entry. */
    public void apply(LogEntry entry) {
        switch (entry.kind()) {
            case LogEntry.SLOT_CLOSED, LogEntry.SLOT_OPENED -> {
                YardSlot slot = yardSlot(entry, Location.parse(entry.to()));
                check(entry, block(entry, slot).setClosed(slot.bay().number(), slot.row().number(),
                        slot.tier().level(), LogEntry.SLOT_CLOSED.equals(entry.kind())));
            }
            default -> applyMove(entry);
        }
        lastSequence = Math.max(lastSequence, entry.seq());
    }

    private void applyMove(LogEntry entry) {
        String number = entry.container();
        TrackedContainer tracked = containers.get(number);
        Location from = entry.from() == null ? null : Location.parse(entry.from());
        Location to = entry.to() == null ? null : Location.parse(entry.to());
        Container master;
        if (tracked != null) {
            if (!Objects.equals(from, tracked.location())) {
                throw corrupt(entry, "container is at " + tracked.location() + ", the entry moves it from " + from);
            }
            master = tracked.container();
        } else {
            if (from instanceof YardLocation || from instanceof EquipmentLocation) {
                throw corrupt(entry, "container is not in the terminal");
            }
            if (!entry.payload().containsKey("container")) {
                throw corrupt(entry, "arriving container has no master data");
            }
            master = ModelJson.container(entry.payload().getJsonObject("container"));
        }
        if (from instanceof YardLocation yard) {
            YardSlot slot = yard.slot();
            check(entry, block(entry, slot).remove(number, slot.bay().number(), slot.row().number(),
                    slot.tier().level()));
        }
        if (to instanceof YardLocation yard) {
            YardSlot slot = yard.slot();
            check(entry, block(entry, slot).place(number, slot.bay().number(), slot.row().number(),
                    slot.tier().level(), master.length().yardBays(), master.isReefer(), entry.seq()));
        }
        if (to == null || to instanceof GateLocation) {
            containers.remove(number);
        } else {
            containers.put(number, new TrackedContainer(master, to, entry.seq(), 0));
        }
    }

    private BlockState block(LogEntry entry, YardSlot slot) {
        BlockState block = blocks.get(slot.block().value());
        if (block == null) {
            throw corrupt(entry, "the layout has no block " + slot.block());
        }
        return block;
    }

    private static YardSlot yardSlot(LogEntry entry, Location location) {
        if (location instanceof YardLocation yard) {
            return yard.slot();
        }
        throw corrupt(entry, "a slot closure names " + location + ", not a yard slot");
    }

    private static void check(LogEntry entry, MoveRefusal refusal) {
        if (refusal != null) {
            throw corrupt(entry, refusal.reason());
        }
    }

    private static IllegalStateException corrupt(LogEntry entry, String problem) {
        return new IllegalStateException("move log entry " + entry.seq() + " (" + entry.kind() + " " + entry.container()
                + " " + entry.from() + " -> " + entry.to() + ") does not replay: " + problem);
    }
}
