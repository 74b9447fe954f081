package org.portops.vessel.api.jit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerLength;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.Location;
import org.portops.model.work.VesselLocation;

/**
 * A vessel call as DCSA JIT 2.0 sees it: one port call with one terminal call, and the port call services the
 * terminal provides (berth arrival and departure, start and completion of cargo operations). Ids are name-based
 * UUIDs of the call id, so they are stable without being stored. The cargo-operations service carries the moves
 * forecast: per carrier, the loads, discharges and restows still to do, by length and laden / empty / reefer.
 */
public final class PortCallServices {

    /** A service PortOps provides for every call. */
    public enum Service {
        BERTH_ARRIVAL("BERTH", "ARRI"),
        BERTH_DEPARTURE("BERTH", "DEPA"),
        CARGO_START("CARGO_OPERATIONS", "STRT"),
        CARGO_COMPLETION("CARGO_OPERATIONS", "CMPL");

        private final String typeCode;
        private final String eventTypeCode;

        Service(String typeCode, String eventTypeCode) {
            this.typeCode = typeCode;
            this.eventTypeCode = eventTypeCode;
        }

        public String typeCode() {
            return typeCode;
        }
    }

    private final TerminalLayout terminal;

    public PortCallServices(TerminalLayout terminal) {
        this.terminal = terminal;
    }

    public static UUID portCallId(VesselCall call) {
        return uuid("port-call:" + call.id());
    }

    public static UUID terminalCallId(VesselCall call) {
        return uuid("terminal-call:" + call.id());
    }

    public static UUID serviceId(VesselCall call, Service service) {
        return serviceId(call.id(), service);
    }

    public static UUID serviceId(VesselCallId call, Service service) {
        return uuid("port-call-service:" + call + ":" + service.name());
    }

    /**
     * The terminal's timestamp of a service at a time: a name-based UUID of service, classifier and time, so it stays
     * the same while the time does and a new time is a new timestamp, whether served or pushed.
     */
    public static UUID terminalTimestampId(UUID service, String classifier, Instant at) {
        return UUID.nameUUIDFromBytes(("portops-jit:berth-plan:" + service + ":" + classifier + ":" + at)
                .getBytes(StandardCharsets.UTF_8));
    }

    public JsonObject terminalCall(VesselCall call) {
        return new JsonObject()
                .put("terminalCallID", terminalCallId(call).toString())
                .put("portCallID", portCallId(call).toString())
                .put("terminalCallReference", call.id().value())
                .put("carrierServiceName", call.line().code() + " " + call.vessel().name())
                .put("carrierServiceCode", call.line().code())
                .put("carrierImportVoyageNumber", call.voyage().value())
                .put("carrierExportVoyageNumber", call.voyage().value())
                .put("omitted", false);
    }

    /**
     * The service as DCSA describes it; {@code whereIs} tells where each bay-plan container is now, for the
     * moves still to do.
     */
    public JsonObject service(VesselCall call, Service service, Map<String, Location> whereIs) {
        JsonObject json = new JsonObject()
                .put("terminalCallID", terminalCallId(call).toString())
                .put("portCallServiceID", serviceId(call, service).toString())
                .put("portCallServiceTypeCode", service.typeCode)
                .put("portCallServiceEventTypeCode", service.eventTypeCode)
                .put("portCallPhaseTypeCode", "ALGS")
                .put("facilityTypeCode", "BRTH")
                .put("portCallServiceLocation", new JsonObject()
                        .put("locationName", terminal.name())
                        .put("UNLocationCode", terminal.port().value())
                        .put("facility", new JsonObject().put("facilityCode", terminal.terminalCode())
                                .put("facilityCodeListProvider", "SMDG")))
                .put("cancelled", false)
                .put("declined", false);
        if (service == Service.CARGO_START) {
            json.put("moves", moves(call, whereIs));
        }
        return json;
    }

    /** Loads, discharges and restows still to do, per carrier (the container's line). */
    static JsonArray moves(VesselCall call, Map<String, Location> whereIs) {
        Map<String, Counts> byCarrier = new TreeMap<>();
        for (BayPlanEntry entry : call.bayPlan().entries()) {
            Location now = whereIs.get(entry.container().number().value());
            Counts counts = byCarrier.computeIfAbsent(entry.container().line().code(), c -> new Counts());
            boolean onThisCall = now instanceof VesselLocation on && on.call().equals(call.id());
            switch (entry.action()) {
                case DISCHARGE -> {
                    if (onThisCall) {
                        counts.discharge.add(entry.container());
                    }
                }
                case LOAD -> {
                    if (!new VesselLocation(call.id(), entry.slot()).equals(now)) {
                        counts.load.add(entry.container());
                    }
                }
                case RESTOW -> {
                    if (onThisCall) {
                        counts.restows++;
                    }
                }
                case REMAIN_ON_BOARD -> {
                }
            }
        }
        JsonArray moves = new JsonArray();
        byCarrier.forEach((carrier, counts) -> moves.add(new JsonObject()
                .put("carrierCode", carrier)
                .put("carrierCodeListProvider", "SMDG")
                .put("loadUnits", counts.load.toJson())
                .put("dischargeUnits", counts.discharge.toJson())
                .put("restows", new JsonObject().put("totalRestows", counts.restows))));
        return moves;
    }

    /** Units by kind and length. */
    private static final class Units {
        private final Map<String, Map<ContainerLength, Integer>> byKind = new TreeMap<>();

        void add(Container container) {
            String kind = container.category() == ContainerCategory.EMPTY ? "emptyContainerUnits"
                    : container.isReefer() ? "reeferPluggedContainerUnits" : "ladenContainerUnits";
            byKind.computeIfAbsent(kind, k -> new EnumMap<>(ContainerLength.class))
                    .merge(container.length(), 1, Integer::sum);
        }

        JsonObject toJson() {
            JsonObject json = new JsonObject();
            for (String kind : List.of("ladenContainerUnits", "emptyContainerUnits", "reeferPluggedContainerUnits")) {
                Map<ContainerLength, Integer> lengths = byKind.getOrDefault(kind, Map.of());
                json.put(kind, new JsonObject()
                        .put("_20_units", lengths.getOrDefault(ContainerLength.TWENTY, 0))
                        .put("_40_units", lengths.getOrDefault(ContainerLength.FORTY, 0))
                        .put("_45_units", lengths.getOrDefault(ContainerLength.FORTY_FIVE, 0)));
            }
            return json;
        }
    }

    private static final class Counts {
        private final Units load = new Units();
        private final Units discharge = new Units();
        private int restows;
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(("portops-jit:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
