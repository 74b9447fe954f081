package org.portops.vessel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;
import static org.portops.vessel.api.ApiTerminal.LINE_A;
import static org.portops.vessel.api.ApiTerminal.LINE_B;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.event.Addresses;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardSlot;
import org.portops.state.json.ModelJson;
import org.portops.vessel.api.ApiTerminal.Response;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.edi.EdiIntake;
import org.portops.vessel.edi.PartnerProfile;
import org.portops.vessel.edi.PartnerProfiles;
import org.portops.vessel.edi.inbound.MoveReportMessage;

/**
 * The gate over HTTP against real PostgreSQL and the live yard: appointments with window capacity, gate-in and
 * gate-out transactions checked against appointments, seals and holds, each accepted one moving the container and
 * producing a CODECO and a DCSA event; validation, auth and tenancy.
 */
class GateApiTest {

    private static final String APPOINTMENTS = "/api/v1/gate/appointments";
    private static final String TRANSACTIONS = "/api/v1/gate/transactions";
    private static final String TRUCK_VISITS = "/api/v1/gate/truck-visits";

    private static ApiTerminal terminal;
    private static String clerk;
    private static String lineA;
    private static String lineB;

    @BeforeAll
    static void start() {
        terminal = new ApiTerminal();
        clerk = terminal.staffToken(Role.GATE_CLERK);
        lineA = terminal.lineToken(LINE_A);
        lineB = terminal.lineToken(LINE_B);
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    @Test
    void aDropOffComesInSealedMovesIntoTheYardAndIsReportedAsCodecoAndGtin() {
        Container box = ApiTerminal.container(LINE_A);
        Response booked = terminal.send("POST", APPOINTMENTS, lineA, dropOff(box, "TRK 100", today()));
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        assertThat(booked.json().getString("status")).isEqualTo("BOOKED");
        assertThat(booked.json().getString("line")).isEqualTo("LNA");
        String appointment = booked.json().getString("id");
        YardSlot slot = terminal.freeGroundSlot();

        Response in = terminal.send("POST", TRANSACTIONS, clerk, gateIn(appointment, box, "TRK 100", slot)
                .put("seal", "SL445566").put("damages", new JsonArray().add("DENT LEFT SIDE")));

        assertThat(in.status()).as("%s", in).isEqualTo(201);
        assertThat(in.json().getString("outcome")).isEqualTo("ACCEPTED");
        JsonObject status = terminal.get("/api/v1/containers/" + box.number(), lineA).json();
        assertThat(status.getString("location")).isEqualTo("yard:" + slot);
        assertThat(status.getJsonObject("lastMove").getString("kind")).isEqualTo("GATE_IN");
        assertThat(status.getJsonObject("lastMove").getString("from")).isEqualTo("gate:IN-1");
        assertThat(status.getJsonObject("lastMove").getLong("sequence")).isEqualTo(in.json().getLong("moveSequence"));
        assertThat(terminal.get(APPOINTMENTS + "/" + appointment, lineA).json().getString("status")).isEqualTo("USED");

        Response codeco = terminal.get(in.json().getString("codeco"), lineA);
        assertThat(codeco.status()).as("%s", codeco).isEqualTo(200);
        assertThat(codeco.body()).contains("BGM+34+", "EQD+CN+" + box.number() + "+22G1:102:5", "SEL+SL445566+CA",
                "DAM+1+:::DENT LEFT SIDE", "FTX+AAA+++GATE LANE IN-1");
        EdiIntake.Read read = EdiIntake.read(codeco.body().getBytes(StandardCharsets.ISO_8859_1),
                PartnerProfiles.all(PartnerProfile.STRICT));
        assertThat(read.allErrors()).isEmpty();
        assertThat(read.messages()).singleElement().isInstanceOfSatisfying(MoveReportMessage.class,
                report -> assertThat(report.moves()).singleElement()
                        .satisfies(move -> assertThat(move.container()).isEqualTo(box.number())));
        assertThat(terminal.get(in.json().getString("codeco"), lineB).status()).isEqualTo(404);

        assertThat(equipmentEvents(box, lineA)).containsExactly("GTIN");
        assertThat(terminal.audited(box.number().value()))
                .containsExactly("user:system-of-LNA gate.appointment-booked", "user:staff-gate-clerk gate.in");
    }

    @Test
    void aPickUpIsRefusedWhileACustomsHoldIsActiveAndLeavesOnceItIsReleased() {
        Container box = ApiTerminal.container(LINE_A);
        terminal.gateIn(box);
        Response booked = terminal.send("POST", APPOINTMENTS, lineA, pickUp(box, "TRK 200", today()));
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        String appointment = booked.json().getString("id");
        String holds = "/api/v1/containers/" + box.number() + "/holds";
        assertThat(terminal.send("POST", holds, clerk, new JsonObject().put("kind", "CUSTOMS")
                .put("reason", "x-ray scan")).status()).isEqualTo(201);

        Response blocked = terminal.send("POST", TRANSACTIONS, clerk, gateOut(appointment, box, "TRK 200"));

        assertThat(blocked.status()).as("%s", blocked).isEqualTo(422);
        assertThat(blocked.json().getString("outcome")).isEqualTo("REFUSED");
        assertThat(blocked.json().getJsonArray("refusals").getList()).singleElement().asString()
                .startsWith("CUSTOMS hold on " + box.number() + " blocks delivery until released: x-ray scan");
        assertThat(blocked.json().getValue("codeco")).isNull();
        assertThat(terminal.get("/api/v1/containers/" + box.number(), lineA).json().getBoolean("inTerminal")).isTrue();
        assertThat(terminal.get(APPOINTMENTS + "/" + appointment, lineA).json().getString("status")).isEqualTo("BOOKED");

        assertThat(terminal.send("DELETE", holds + "/CUSTOMS", clerk, null).status()).isEqualTo(204);
        Response out = terminal.send("POST", TRANSACTIONS, clerk, gateOut(appointment, box, "TRK 200"));

        assertThat(out.status()).as("%s", out).isEqualTo(201);
        JsonObject status = terminal.get("/api/v1/containers/" + box.number(), lineA).json();
        assertThat(status.getBoolean("inTerminal")).isFalse();
        assertThat(status.getJsonObject("lastMove").getString("kind")).isEqualTo("GATE_OUT");
        assertThat(status.getJsonObject("lastMove").getString("to")).isEqualTo("gate:OUT-1");
        assertThat(terminal.get(out.json().getString("codeco"), lineA).body()).contains("BGM+36+",
                "EQD+CN+" + box.number());
        assertThat(equipmentEvents(box, lineA)).containsExactly("GTIN", "GTOT");
    }

    @Test
    void pickUpsAreToldToThePlannersAndListedAsOpenUntilCancelledOrUsed() {
        List<JsonObject> facts = new CopyOnWriteArrayList<>();
        MessageConsumer<JsonObject> planner = terminal.vertx.eventBus()
                .consumer(Addresses.GATE_APPOINTMENT_CHANGED, m -> facts.add(m.body()));
        await(planner.completion());
        try {
            Container leaving = ApiTerminal.container(LINE_A);
            Container staying = ApiTerminal.container(LINE_A);
            terminal.gateIn(leaving);
            terminal.gateIn(staying);
            String first = terminal.send("POST", APPOINTMENTS, lineA, pickUp(leaving, "TRK 500", today()))
                    .json().getString("id");
            Instant tomorrow = today().plus(Duration.ofDays(1));
            String second = terminal.send("POST", APPOINTMENTS, lineA, pickUp(staying, "TRK 501", tomorrow))
                    .json().getString("id");

            waitFor(() -> facts.size() == 2);
            assertThat(facts.getFirst()).isEqualTo(new JsonObject().put("appointment", first).put("kind", "PICK_UP")
                    .put("container", leaving.number().value()).put("windowStart", today().toString())
                    .put("windowEnd", tomorrow.toString()).put("status", "BOOKED"));
            assertThat(openAppointments()).contains(facts.get(0), facts.get(1));

            assertThat(terminal.send("DELETE", APPOINTMENTS + "/" + second, lineA, null).status()).isEqualTo(204);
            assertThat(terminal.send("POST", TRANSACTIONS, clerk, gateOut(first, leaving, "TRK 500")).status())
                    .isEqualTo(201);

            waitFor(() -> facts.size() == 4);
            assertThat(facts.subList(2, 4)).extracting(f -> f.getString("appointment") + " " + f.getString("status"))
                    .containsExactly(second + " CANCELLED", first + " USED");
            assertThat(openAppointments()).extracting(a -> a.getString("appointment")).doesNotContain(first, second);
        } finally {
            await(planner.unregister());
        }
    }

    @Test
    void oneTruckBringsTwoTwentiesThenDropsOneAtTheInGateAndLeavesWithOneAtTheOutGate() {
        Container first = ApiTerminal.container(LINE_A);
        Container second = ApiTerminal.container(LINE_A);
        YardSlot ground = terminal.freeGroundSlot();
        List<YardSlot> slots = List.of(ground, new YardSlot(ground.stack(), new Tier(2)));
        JsonArray both = new JsonArray();
        for (int i = 0; i < 2; i++) {
            Container box = List.of(first, second).get(i);
            String appointment = terminal.send("POST", APPOINTMENTS, lineA, dropOff(box, "TRK 600", today()))
                    .json().getString("id");
            both.add(visitItem(gateIn(appointment, box, "TRK 600", slots.get(i)).put("seal", "SL6")));
        }

        Response in = terminal.send("POST", TRUCK_VISITS, clerk, new JsonObject().put("truck", "TRK 600")
                .put("containers", both));

        assertThat(in.status()).as("%s", in).isEqualTo(201);
        assertThat(in.json().getJsonArray("transactions").stream().map(t -> ((JsonObject) t).getString("outcome")))
                .containsExactly("ACCEPTED", "ACCEPTED");
        for (Container box : List.of(first, second)) {
            assertThat(terminal.get("/api/v1/containers/" + box.number(), lineA).json().getBoolean("inTerminal"))
                    .isTrue();
        }

        Container third = ApiTerminal.container(LINE_A);
        String drop = terminal.send("POST", APPOINTMENTS, lineA, dropOff(third, "TRK 601", today()))
                .json().getString("id");
        String pick = terminal.send("POST", APPOINTMENTS, lineA, pickUp(second, "TRK 601", today()))
                .json().getString("id");
        Response dropAndPick = terminal.send("POST", TRUCK_VISITS, clerk, new JsonObject().put("truck", "TRK 601")
                .put("containers", new JsonArray().add(visitItem(gateOut(pick, second, "TRK 601").put("seal", "SL6")))
                        .add(visitItem(gateIn(drop, third, "TRK 601", terminal.freeGroundSlot()).put("seal", "SL7")))));

        assertThat(dropAndPick.status()).as("%s", dropAndPick).isEqualTo(201);
        JsonObject visit = dropAndPick.json();
        assertThat(visit.getString("state")).isEqualTo("IN_TERMINAL");
        assertThat(visit.getJsonArray("waiting").getList()).containsExactly(second.number().value());
        assertThat(visit.getJsonArray("transactions").stream().map(t -> ((JsonObject) t).getString("direction") + " "
                + ((JsonObject) t).getString("container")))
                .as("the drop-off comes in at the in-gate; the pick-up waits for the out-gate")
                .containsExactly("IN " + third.number());
        assertThat(terminal.get("/api/v1/containers/" + third.number(), lineA).json().getBoolean("inTerminal"))
                .isTrue();
        assertThat(terminal.get("/api/v1/containers/" + second.number(), lineA).json().getBoolean("inTerminal"))
                .isTrue();
        String visitPath = TRUCK_VISITS + "/" + visit.getString("id");
        assertThat(terminal.get(visitPath, clerk).json().getString("inAt")).isEqualTo(visit.getString("inAt"));

        String holds = "/api/v1/containers/" + second.number() + "/holds";
        assertThat(terminal.send("POST", holds, clerk, new JsonObject().put("kind", "LINE")
                .put("reason", "freight unpaid")).status()).isEqualTo(201);
        Response blocked = terminal.send("POST", visitPath + "/out", clerk, new JsonObject().put("lane", "OUT-2"));
        assertThat(blocked.status()).as("%s", blocked).isEqualTo(422);
        assertThat(blocked.json().getJsonArray("refusals").getList()).singleElement().asString()
                .startsWith("LINE hold on " + second.number() + " blocks delivery until released: freight unpaid");
        assertThat(blocked.json().getString("state")).isEqualTo("IN_TERMINAL");
        assertThat(terminal.get("/api/v1/containers/" + second.number(), lineA).json().getBoolean("inTerminal"))
                .isTrue();
        assertThat(terminal.send("DELETE", holds + "/LINE", clerk, null).status()).isEqualTo(204);

        Response out = terminal.send("POST", visitPath + "/out", clerk, new JsonObject().put("lane", "OUT-2"));

        assertThat(out.status()).as("%s", out).isEqualTo(201);
        assertThat(out.json().getString("state")).isEqualTo("LEFT");
        assertThat(out.json().getString("outLane")).isEqualTo("OUT-2");
        assertThat(Instant.parse(out.json().getString("outAt"))).isAfterOrEqualTo(Instant.parse(visit.getString("inAt")));
        assertThat(out.json().getDouble("minutesInTerminal")).isGreaterThanOrEqualTo(0.0);
        assertThat(out.json().getJsonArray("waiting")).isEmpty();
        List<JsonObject> transactions = out.json().getJsonArray("transactions").stream()
                .map(JsonObject.class::cast).toList();
        assertThat(transactions).extracting(t -> t.getString("direction") + " " + t.getString("container") + " "
                + t.getString("lane")).containsExactly("OUT " + second.number() + " OUT-2");
        JsonObject status = terminal.get("/api/v1/containers/" + second.number(), lineA).json();
        assertThat(status.getBoolean("inTerminal")).isFalse();
        assertThat(status.getJsonObject("lastMove").getString("to")).isEqualTo("gate:OUT-2");
        assertThat(terminal.get(transactions.get(0).getString("codeco"), lineA).body()).contains("BGM+36+",
                "EQD+CN+" + second.number());
        assertThat(terminal.get(visitPath, clerk).json().getString("outAt")).isEqualTo(out.json().getString("outAt"));

        Response again = terminal.send("POST", visitPath + "/out", clerk, new JsonObject().put("lane", "OUT-2"));
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(terminal.send("POST", TRUCK_VISITS + "/" + UUID.randomUUID() + "/out", clerk,
                new JsonObject().put("lane", "OUT-2")).status()).isEqualTo(404);
        assertThat(terminal.get(visitPath, lineA).status()).as("a line does not run the gate").isEqualTo(403);
    }

    @Test
    void aTruckVisitWithOneContainerThatMayNotPassOrMoreThanItsChassisTakesMovesNothing() {
        Instant tomorrow = today().plus(Duration.ofDays(1));
        Container sealed = ApiTerminal.container(LINE_A);
        Container unsealed = ApiTerminal.container(LINE_A);
        Container forty = new Container(ApiTerminal.container(LINE_A).number(), new SizeTypeCode("42G1"),
                new VgmWeight(20_000), LINE_A, new UnLocode("CNSHA"), new UnLocode("NLRTM"),
                ContainerCategory.EXPORT, null, null);
        JsonArray items = new JsonArray();
        List<String> appointments = new ArrayList<>();
        for (Container box : List.of(sealed, unsealed, forty)) {
            String appointment = terminal.send("POST", APPOINTMENTS, lineA, dropOff(box, "TRK 700", tomorrow))
                    .json().getString("id");
            appointments.add(appointment);
            JsonObject item = visitItem(gateIn(appointment, box, "TRK 700", terminal.freeGroundSlot()));
            items.add(box == unsealed ? item : item.put("seal", "SL70"));
        }

        Response three = terminal.send("POST", TRUCK_VISITS, clerk, new JsonObject().put("truck", "TRK 700")
                .put("containers", items));

        assertThat(three.status()).as("%s", three).isEqualTo(422);
        assertThat(three.json().getJsonArray("refusals").getList()).contains(
                "truck TRK 700 carries at most two containers in, not 3",
                "laden container " + unsealed.number() + " comes in without a seal");
        assertThat(three.json().getJsonArray("transactions").stream()
                .map(t -> ((JsonObject) t).getString("outcome")).distinct().toList()).containsExactly("REFUSED");
        for (int i = 0; i < 3; i++) {
            Container box = List.of(sealed, unsealed, forty).get(i);
            assertThat(terminal.get("/api/v1/containers/" + box.number(), clerk).status()).as("%s", box.number())
                    .isEqualTo(404);
            assertThat(terminal.get(APPOINTMENTS + "/" + appointments.get(i), clerk).json().getString("status"))
                    .isEqualTo("BOOKED");
        }

        Response twentyAndForty = terminal.send("POST", TRUCK_VISITS, clerk, new JsonObject().put("truck", "TRK 700")
                .put("containers", new JsonArray().add(items.getJsonObject(0)).add(items.getJsonObject(2))));
        assertThat(twentyAndForty.json().getJsonArray("refusals").getList()).contains(
                "truck TRK 700 carries two containers in only if both are 20', " + forty.number() + " is 40'");
        Response twice = terminal.send("POST", TRUCK_VISITS, clerk, new JsonObject().put("truck", "TRK 700")
                .put("containers", new JsonArray().add(items.getJsonObject(0)).add(items.getJsonObject(0))));
        assertThat(twice.json().getJsonArray("refusals").getList()).contains(sealed.number() + " is on truck TRK 700 "
                + "twice");
        Response badItem = terminal.send("POST", TRUCK_VISITS, clerk, new JsonObject().put("truck", "TRK 700")
                .put("containers", new JsonArray().add(items.getJsonObject(0).copy().put("container", "ABCU1234561"))));
        assertThat(badItem.status()).isEqualTo(400);
        assertThat(badItem.json().getString("field")).isEqualTo("body/containers/0/container");
        assertThat(terminal.send("POST", TRUCK_VISITS, lineA, new JsonObject().put("truck", "TRK 700")
                .put("containers", new JsonArray().add(items.getJsonObject(0)))).status()).isEqualTo(403);
    }

    /** A single transaction's body as an item of a truck visit: the truck is the visit's. */
    private static JsonObject visitItem(JsonObject transaction) {
        JsonObject item = transaction.copy();
        item.remove("truck");
        return item;
    }

    private static List<JsonObject> openAppointments() {
        JsonArray open = await(terminal.vertx.eventBus().<JsonObject>request(Addresses.GATE_APPOINTMENTS_OPEN,
                new JsonObject())).body().getJsonArray("appointments");
        return open.stream().map(JsonObject.class::cast).toList();
    }

    private static void waitFor(BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(until);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aTransactionNamesEveryMismatchWithItsAppointmentAndMovesNothing() {
        Container box = ApiTerminal.container(LINE_A);
        Container other = ApiTerminal.container(LINE_A);
        String appointment = terminal.send("POST", APPOINTMENTS, clerk, dropOff(box, "TRK 300", today()))
                .json().getString("id");
        YardSlot slot = terminal.freeGroundSlot();

        Response wrong = terminal.send("POST", TRANSACTIONS, clerk, gateIn(appointment, other, "TRK 999", slot));

        assertThat(wrong.status()).as("%s", wrong).isEqualTo(422);
        assertThat(wrong.json().getJsonArray("refusals").getList()).containsExactlyInAnyOrder(
                "appointment " + appointment + " is for " + box.number() + ", not " + other.number(),
                "appointment " + appointment + " is for truck TRK 300, not TRK 999",
                "laden container " + other.number() + " comes in without a seal");
        assertThat(terminal.get("/api/v1/containers/" + other.number(), clerk).status()).isEqualTo(404);
        Response asPickUp = terminal.send("POST", TRANSACTIONS, clerk, gateOut(appointment, box, "TRK 300"));
        assertThat(asPickUp.json().getJsonArray("refusals").getList()).contains(
                "appointment " + appointment + " is a DROP_OFF, not a gate-out", box.number() + " is not in the terminal");

        Response right = terminal.send("POST", TRANSACTIONS, clerk,
                gateIn(appointment, box, "TRK 300", slot).put("seal", "SL1"));
        assertThat(right.status()).as("%s", right).isEqualTo(201);
        Response again = terminal.send("POST", TRANSACTIONS, clerk,
                gateIn(appointment, box, "TRK 300", terminal.freeGroundSlot()).put("seal", "SL1"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().getJsonArray("refusals").getList())
                .contains("appointment " + appointment + " is USED, not BOOKED");

        Container early = ApiTerminal.container(LINE_A);
        Instant tomorrow = today().plus(Duration.ofDays(1));
        String later = terminal.send("POST", APPOINTMENTS, clerk, dropOff(early, "TRK 301", tomorrow))
                .json().getString("id");
        Response tooEarly = terminal.send("POST", TRANSACTIONS, clerk,
                gateIn(later, early, "TRK 301", terminal.freeGroundSlot()).put("seal", "SL2"));
        assertThat(tooEarly.json().getJsonArray("refusals").getList()).singleElement().asString()
                .startsWith("appointment " + later + " is for " + tomorrow + " to " + tomorrow.plus(Duration.ofDays(1)));
    }

    @Test
    void aWindowTakesNoMoreAppointmentsThanItsCapacityAndACancellationFreesAPlace() {
        Instant window = today().plus(Duration.ofDays(5));
        String first = null;
        for (int i = 0; i < ApiTerminal.GATE.capacity(); i++) {
            Response booked = terminal.send("POST", APPOINTMENTS, lineA,
                    dropOff(ApiTerminal.container(LINE_A), "TRK " + i, window));
            assertThat(booked.status()).as("booking %d: %s", i, booked).isEqualTo(201);
            first = first == null ? booked.json().getString("id") : first;
        }

        Response full = terminal.send("POST", APPOINTMENTS, lineA, dropOff(ApiTerminal.container(LINE_A), "TRK X", window));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().getString("error")).isEqualTo("the window from " + window + " is full: it takes "
                + ApiTerminal.GATE.capacity() + " appointments");

        assertThat(terminal.send("DELETE", APPOINTMENTS + "/" + first, lineA, null).status()).isEqualTo(204);
        assertThat(terminal.send("DELETE", APPOINTMENTS + "/" + first, lineA, null).status()).isEqualTo(409);
        assertThat(terminal.send("POST", APPOINTMENTS, lineA, dropOff(ApiTerminal.container(LINE_A), "TRK Y", window))
                .status()).isEqualTo(201);
        assertThat(terminal.send("POST", APPOINTMENTS, lineA, dropOff(ApiTerminal.container(LINE_A), "TRK Z", window))
                .status()).isEqualTo(409);
    }

    @Test
    void aContainerHasOneOpenAppointment() {
        Container box = ApiTerminal.container(LINE_A);
        assertThat(terminal.send("POST", APPOINTMENTS, lineA, dropOff(box, "TRK 400", today())).status()).isEqualTo(201);

        Response twice = terminal.send("POST", APPOINTMENTS, lineA, dropOff(box, "TRK 401", today()));

        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().getString("error")).isEqualTo(box.number() + " already has an open appointment");
    }

    @Test
    void aDropOffWithoutASlotOnItsTicketIsRefusedWhenNoYardPlannerRunsAndStaysBooked() {
        Container box = ApiTerminal.container(LINE_A);
        String appointment = terminal.send("POST", APPOINTMENTS, lineA, dropOff(box, "TRK 300", today())).json()
                .getString("id");

        Response in = terminal.send("POST", TRANSACTIONS, clerk, gateIn(appointment, box, "TRK 300", null)
                .put("seal", "SL300"));

        assertThat(in.status()).as("%s", in).isEqualTo(422);
        assertThat(in.json().getJsonArray("refusals").getList()).containsExactly("the gate ticket names no yard slot "
                + "for " + box.number() + " and no yard planner is running to give one: enter the slot");
        assertThat(terminal.get("/api/v1/containers/" + box.number(), lineA).status())
                .as("never came in: unknown").isEqualTo(404);
        assertThat(terminal.get(APPOINTMENTS + "/" + appointment, lineA).json().getString("status"))
                .isEqualTo("BOOKED");
    }

    @Test
    void invalidRequestsNameTheWrongField() {
        Container box = ApiTerminal.container(LINE_A);
        String wrongDigit = box.number().value().substring(0, 10) + ((box.number().value().charAt(10) - '0' + 1) % 10);
        assertThat(field(terminal.send("POST", APPOINTMENTS, lineA,
                dropOff(box, "TRK 1", today()).put("container", wrongDigit)))).isEqualTo("body/container");
        assertThat(field(terminal.send("POST", APPOINTMENTS, lineA,
                dropOff(box, "TRK 1", today().plus(Duration.ofMinutes(30)))))).isEqualTo("body/windowStart");
        assertThat(field(terminal.send("POST", APPOINTMENTS, lineA,
                dropOff(box, "TRK 1", today().minus(Duration.ofDays(1)))))).isEqualTo("body/windowStart");
        JsonObject withoutPreAdvice = dropOff(box, "TRK 1", today());
        withoutPreAdvice.remove("preAdvice");
        assertThat(field(terminal.send("POST", APPOINTMENTS, lineA, withoutPreAdvice))).isEqualTo("body/preAdvice");
        assertThat(field(terminal.send("POST", APPOINTMENTS, lineA,
                dropOff(box, "trk lower", today())))).isEqualTo("body/truck");
        assertThat(field(terminal.send("POST", TRANSACTIONS, clerk,
                gateIn("0f8c1c8e-5e1a-3c77-9a0b-3e2b9d6c7a11", box, "TRK 1", terminal.freeGroundSlot()))))
                .isEqualTo("body/appointment");
    }

    @Test
    void aLineBooksAndSeesOnlyItsOwnContainersAndNeverRunsTheGate() {
        Container boxA = ApiTerminal.container(LINE_A);
        terminal.gateIn(boxA);
        Container unknown = ApiTerminal.container(LINE_A);

        Response otherLinesPickUp = terminal.send("POST", APPOINTMENTS, lineB, pickUp(boxA, "TRK 500", today()));
        Response unknownPickUp = terminal.send("POST", APPOINTMENTS, lineB, pickUp(unknown, "TRK 500", today()));
        assertThat(otherLinesPickUp.status()).isEqualTo(404);
        assertThat(otherLinesPickUp.json().getString("error")).isEqualTo(unknownPickUp.json().getString("error")
                .replace(unknown.number().value(), boxA.number().value()));
        assertThat(terminal.send("POST", APPOINTMENTS, lineB, dropOff(ApiTerminal.container(LINE_A), "TRK 501", today()))
                .status()).isEqualTo(403);

        String appointment = terminal.send("POST", APPOINTMENTS, lineA, pickUp(boxA, "TRK 502", today()))
                .json().getString("id");
        assertThat(terminal.get(APPOINTMENTS + "/" + appointment, lineB).status()).isEqualTo(404);
        assertThat(terminal.send("DELETE", APPOINTMENTS + "/" + appointment, lineB, null).status()).isEqualTo(404);
        assertThat(terminal.get(APPOINTMENTS + "/" + appointment, lineA).status()).isEqualTo(200);

        assertThat(terminal.send("POST", TRANSACTIONS, lineA, gateOut(appointment, boxA, "TRK 502")).status())
                .isEqualTo(403);
        assertThat(terminal.send("POST", APPOINTMENTS, terminal.staffToken(Role.PLANNER),
                pickUp(boxA, "TRK 503", today())).status()).isEqualTo(403);
        assertThat(terminal.send("POST", TRANSACTIONS, null, gateOut(appointment, boxA, "TRK 502")).status())
                .isEqualTo(401);
        assertThat(terminal.get("/api/v1/containers/" + boxA.number(), lineA).json().getBoolean("inTerminal")).isTrue();
    }

    // helpers

    private static Instant today() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS);
    }

    private static JsonObject dropOff(Container box, String truck, Instant window) {
        return new JsonObject().put("kind", "DROP_OFF").put("container", box.number().value()).put("truck", truck)
                .put("windowStart", window.toString()).put("preAdvice", ModelJson.container(box));
    }

    private static JsonObject pickUp(Container box, String truck, Instant window) {
        return new JsonObject().put("kind", "PICK_UP").put("container", box.number().value()).put("truck", truck)
                .put("windowStart", window.toString());
    }

    private static JsonObject gateIn(String appointment, Container box, String truck, YardSlot slot) {
        JsonObject body = new JsonObject().put("direction", "IN").put("appointment", appointment)
                .put("container", box.number().value()).put("truck", truck).put("lane", "IN-1");
        return slot == null ? body : body.put("yardSlot", slot.toString());
    }

    private static JsonObject gateOut(String appointment, Container box, String truck) {
        return new JsonObject().put("direction", "OUT").put("appointment", appointment)
                .put("container", box.number().value()).put("truck", truck).put("lane", "OUT-1");
    }

    private static String field(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        return response.json().getString("field");
    }

    private static List<String> equipmentEvents(Container box, String token) {
        Response events = terminal.get("/dcsa/tnt/v3/events?eventTypes=EQUIPMENT&equipmentReference=" + box.number(),
                token);
        assertThat(events.status()).as("%s", events).isEqualTo(200);
        return events.json().getJsonArray("events").stream()
                .map(e -> ((JsonObject) e).getJsonObject("eventClassification").getString("equipmentEventTypeCode"))
                .toList();
    }
}
