package org.portops.ingest.state;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Holds the latest state per machine until it can be written to live state, and writes it as soon as no write is
 * in flight: one batch at a time, the next one leaving the moment the previous one is in Hazelcast. So an idle
 * ingest shows a reading at once, and a busy one coalesces exactly as much as its write latency requires: while a
 * batch is in flight, newer readings of a machine replace its pending one (latest wins; the replaced ones are
 * counted). Not thread-safe: used on the ingest's Vert.x context, and write completions come back to it.
 */
public final class EquipmentCoalescer {

    private static final Logger LOG = LoggerFactory.getLogger(EquipmentCoalescer.class);

    /** A state waiting for live state, with when its reading arrived (for the stage timings). */
    private record Pending(EquipmentState state, Instant receivedAt, Instant acceptedAt) {
    }

    private final LiveYard yard;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final Context context;
    private Map<EquipmentId, Pending> pending = new LinkedHashMap<>();
    private Future<Void> inFlight;
    /** Completes when the states pending now (behind the batch in flight) are written. */
    private Promise<Void> nextBatch;

    /** @param context the ingest's context, which every call comes from and every completion goes back to */
    public EquipmentCoalescer(LiveYard yard, IngestMetrics metrics, Clock clock, Context context) {
        this.yard = yard;
        this.metrics = metrics;
        this.clock = clock;
        this.context = context;
    }

    /**
     * Takes a machine's state; it goes out with the next batch unless a newer one of the machine is pending (a reading
     * that arrived late, behind a newer one, is history only: live state keeps the newest).
     */
    public void offer(EquipmentState state, Instant receivedAt) {
        Pending held = pending.get(state.id());
        if (held != null) {
            metrics.coalesced();
            if (held.state().lastSeen().isAfter(state.lastSeen())) {
                return;
            }
        }
        pending.put(state.id(), new Pending(state, receivedAt, clock.instant()));
    }

    /** Forgets a machine's pending state (it was just marked offline; a stale reading must not undo that). */
    public void discard(EquipmentId machine) {
        pending.remove(machine);
    }

    /**
     * Writes the pending states now, or right after the batch in flight; completes when they are in live state.
     */
    public Future<Void> flush() {
        if (inFlight == null) {
            return pending.isEmpty() ? Future.succeededFuture() : write();
        }
        if (pending.isEmpty()) {
            return inFlight;
        }
        if (nextBatch == null) {
            nextBatch = Promise.promise();
        }
        return nextBatch.future();
    }

    private Future<Void> write() {
        Map<EquipmentId, Pending> batch = pending;
        pending = new LinkedHashMap<>();
        Instant sent = clock.instant();
        List<Future<?>> writes = new ArrayList<>(batch.size());
        for (Pending p : batch.values()) {
            metrics.stage(IngestMetrics.Stage.COALESCED, Duration.between(p.acceptedAt(), sent));
            writes.add(yard.updateEquipment(p.state()).onFailure(e -> LOG.warn("state of {} not updated: {}",
                    p.state().id(), e.toString())));
        }
        Promise<Void> written = Promise.promise();
        inFlight = written.future();
        Future.join(writes).onComplete(result -> context.runOnContext(v -> {
            Instant done = clock.instant();
            metrics.stage(IngestMetrics.Stage.WRITTEN, Duration.between(sent, done));
            for (Pending p : batch.values()) {
                metrics.stage(IngestMetrics.Stage.TOTAL, Duration.between(p.receivedAt(), done));
            }
            inFlight = null;
            written.complete();
            Promise<Void> waiting = nextBatch;
            nextBatch = null;
            Future<Void> next = flush();
            if (waiting != null) {
                next.onComplete(waiting);
            }
        }));
        return inFlight;
    }
}
