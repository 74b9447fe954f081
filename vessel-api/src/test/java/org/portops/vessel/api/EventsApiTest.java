package org.portops.vessel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.LineOperator;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.vessel.api.ApiTerminal.Response;
import org.portops.vessel.api.auth.Role;

/** DCSA Track & Trace events and the PortOps event list over HTTP, from the move log and vessel-call events. */
class EventsApiTest {

    private static ApiTerminal terminal;
    private static String operator;

    @BeforeAll
    static void start() {
        terminal = new ApiTerminal();
        operator = terminal.staffToken(Role.OPERATOR);
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    /** What one line did: announced a call, gated a container in, recorded the arrival, loaded the container. */
    private record Story(LineOperator line, String token, String call, Container box) {
    }

    private static Story story() {
        LineOperator line = ApiTerminal.uniqueLine();
        String token = terminal.lineToken(line);
        String call = "C-" + UUID.randomUUID().toString().substring(0, 8);
        Container box = ApiTerminal.container(line);
        assertThat(terminal.send("POST", "/api/v1/vessel-calls", token, ApiTerminal.newCall(call, line)).status())
                .isEqualTo(201);
        assertThat(terminal.send("PUT", "/api/v1/vessel-calls/" + call + "/bay-plan", token,
                VesselCallApiTest.plan(VesselCallApiTest.entry("0010282", "LOAD", box))).status()).isEqualTo(200);
        YardSlot slot = terminal.gateIn(box);
        assertThat(terminal.send("PATCH", "/api/v1/vessel-calls/" + call + "/schedule", token,
                new JsonObject().put("ata", "2026-11-20T06:00:00Z")).status()).isEqualTo(200);
        MoveResult loaded = await(terminal.yard.move(MoveRequest.of(box.number(), MoveKind.LOAD,
                new YardLocation(slot), new VesselLocation(new VesselCallId(call), StowageSlot.parse("0010282")))));
        assertThat(loaded).as("%s", loaded).isInstanceOf(MoveResult.Accepted.class);
        return new Story(line, token, call, box);
    }

    @Test
    void aLinesEventsAreItsCallsAndMovesInCreationOrderAsDcsaEvents() {
        Story story = story();

        Response response = terminal.get("/dcsa/tnt/v3/events", story.token());

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.headers().firstValue("API-Version")).contains("3.0.0");
        JsonArray events = events(response);
        assertThat(summaries(events)).containsExactly("TRANSPORT ARRI PLN", "TRANSPORT DEPA PLN",
                "EQUIPMENT GTIN ACT", "TRANSPORT ARRI ACT", "EQUIPMENT LOAD ACT");
        JsonObject load = events.getJsonObject(4);
        JsonObject origin = load.getJsonObject("eventRouting").getJsonObject("originatingParty");
        assertThat(origin.getString("partyCode")).isEqualTo("TEST");
        assertThat(origin.getString("partyFunction")).isEqualTo("TR");
        assertThat(load.getJsonObject("eventLocation").getString("UNLocationCode")).isEqualTo("NLRTM");
        assertThat(load.getString("eventUpdatedDateTime")).isNotBlank();
        JsonObject equipment = load.getJsonObject("equipmentDetails");
        assertThat(equipment.getString("equipmentReference")).isEqualTo(story.box().number().value());
        assertThat(equipment.getString("ISOEquipmentCode")).isEqualTo("22G1");
        assertThat(equipment.getString("emptyIndicatorCode")).isEqualTo("LADEN");
        assertThat(equipment.getString("movementType")).isEqualTo("EXPORT");
        JsonObject transportCall = load.getJsonObject("transportDetails").getJsonObject("transportCall");
        assertThat(transportCall.getString("transportCallReference")).isEqualTo(story.call());
        assertThat(transportCall.getJsonObject("vesselTransport").getString("vesselIMONumber")).isEqualTo("9074729");
        assertThat(transportCall.getJsonObject("exportVoyageNumberOrReference").getString("carrierVoyageNumber"))
                .isEqualTo("001E");
        assertThat(events.getJsonObject(3).getString("eventDateTime")).isEqualTo("2026-11-20T06:00:00Z");
    }

    @Test
    void filtersNarrowByEventTypeCodeClassifierEquipmentAndVessel() {
        Story story = story();
        String equipment = "equipmentReference=" + story.box().number();

        assertThat(summaries(events(terminal.get("/dcsa/tnt/v3/events?equipmentEventTypeCodes=GTIN", story.token()))))
                .containsExactly("EQUIPMENT GTIN ACT");
        assertThat(summaries(events(terminal.get("/dcsa/tnt/v3/events?eventTypes=TRANSPORT&eventClassifierCode=ACT",
                story.token())))).containsExactly("TRANSPORT ARRI ACT");
        assertThat(summaries(events(terminal.get("/dcsa/tnt/v3/events?eventTypes=EQUIPMENT&" + equipment, operator))))
                .containsExactly("EQUIPMENT GTIN ACT", "EQUIPMENT LOAD ACT");
        assertThat(summaries(events(terminal.get("/dcsa/tnt/v3/events?transportCallReference=" + story.call()
                + "&transportEventTypeCodes=DEPA", operator)))).containsExactly("TRANSPORT DEPA PLN");
        assertThat(events(terminal.get("/dcsa/tnt/v3/events?eventTypes=SHIPMENT,IOT", story.token()))).isEmpty();
        assertThat(events(terminal.get("/dcsa/tnt/v3/events?carrierBookingReference=ABC709951", story.token())))
                .isEmpty();
        String later = "eventUpdatedDateTimeMin=2999-01-01T00:00:00Z";
        assertThat(events(terminal.get("/dcsa/tnt/v3/events?" + later, story.token()))).isEmpty();
    }

    @Test
    void cursorPagesGiveEveryEventOnceInOrder() {
        Story story = story();
        List<String> whole = ids(events(terminal.get("/dcsa/tnt/v3/events?limit=1000", story.token())));

        List<String> paged = new ArrayList<>();
        Optional<String> cursor = Optional.of("");
        int pages = 0;
        while (cursor.isPresent()) {
            Response page = terminal.get("/dcsa/tnt/v3/events?limit=2&cursor=" + cursor.get(), story.token());
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            paged.addAll(ids(events(page)));
            cursor = page.headers().firstValue("Next-Page-Cursor");
            pages++;
        }

        assertThat(whole).hasSize(5);
        assertThat(paged).isEqualTo(whole);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aLineNeverSeesAnotherLinesEvents() {
        Story a = story();
        Story b = story();
        String equipment = "?equipmentReference=" + a.box().number();

        assertThat(events(terminal.get("/dcsa/tnt/v3/events" + equipment, b.token()))).isEmpty();
        assertThat(events(terminal.get("/dcsa/tnt/v3/events" + equipment, operator))).hasSize(2);
        JsonArray bEvents = events(terminal.get("/dcsa/tnt/v3/events?limit=1000", b.token()));
        assertThat(bEvents.stream().map(JsonObject.class::cast)
                .map(e -> e.containsKey("equipmentDetails")
                        ? e.getJsonObject("equipmentDetails").getString("equipmentReference")
                        : e.getJsonObject("transportDetails").getJsonObject("transportCall")
                                .getString("transportCallReference"))
                .toList()).doesNotContain(a.box().number().value(), a.call()).contains(b.call());
        JsonArray bNative = terminal.get("/api/v1/events?limit=1000", b.token()).json().getJsonArray("events");
        assertThat(bNative).isNotEmpty();
        assertThat(bNative.stream().map(e -> ((JsonObject) e).getString("line")).distinct().toList())
                .containsExactly(b.line().code());
    }

    @Test
    void theTerminalEventListPagesWithItsCursor() {
        Story story = story();
        JsonObject first = terminal.get("/api/v1/events?limit=3", story.token()).json();
        JsonObject second = terminal.get("/api/v1/events?limit=3&after=" + first.getString("cursor"), story.token())
                .json();

        List<String> kinds = new ArrayList<>();
        for (JsonObject page : List.of(first, second)) {
            page.getJsonArray("events").forEach(e -> {
                JsonObject event = (JsonObject) e;
                kinds.add(event.getString("type") + " " + event.getString("kind", event.getString("event")));
            });
        }
        assertThat(kinds).containsExactly("VESSEL_CALL ARRI", "VESSEL_CALL DEPA", "MOVE GATE_IN", "VESSEL_CALL ARRI",
                "MOVE LOAD");
        JsonObject empty = terminal.get("/api/v1/events?after=" + second.getString("cursor"), story.token()).json();
        assertThat(empty.getJsonArray("events")).isEmpty();
        assertThat(empty.getString("cursor")).isEqualTo(second.getString("cursor"));
    }

    @Test
    void malformedQueriesAreRefusedNamingTheParameter() {
        assertField(terminal.get("/dcsa/tnt/v3/events?limit=0", operator), "query/limit");
        assertField(terminal.get("/dcsa/tnt/v3/events?cursor=bm9wZQ", operator), "query/cursor");
        assertField(terminal.get("/dcsa/tnt/v3/events?equipmentEventTypeCodes=FLY", operator),
                "query/equipmentEventTypeCodes");
        assertField(terminal.get("/dcsa/tnt/v3/events?equipmentReference=ABC", operator), "query/equipmentReference");
        assertField(terminal.get("/dcsa/tnt/v3/events?eventTypes=CARGO", operator), "query/eventTypes");
        assertField(terminal.get("/dcsa/tnt/v3/events?eventUpdatedDateTimeMin=yesterday", operator),
                "query/eventUpdatedDateTimeMin");
        assertField(terminal.get("/api/v1/events?after=zzz", operator), "query/after");
    }

    @Test
    void eventsNeedATokenAndTheRightToReadThem() {
        assertThat(terminal.get("/dcsa/tnt/v3/events", null).status()).isEqualTo(401);
        assertThat(terminal.get("/api/v1/events", null).status()).isEqualTo(401);
        Response clerk = terminal.get("/dcsa/tnt/v3/events", terminal.staffToken(Role.GATE_CLERK));
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(terminal.get("/api/v1/events", terminal.staffToken(Role.GATE_CLERK)).status()).isEqualTo(403);
    }

    private static void assertField(Response response, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.json().getString("field")).as("%s", response).isEqualTo(field);
    }

    private static JsonArray events(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().getJsonArray("events");
    }

    static List<String> summaries(JsonArray events) {
        return events.stream().map(e -> ((JsonObject) e).getJsonObject("eventClassification"))
                .map(c -> c.getString("eventTypeCode") + " " + c.getString("equipmentEventTypeCode",
                        c.getString("transportEventTypeCode")) + " " + c.getString("eventClassifierCode")).toList();
    }

    private static List<String> ids(JsonArray events) {
        return events.stream().map(e -> ((JsonObject) e).getString("eventID")).toList();
    }
}
