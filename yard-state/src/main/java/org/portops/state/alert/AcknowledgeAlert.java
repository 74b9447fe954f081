package org.portops.state.alert;

import com.hazelcast.map.EntryProcessor;
import java.time.Instant;
import java.util.Map;

/**
 * Records that an operator has seen an active alert. Refuses an alert that is not on the board and one already
 * acknowledged (the first acknowledgement stands, with who and when).
 *
 * @return null when applied, else why not
 */
public record AcknowledgeAlert(String operator, Instant at) implements EntryProcessor<String, ActiveAlert, String> {

    @Override
    public String process(Map.Entry<String, ActiveAlert> entry) {
        ActiveAlert current = entry.getValue();
        if (current == null) {
            return "alert " + entry.getKey() + " is not active";
        }
        if (current.acknowledged()) {
            return "alert " + entry.getKey() + " was already acknowledged by " + current.acknowledgedBy() + " at "
                    + current.acknowledgedAt();
        }
        entry.setValue(new ActiveAlert(current.kind(), current.subject(), current.aspect(), current.text(),
                current.firstSeen(), current.lastSeen(), current.occurrences(), operator, at));
        return null;
    }
}
