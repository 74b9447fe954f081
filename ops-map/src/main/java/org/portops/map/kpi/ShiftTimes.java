package org.portops.map.kpi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.portops.model.equipment.EquipmentStatus;

/** The quay cranes' time in the shift running at {@code at}: what each did from the shift's start until then. */
public record ShiftTimes(Instant start, Instant end, Instant at, List<CraneTimes> cranes) {

    public ShiftTimes {
        cranes = List.copyOf(cranes);
    }

    /** A crane doing one thing from {@code from} to {@code to}. */
    public record Period(EquipmentStatus status, Instant from, Instant to) {
    }

    /** A crane's periods in the shift, in time order; the shift before the first is not seen. */
    public record CraneTimes(String crane, List<Period> periods) {

        public CraneTimes {
            periods = List.copyOf(periods);
        }

        public Duration idle() {
            return CraneShiftClock.total(periods, EquipmentStatus.IDLE);
        }

        public Duration working() {
            return CraneShiftClock.total(periods, EquipmentStatus.WORKING);
        }

        /** In fault or offline. */
        public Duration down() {
            return CraneShiftClock.total(periods, EquipmentStatus.FAULT, EquipmentStatus.OFFLINE);
        }
    }

    public JsonObject toJson() {
        return new JsonObject().put("start", start.toString()).put("end", end.toString()).put("at", at.toString())
                .put("cranes", new JsonArray(cranes.stream().map(c -> new JsonObject().put("crane", c.crane())
                        .put("idleSeconds", c.idle().toSeconds()).put("workingSeconds", c.working().toSeconds())
                        .put("downSeconds", c.down().toSeconds())
                        .put("periods", new JsonArray(c.periods().stream().map(p -> new JsonArray()
                                .add(p.status().name()).add(p.from().toString()).add(p.to().toString())).toList())))
                        .toList()));
    }
}
