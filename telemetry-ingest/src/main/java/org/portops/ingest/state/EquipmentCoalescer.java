package org.portops.ingest.state;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portops.ingest.IngestMetrics;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentState;
import org.portops.state.LiveYard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the latest state per machine between flushes and writes it to live state: under a high reading rate only
 * the newest reading of each machine per flush interval reaches Hazelcast (latest wins; the replaced ones are
 * counted). One flush at a time: while one is in flight, newer readings keep replacing each other here. Not
 * thread-safe: used on the ingest's Vert.x context.
 */
public final class EquipmentCoalescer {

    private static final Logger LOG = LoggerFactory.getLogger(EquipmentCoalescer.class);

    private final LiveYard yard;
    private final IngestMetrics metrics;
    private Map<EquipmentId, EquipmentState> pending = new LinkedHashMap<>();
    private Future<Void> inFlight;

    public EquipmentCoalescer(LiveYard yard, IngestMetrics metrics) {
        this.yard = yard;
        this.metrics = metrics;
    }

    public void offer(EquipmentState state) {
        if (pending.put(state.id(), state) != null) {
            metrics.coalesced();
        }
    }

    /** Forgets a machine's pending state (it was just marked offline; a stale reading must not undo that). */
    public void discard(EquipmentId machine) {
        pending.remove(machine);
    }

    /** Writes the pending states; completes when they are in live state. */
    public Future<Void> flush() {
        if (inFlight != null || pending.isEmpty()) {
            return inFlight != null ? inFlight : Future.succeededFuture();
        }
        Map<EquipmentId, EquipmentState> batch = pending;
        pending = new LinkedHashMap<>();
        List<Future<?>> writes = new ArrayList<>(batch.size());
        for (EquipmentState state : batch.values()) {
            writes.add(yard.updateEquipment(state).onFailure(e -> LOG.warn("state of {} not updated: {}",
                    state.id(), e.toString())));
        }
        Future<Void> written = Future.join(writes).mapEmpty();
        inFlight = written;
        return written.transform(result -> {
            inFlight = null;
            return Future.succeededFuture();
        });
    }
}
