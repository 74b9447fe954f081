package org.portops.vessel.api.dcsa;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.portops.model.layout.TerminalLayout;
import org.portops.vessel.api.events.TerminalEvent;

/**
 * Terminal events as DCSA Track & Trace 3.0.0 events (the version of DCSA's conformance framework): container
 * moves across the quay and the gate as equipment events (LOAD, DISC, GTIN, GTOT, always ACT: the move log records
 * what happened), vessel-call arrivals and departures as transport events (ARRI, DEPA as PLN, EST or ACT). The
 * terminal is the originating party (function TR, its SMDG terminal code) and the event location. The event id is
 * a name-based UUID of the stream key, so an event keeps its id across pages, retries and restarts; events are
 * never updated, so {@code eventUpdatedDateTime} is when PortOps recorded them.
 */
public final class DcsaEvents {

    /** Move-log kinds that are DCSA equipment events, and their codes. */
    public static final Map<String, String> EQUIPMENT_CODES = Map.of(
            "LOAD", "LOAD", "DISCHARGE", "DISC", "GATE_IN", "GTIN", "GATE_OUT", "GTOT");

    private final TerminalLayout terminal;

    public DcsaEvents(TerminalLayout terminal) {
        this.terminal = terminal;
    }

    /** The terminal that publishes the events. */
    public TerminalLayout terminal() {
        return terminal;
    }

    /** The move-log kind of a DCSA equipment event code. */
    public static Optional<String> moveKind(String dcsaCode) {
        return EQUIPMENT_CODES.entrySet().stream().filter(e -> e.getValue().equals(dcsaCode))
                .map(Map.Entry::getKey).findFirst();
    }

    public static String eventId(TerminalEvent event) {
        return UUID.nameUUIDFromBytes(("portops-event:" + event.key()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public JsonObject toJson(TerminalEvent event) {
        JsonObject json = new JsonObject()
                .put("eventRouting", new JsonObject().put("originatingParty", new JsonObject()
                        .put("partyCode", terminal.terminalCode())
                        .put("codeListProvider", "SMDG")
                        .put("partyFunction", "TR")))
                .put("eventID", eventId(event))
                .put("eventUpdatedDateTime", event.createdAt().toString())
                .put("eventLocation", new JsonObject()
                        .put("locationName", terminal.name())
                        .put("UNLocationCode", terminal.port().value())
                        .put("facilityTypeCode", "POTE")
                        .put("facility", new JsonObject().put("facilityName", terminal.name())
                                .put("facilityCode", terminal.terminalCode()).put("facilityCodeListProvider", "SMDG")));
        switch (event) {
            case TerminalEvent.Move move -> equipment(json, move);
            case TerminalEvent.CallEvent call -> transport(json, call);
        }
        return json;
    }

    private static void equipment(JsonObject json, TerminalEvent.Move move) {
        json.put("eventDateTime", move.createdAt().toString())
                .put("eventClassification", new JsonObject()
                        .put("eventTypeCode", "EQUIPMENT")
                        .put("eventClassifierCode", "ACT")
                        .put("equipmentEventTypeCode", EQUIPMENT_CODES.get(move.kind())));
        JsonObject equipment = new JsonObject()
                .put("equipmentReference", move.container())
                .put("ISOEquipmentCode", move.sizeType())
                .put("emptyIndicatorCode", "EMPTY".equals(move.category()) ? "EMPTY" : "LADEN");
        if (!"EMPTY".equals(move.category())) {
            equipment.put("movementType", move.category());
        }
        json.put("equipmentDetails", equipment);
        if (move.call() != null) {
            json.put("transportDetails", new JsonObject().put("transportCall", transportCall(move.call())));
        }
    }

    private static void transport(JsonObject json, TerminalEvent.CallEvent event) {
        json.put("eventDateTime", event.time().toString())
                .put("eventClassification", new JsonObject()
                        .put("eventTypeCode", "TRANSPORT")
                        .put("eventClassifierCode", event.classifier())
                        .put("transportEventTypeCode", event.type()))
                .put("transportDetails", new JsonObject().put("transportCall", transportCall(event.call())));
    }

    private static JsonObject transportCall(TerminalEvent.CallInfo call) {
        JsonObject voyage = new JsonObject().put("carrierVoyageNumber", call.voyage());
        return new JsonObject()
                .put("transportCallReference", call.callId())
                .put("modeOfTransport", "VESSEL")
                .put("importVoyageNumberOrReference", voyage)
                .put("exportVoyageNumberOrReference", voyage.copy())
                .put("vesselTransport", new JsonObject().put("vesselIMONumber", call.imo())
                        .put("vesselName", call.vesselName()));
    }
}
