package org.portops.vessel.api.dcsa;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.portops.vessel.api.events.TerminalEvent;

/**
 * Terminal events as DCSA Track & Trace 3.0 events ({@code metadata} + {@code payload}): container moves across
 * the quay and the gate as equipment events (LOAD, DISC, GTIN, GTOT, always ACT: the move log records what
 * happened), vessel-call arrivals and departures as transport events (ARRI, DEPA as PLN, EST or ACT). The event
 * id is a name-based UUID of the stream key, so an event keeps its id across pages, retries and restarts.
 */
public final class DcsaEvents {

    /** Move-log kinds that are DCSA equipment events, and their codes. */
    public static final Map<String, String> EQUIPMENT_CODES = Map.of(
            "LOAD", "LOAD", "DISCHARGE", "DISC", "GATE_IN", "GTIN", "GATE_OUT", "GTOT");

    private final String publisher;

    /** @param publisher the terminal's name, the events' publisher (role TR, terminal) */
    public DcsaEvents(String publisher) {
        this.publisher = publisher;
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
        String type = switch (event) {
            case TerminalEvent.Move move -> "EQUIPMENT";
            case TerminalEvent.CallEvent call -> "TRANSPORT";
        };
        JsonObject metadata = new JsonObject()
                .put("eventID", eventId(event))
                .put("eventCreatedDateTime", event.createdAt().toString())
                .put("eventType", type)
                .put("publisher", new JsonObject().put("partyName", publisher))
                .put("publisherRole", "TR");
        JsonObject payload = switch (event) {
            case TerminalEvent.Move move -> equipment(move);
            case TerminalEvent.CallEvent call -> transport(call);
        };
        return new JsonObject().put("metadata", metadata).put("payload", payload);
    }

    private static JsonObject equipment(TerminalEvent.Move move) {
        JsonObject payload = new JsonObject()
                .put("eventType", "EQUIPMENT")
                .put("eventClassifierCode", "ACT")
                .put("eventDateTime", move.createdAt().toString())
                .put("equipmentEventTypeCode", EQUIPMENT_CODES.get(move.kind()))
                .put("equipmentReference", move.container())
                .put("ISOEquipmentCode", move.sizeType())
                .put("emptyIndicatorCode", "EMPTY".equals(move.category()) ? "EMPTY" : "LADEN")
                .put("isTransshipmentMove", "TRANSSHIPMENT".equals(move.category()))
                .put("facilityTypeCode", "POTE");
        if (move.call() != null) {
            payload.put("transportCall", transportCall(move.call()));
        }
        return payload;
    }

    private static JsonObject transport(TerminalEvent.CallEvent event) {
        return new JsonObject()
                .put("eventType", "TRANSPORT")
                .put("eventClassifierCode", event.classifier())
                .put("eventDateTime", event.time().toString())
                .put("transportEventTypeCode", event.type())
                .put("transportCall", transportCall(event.call()));
    }

    private static JsonObject transportCall(TerminalEvent.CallInfo call) {
        return new JsonObject()
                .put("transportCallReference", call.callId())
                .put("modeOfTransport", "VESSEL")
                .put("carrierImportVoyageNumber", call.voyage())
                .put("carrierExportVoyageNumber", call.voyage())
                .put("facilityTypeCode", "POTE")
                .put("vessel", new JsonObject().put("vesselIMONumber", call.imo()).put("name", call.vesselName()));
    }
}
