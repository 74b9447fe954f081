package org.portops.ingest.state;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portops.ingest.alert.Alerts;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.event.AlertKind;
import org.portops.state.LiveYard;

/**
 * Marks machines OFFLINE in live state, with an alert that clears when the machine is heard again: when one says
 * so on its {@code connection} topic (OFFLINE, or the broker's CONNECTIONBROKEN will), and when one has been silent
 * longer than the timeout. Silence is measured on the ingest's clock from the last accepted message; a machine never
 * heard counts from the ingest's start. A gateway's broken connection only raises an alert: the machines behind it
 * fall silent and are caught by the timeout. Not thread-safe: used on the ingest's Vert.x context.
 */
public final class OfflineDetector {

    private final LiveYard yard;
    private final EquipmentCoalescer coalescer;
    private final Alerts alerts;
    private final Clock clock;
    private final Duration timeout;
    private final Map<EquipmentId, Instant> lastHeard = new HashMap<>();
    private final Set<EquipmentId> offline = new HashSet<>();

    public OfflineDetector(LiveYard yard, Set<EquipmentId> equipment, EquipmentCoalescer coalescer, Alerts alerts,
                           Clock clock, Duration timeout) {
        this.yard = yard;
        this.coalescer = coalescer;
        this.alerts = alerts;
        this.clock = clock;
        this.timeout = timeout;
        Instant start = clock.instant();
        equipment.forEach(id -> lastHeard.put(id, start));
    }

    /**
     * A message of the machine was accepted. Unless it says the machine is going offline ({@code online} false: an
     * OFFLINE or CONNECTIONBROKEN connection message), the machine is back: its offline alert clears.
     */
    public void heard(EquipmentId machine, Instant at, boolean online) {
        if (lastHeard.containsKey(machine)) {
            lastHeard.put(machine, at);
            offline.remove(machine);
        }
        if (online) {
            alerts.clear(AlertKind.EQUIPMENT_OFFLINE, machine.value(), "", machine + " reported again at " + at);
        }
    }

    public boolean isOffline(EquipmentId machine) {
        return offline.contains(machine);
    }

    /** Marks every machine silent longer than the timeout. */
    public Future<Void> check() {
        Instant now = clock.instant();
        List<Future<Void>> marks = new ArrayList<>();
        lastHeard.forEach((machine, heard) -> {
            if (!offline.contains(machine) && heard.plus(timeout).isBefore(now)) {
                marks.add(markOffline(machine, "silent for " + Duration.between(heard, now).toSeconds()
                        + " s (timeout " + timeout.toSeconds() + " s)"));
            }
        });
        return Future.join(marks).mapEmpty();
    }

    /** Marks a machine offline now, for the reason given; a gateway or reefer monitor only raises the alert. */
    public Future<Void> markOffline(EquipmentId machine, String why) {
        if (!lastHeard.containsKey(machine)) {
            alerts.raise(AlertKind.EQUIPMENT_OFFLINE, machine.value(), machine + " is offline: " + why
                    + "; the machines behind it fall back on silence detection");
            return Future.succeededFuture();
        }
        offline.add(machine);
        coalescer.discard(machine);
        alerts.raise(AlertKind.EQUIPMENT_OFFLINE, machine.value(), machine + " is offline: " + why);
        return yard.reader().equipment(machine).compose(state -> state.isEmpty()
                || state.get().status() == EquipmentStatus.OFFLINE || !offline.contains(machine)
                ? Future.succeededFuture()
                : yard.updateEquipment(EquipmentStates.offline(state.get())).mapEmpty());
    }
}
