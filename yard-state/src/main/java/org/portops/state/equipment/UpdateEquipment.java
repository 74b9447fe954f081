package org.portops.state.equipment;

import com.hazelcast.map.EntryProcessor;
import org.portops.model.equipment.EquipmentState;

import java.util.Map;

/**
 * Replaces a machine's live state with a newer reading. Refuses a machine the registry does not know, a reading
 * that claims another kind of machine, and a reading older than the one held (telemetry arrives out of order).
 *
 * @return null when applied, else why not
 */
public record UpdateEquipment(EquipmentState state) implements EntryProcessor<String, EquipmentState, String> {

    @Override
    public String process(Map.Entry<String, EquipmentState> entry) {
        EquipmentState current = entry.getValue();
        if (current == null) {
            return "equipment " + state.id() + " is not registered";
        }
        if (current.kind() != state.kind()) {
            return "equipment " + state.id() + " is a " + current.kind() + ", not a " + state.kind();
        }
        if (state.lastSeen().isBefore(current.lastSeen())) {
            return "reading of " + state.id() + " at " + state.lastSeen() + " is older than the one held ("
                    + current.lastSeen() + ")";
        }
        entry.setValue(state);
        return null;
    }
}
