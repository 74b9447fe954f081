package org.portops.state.custody;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Undoes {@link ClaimContainer} of a move that was refused elsewhere or could not be logged: the container stays
 * where it is; an arrival that never happened leaves no entry. Idempotent.
 */
public record ReleaseClaim(String container, long seq) implements EntryProcessor<String, TrackedContainer, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, TrackedContainer> entry) {
        TrackedContainer tracked = entry.getValue();
        if (tracked == null || tracked.pendingSequence() != seq) {
            return false;
        }
        if (!tracked.inTerminal()) {
            entry.setValue(null);
        } else {
            entry.setValue(new TrackedContainer(tracked.container(), tracked.location(), tracked.sequence(), 0));
        }
        return true;
    }
}
