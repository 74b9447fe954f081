package org.portops.state.custody;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/** Drops any claim on a container: a new writer taking over clears what no log row backs. */
public record ClearClaim() implements EntryProcessor<String, TrackedContainer, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, TrackedContainer> entry) {
        TrackedContainer tracked = entry.getValue();
        if (tracked == null || tracked.pendingSequence() == 0) {
            return false;
        }
        entry.setValue(tracked.inTerminal()
                ? new TrackedContainer(tracked.container(), tracked.location(), tracked.sequence(), 0)
                : null);
        return true;
    }
}
