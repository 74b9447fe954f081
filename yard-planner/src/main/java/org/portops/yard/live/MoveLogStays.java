package org.portops.yard.live;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.portops.model.container.Container;
import org.portops.model.work.MoveKind;
import org.portops.state.json.ModelJson;
import org.portops.state.store.LogEntry;

/**
 * Pairs the move log's arrivals with departures into stays, entry by entry in sequence order, so the planner can read
 * the log once and then only what was appended since. An arrival is a DISCHARGE or GATE_IN carrying the container's
 * master data (the writer logs it with every arrival); a departure is a LOAD or GATE_OUT of a container that
 * arrived. Containers found in place at go-live (INVENTORY) have no known arrival and give no stay; neither does a
 * container still in the terminal. Only the newest {@code keep} stays are kept.
 */
final class MoveLogStays {

    private record Arrival(Container container, Instant at) {
    }

    private final int keep;
    private final Map<String, Arrival> inTerminal = new HashMap<>();
    private final Deque<Stay> stays = new ArrayDeque<>();
    private long lastSeq;
    private int unreadable;

    MoveLogStays(int keep) {
        this.keep = keep;
    }

    void accept(LogEntry entry) {
        lastSeq = Math.max(lastSeq, entry.seq());
        if (entry.container() == null) {
            return;
        }
        if (isKind(entry, MoveKind.DISCHARGE) || isKind(entry, MoveKind.GATE_IN)) {
            arrived(entry);
        } else if (isKind(entry, MoveKind.LOAD) || isKind(entry, MoveKind.GATE_OUT)) {
            Arrival arrival = inTerminal.remove(entry.container());
            if (arrival != null && entry.recordedAt().isAfter(arrival.at())) {
                stays.addLast(new Stay(arrival.container(), arrival.at(), entry.recordedAt()));
                if (stays.size() > keep) {
                    stays.removeFirst();
                }
            }
        }
    }

    private void arrived(LogEntry entry) {
        JsonObject master = entry.payload().getJsonObject("container");
        if (master == null) {
            return;
        }
        try {
            inTerminal.put(entry.container(), new Arrival(ModelJson.container(master), entry.recordedAt()));
        } catch (RuntimeException e) {
            // master data the model refuses (it was checked when written, so only an old format): no stay to learn
            unreadable++;
        }
    }

    private static boolean isKind(LogEntry entry, MoveKind kind) {
        return kind.name().equals(entry.kind());
    }

    /** The sequence of the last entry read; the next read starts after it. */
    long lastSeq() {
        return lastSeq;
    }

    int unreadable() {
        return unreadable;
    }

    List<Stay> stays() {
        return new ArrayList<>(stays);
    }
}
