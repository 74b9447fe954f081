package org.portops.state.custody;

import com.hazelcast.map.EntryProcessor;
import org.portops.model.work.Location;

import java.util.Map;

/**
 * The linearization point of move {@code seq}: in one atomic update the container's location becomes the
 * destination (or, with {@code to} null, the container leaves the terminal and its entry goes). Before it every
 * reader finds the container at its origin, after it at its destination. Applies only to the move that claimed
 * the container; re-applying is a no-op.
 *
 * @return whether the location switched now
 */
public record SwitchLocation(String container, long seq, String to)
        implements EntryProcessor<String, TrackedContainer, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, TrackedContainer> entry) {
        TrackedContainer tracked = entry.getValue();
        if (tracked == null || tracked.sequence() >= seq || tracked.pendingSequence() != seq) {
            return false;
        }
        if (to == null) {
            entry.setValue(null);
        } else {
            entry.setValue(new TrackedContainer(tracked.container(), Location.parse(to), seq, 0));
        }
        return true;
    }
}
