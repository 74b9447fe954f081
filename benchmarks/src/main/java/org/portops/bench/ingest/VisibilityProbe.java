package org.portops.bench.ingest;

import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.portops.bench.support.Latencies;
import org.portops.model.equipment.EquipmentState;

/**
 * Publish-to-visible latency on a sample of machines: an entry listener on the live equipment map, filtered to the
 * sample's keys, takes each update's {@code lastSeen} (the reading's timestamp, which the publisher set when it
 * handed the reading to MQTT) from the moment Hazelcast reports the update. Readings the ingest coalesced away
 * never become visible and are not counted; each visible state is.
 */
final class VisibilityProbe implements AutoCloseable {

    private final IMap<String, EquipmentState> equipment;
    private final UUID registration;
    private Latencies latencies = new Latencies();
    private boolean recording;

    VisibilityProbe(IMap<String, EquipmentState> equipment, Set<String> sample) {
        this.equipment = equipment;
        EntryUpdatedListener<String, EquipmentState> listener = event -> seen(event.getValue());
        this.registration = equipment.addEntryListener(listener,
                Predicates.in("__key", sample.toArray(String[]::new)), true);
    }

    private synchronized void seen(EquipmentState state) {
        if (recording) {
            latencies.record(Duration.between(state.lastSeen(), Instant.now()).toNanos());
        }
    }

    /** Starts a fresh sample. */
    synchronized void start() {
        latencies = new Latencies();
        recording = true;
    }

    /** Ends the sample and returns it. */
    synchronized Latencies stop() {
        recording = false;
        return latencies;
    }

    @Override
    public void close() {
        equipment.removeEntryListener(registration);
    }
}
