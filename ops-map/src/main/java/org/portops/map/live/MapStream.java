package org.portops.map.live;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One browser's server-sent event stream: a {@code snapshot} event first, then every {@code delta}. Deltas that
 * arrive while the snapshot is being read are held and sent after it (a delta re-applied over a snapshot that
 * already has it changes nothing, as deltas carry states, not differences). A browser too slow to take the deltas
 * does not make the server queue them without end: while its connection's write queue is full the deltas are
 * dropped, and once it drains the browser gets a fresh snapshot. Lives on the context of the request.
 */
public final class MapStream {

    private final HttpServerResponse response;
    private final Supplier<Future<JsonObject>> snapshots;
    private final List<String> held = new ArrayList<>();
    private boolean live;
    private boolean resyncing;
    private boolean closed;

    public MapStream(HttpServerResponse response, Supplier<Future<JsonObject>> snapshots) {
        this.response = response;
        this.snapshots = snapshots;
    }

    /** Starts the stream: the retry hint for EventSource, then the snapshot. */
    public Future<Void> open() {
        response.setChunked(true)
                .putHeader("content-type", "text/event-stream")
                .putHeader("cache-control", "no-cache")
                .putHeader("x-accel-buffering", "no");
        response.write("retry: 1000\n\n");
        response.drainHandler(v -> {
            if (resyncing) {
                resync();
            }
        });
        return sendSnapshot();
    }

    public void delta(String json) {
        if (closed) {
            return;
        }
        if (!live) {
            if (!resyncing) {
                held.add(json);
            }
            return;
        }
        if (response.writeQueueFull()) {
            live = false;
            resyncing = true;
            held.clear();
            return;
        }
        response.write("event: delta\ndata: " + json + "\n\n");
    }

    /** A comment line, so proxies and the browser see a quiet stream is alive. */
    public void ping() {
        if (!closed && !response.writeQueueFull()) {
            response.write(": ping\n\n");
        }
    }

    public void close() {
        closed = true;
        held.clear();
    }

    private void resync() {
        resyncing = false;
        sendSnapshot();
    }

    private Future<Void> sendSnapshot() {
        return snapshots.get().map(snapshot -> {
            if (closed) {
                return null;
            }
            response.write("event: snapshot\ndata: " + snapshot.encode() + "\n\n");
            live = true;
            for (String json : held) {
                response.write("event: delta\ndata: " + json + "\n\n");
            }
            held.clear();
            return null;
        });
    }
}
