package org.portops.state.alert;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Takes an alert off the board: its condition is over.
 *
 * @return the alert that was cleared, or null when none was active
 */
public record ClearAlert() implements EntryProcessor<String, ActiveAlert, ActiveAlert> {

    @Override
    public ActiveAlert process(Map.Entry<String, ActiveAlert> entry) {
        ActiveAlert current = entry.getValue();
        if (current != null) {
            entry.setValue(null);
        }
        return current;
    }
}
