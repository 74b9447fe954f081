package org.portops.state.equipment;

import com.hazelcast.map.EntryProcessor;
import org.portops.model.equipment.EquipmentState;

import java.util.Map;

/** Gives a registered machine its first live state, keeping any state it already has. */
public record RegisterEquipment(EquipmentState initial) implements EntryProcessor<String, EquipmentState, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, EquipmentState> entry) {
        if (entry.getValue() != null) {
            return false;
        }
        entry.setValue(initial);
        return true;
    }
}
