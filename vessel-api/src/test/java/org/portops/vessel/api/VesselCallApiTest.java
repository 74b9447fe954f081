package org.portops.vessel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.vessel.api.ApiTerminal.LINE_A;
import static org.portops.vessel.api.ApiTerminal.LINE_B;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.state.json.ModelJson;
import org.portops.vessel.api.ApiTerminal.Response;
import org.portops.vessel.api.auth.Role;

/** Vessel calls over HTTP against the live yard on real PostgreSQL: happy paths, validation, auth, tenancy. */
class VesselCallApiTest {

    private static ApiTerminal terminal;
    private static String planner;
    private static String lineA;
    private static String lineB;

    @BeforeAll
    static void start() {
        terminal = new ApiTerminal();
        planner = terminal.staffToken(Role.PLANNER);
        lineA = terminal.lineToken(LINE_A);
        lineB = terminal.lineToken(LINE_B);
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    private static String newId() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String createdByLineA() {
        String id = newId();
        Response created = terminal.send("POST", "/api/v1/vessel-calls", lineA, ApiTerminal.newCall(id, LINE_A));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return id;
    }

    @Test
    void plannerCreatesACallThatIsThenListedAndReadable() {
        String id = newId();
        Response created = terminal.send("POST", "/api/v1/vessel-calls", planner, ApiTerminal.newCall(id, LINE_A));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/vessel-calls/" + id);
        JsonObject read = terminal.get("/api/v1/vessel-calls/" + id, planner).json();
        assertThat(read.getString("line")).isEqualTo("LNA");
        assertThat(read.getString("eta")).isEqualTo("2026-12-01T06:00:00Z");
        assertThat(read.getJsonObject("vessel").getString("imo")).isEqualTo("9074729");
        assertThat(ids(terminal.get("/api/v1/vessel-calls", planner))).contains(id);
        assertThat(terminal.audited(id)).containsExactly("user:staff-planner vessel-call.announced");
    }

    @Test
    void creatingTheSameCallTwiceIsAConflict() {
        String id = createdByLineA();
        Response again = terminal.send("POST", "/api/v1/vessel-calls", lineA, ApiTerminal.newCall(id, LINE_A));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("error")).contains(id, "exists");
    }

    @Test
    void aCallWithAMalformedImoIsRefusedNamingTheField() {
        JsonObject call = ApiTerminal.newCall(newId(), LINE_A);
        call.getJsonObject("vessel").put("imo", "90747");
        Response refused = terminal.send("POST", "/api/v1/vessel-calls", planner, call);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("body/vessel/imo");
    }

    @Test
    void aCallWithAWrongImoCheckDigitIsRefusedNamingTheFieldAndTheExpectedDigit() {
        JsonObject call = ApiTerminal.newCall(newId(), LINE_A);
        call.getJsonObject("vessel").put("imo", "9074728");
        Response refused = terminal.send("POST", "/api/v1/vessel-calls", planner, call);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("body/vessel/imo");
        assertThat(refused.json().getString("error")).contains("expected 9");
    }

    @Test
    void aCallDepartingBeforeItArrivesIsRefusedNamingEtd() {
        JsonObject call = ApiTerminal.newCall(newId(), LINE_A).put("etd", "2026-11-30T06:00:00Z");
        Response refused = terminal.send("POST", "/api/v1/vessel-calls", planner, call);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("body/etd");
    }

    @Test
    void anUnknownFieldIsRefusedByTheContract() {
        JsonObject call = ApiTerminal.newCall(newId(), LINE_A).put("captain", "Haddock");
        Response refused = terminal.send("POST", "/api/v1/vessel-calls", planner, call);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("error")).contains("captain");
    }

    @Test
    void withoutATokenEveryOperationIsUnauthorized() {
        String id = createdByLineA();
        assertThat(terminal.get("/api/v1/vessel-calls", null).status()).isEqualTo(401);
        assertThat(terminal.get("/api/v1/vessel-calls/" + id, null).status()).isEqualTo(401);
        assertThat(terminal.send("POST", "/api/v1/vessel-calls", null, ApiTerminal.newCall(newId(), LINE_A)).status())
                .isEqualTo(401);
        assertThat(terminal.send("PATCH", "/api/v1/vessel-calls/" + id + "/schedule", null,
                new JsonObject().put("eta", "2026-12-01T07:00:00Z")).status()).isEqualTo(401);
        assertThat(terminal.send("PUT", "/api/v1/vessel-calls/" + id + "/bay-plan", null,
                new JsonObject().put("entries", new JsonArray())).status()).isEqualTo(401);
        assertThat(terminal.get("/api/v1/vessel-calls/" + id + "/load-list", null).status()).isEqualTo(401);
        assertThat(terminal.get("/api/v1/vessel-calls/" + id + "/discharge-list", null).status()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorizedAndAGateClerkMayNotAnnounceCalls() {
        Response forged = terminal.get("/api/v1/vessel-calls", lineA.substring(0, lineA.lastIndexOf('.') + 1)
                + "c2lnbmF0dXJlLW9mLXNvbWVvbmUtZWxzZQ");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.headers().firstValue("WWW-Authenticate")).contains("Bearer");

        Response clerk = terminal.send("POST", "/api/v1/vessel-calls", terminal.staffToken(Role.GATE_CLERK),
                ApiTerminal.newCall(newId(), LINE_A));
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(clerk.json().getString("error")).contains("may not write vessel calls");
    }

    @Test
    void aLineNeverSeesOrChangesAnotherLinesCall() {
        String id = createdByLineA();
        String path = "/api/v1/vessel-calls/" + id;

        assertThat(ids(terminal.get("/api/v1/vessel-calls", lineB))).doesNotContain(id);
        Response read = terminal.get(path, lineB);
        Response unknown = terminal.get("/api/v1/vessel-calls/NO-SUCH-CALL", lineB);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().getString("error")).isEqualTo("no vessel call " + id);
        assertThat(unknown.json().getString("error")).isEqualTo("no vessel call NO-SUCH-CALL");
        assertThat(terminal.send("PATCH", path + "/schedule", lineB,
                new JsonObject().put("eta", "2026-12-01T07:00:00Z")).status()).isEqualTo(404);
        assertThat(terminal.send("PUT", path + "/bay-plan", lineB,
                new JsonObject().put("entries", new JsonArray())).status()).isEqualTo(404);
        assertThat(terminal.get(path + "/load-list", lineB).status()).isEqualTo(404);
        assertThat(terminal.get(path + "/discharge-list", lineB).status()).isEqualTo(404);
        Response announce = terminal.send("POST", "/api/v1/vessel-calls", lineB, ApiTerminal.newCall(newId(), LINE_A));
        assertThat(announce.status()).isEqualTo(403);
        assertThat(terminal.get(path, lineA).json().getString("eta")).isEqualTo("2026-12-01T06:00:00Z");
        assertThat(terminal.audited(id)).containsExactly("user:system-of-LNA vessel-call.announced");
    }

    @Test
    void aLaterEtaClearsTheFutureEtbItOvertakesSoTheBerthPlannerPlacesTheCallAgain() {
        String id = createdByLineA();
        String path = "/api/v1/vessel-calls/" + id + "/schedule";
        assertThat(terminal.send("PATCH", path, lineA, new JsonObject().put("etb", "2026-12-01T08:00:00Z")).status())
                .isEqualTo(200);

        Response later = terminal.send("PATCH", path, lineA, new JsonObject().put("eta", "2026-12-01T12:00:00Z"));
        assertThat(later.status()).as("%s", later).isEqualTo(200);
        assertThat(later.json().getString("eta")).isEqualTo("2026-12-01T12:00:00Z");
        assertThat(later.json().getString("etb")).isNull();

        // an ETB sent with the ETA is still checked against it
        Response both = terminal.send("PATCH", path, lineA, new JsonObject().put("eta", "2026-12-01T14:00:00Z")
                .put("etb", "2026-12-01T13:00:00Z"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().getString("field")).isEqualTo("body/etb");
    }

    @Test
    void scheduleChangesKeepWhatIsNotSentAndAreCheckedAsAWhole() {
        String id = createdByLineA();
        String path = "/api/v1/vessel-calls/" + id + "/schedule";

        Response moved = terminal.send("PATCH", path, lineA, new JsonObject().put("eta", "2026-12-01T10:30:00+01:00")
                .put("etb", "2026-12-01T11:00:00Z"));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json().getString("eta")).isEqualTo("2026-12-01T09:30:00Z");
        assertThat(moved.json().getString("etb")).isEqualTo("2026-12-01T11:00:00Z");
        assertThat(moved.json().getString("etd")).isEqualTo("2026-12-02T18:00:00Z");

        Response outside = terminal.send("PATCH", path, lineA, new JsonObject().put("etb", "2026-12-03T00:00:00Z"));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().getString("field")).isEqualTo("body/etb");
        Response empty = terminal.send("PATCH", path, lineA, new JsonObject());
        assertThat(empty.status()).isEqualTo(400);
        Response future = terminal.send("PATCH", path, lineA, new JsonObject().put("ata", "2099-01-01T00:00:00Z"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().getString("field")).isEqualTo("body/ata");
        assertThat(terminal.get("/api/v1/vessel-calls/" + id, lineA).json().getString("etb"))
                .isEqualTo("2026-12-01T11:00:00Z");
        assertThat(terminal.audited(id)).containsExactly("user:system-of-LNA vessel-call.announced",
                "user:system-of-LNA vessel-call.rescheduled");
    }

    @Test
    void anUploadedBayPlanGivesTheLoadAndDischargeListsInStowageOrder() {
        String id = createdByLineA();
        Container first = ApiTerminal.container(LINE_A);
        Container second = ApiTerminal.container(LINE_A);
        Container landed = ApiTerminal.container(LINE_A);
        JsonObject plan = plan(entry("0010282", "LOAD", first), entry("0030282", "LOAD", second),
                entry("0050282", "DISCHARGE", landed));

        Response uploaded = terminal.send("PUT", "/api/v1/vessel-calls/" + id + "/bay-plan", lineA, plan);

        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(200);
        assertThat(uploaded.json().getJsonObject("bayPlan").getInteger("load")).isEqualTo(2);
        assertThat(uploaded.json().getJsonObject("bayPlan").getInteger("discharge")).isEqualTo(1);
        JsonArray load = terminal.get("/api/v1/vessel-calls/" + id + "/load-list", lineA).json()
                .getJsonArray("containers");
        assertThat(load.stream().map(e -> ((JsonObject) e).getJsonObject("container").getString("number")).toList())
                .containsExactly(first.number().value(), second.number().value());
        JsonArray discharge = terminal.get("/api/v1/vessel-calls/" + id + "/discharge-list", planner).json()
                .getJsonArray("containers");
        assertThat(discharge.getJsonObject(0).getString("slot")).isEqualTo("0050282");
    }

    @Test
    void aBayPlanIsRefusedWholeNamingTheBrokenEntry() {
        String id = createdByLineA();
        Container good = ApiTerminal.container(LINE_A);
        JsonObject badDigit = entry("0030282", "LOAD", ApiTerminal.container(LINE_A));
        String number = badDigit.getJsonObject("container").getString("number");
        badDigit.getJsonObject("container").put("number", number.substring(0, 10)
                + (char) ('0' + (number.charAt(10) - '0' + 1) % 10));

        Response refused = terminal.send("PUT", "/api/v1/vessel-calls/" + id + "/bay-plan", lineA,
                plan(entry("0010282", "LOAD", good), badDigit));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("body/entries/1/container");
        assertThat(refused.json().getString("error")).contains("check digit");
        assertThat(terminal.get("/api/v1/vessel-calls/" + id + "/load-list", lineA).json()
                .getJsonArray("containers")).isEmpty();

        Response badSlot = terminal.send("PUT", "/api/v1/vessel-calls/" + id + "/bay-plan", lineA,
                plan(entry("0020282", "LOAD", good)));
        assertThat(badSlot.status()).isEqualTo(400);
        assertThat(badSlot.json().getString("field")).isEqualTo("body/entries/0");
        assertThat(badSlot.json().getString("error")).contains("odd bays");
    }

    @Test
    void aLineSendsOnlyItsOwnContainersAndReadsOnlyItsOwnOnAPartnersVessel() {
        String id = createdByLineA();
        Container foreign = ApiTerminal.container(LINE_B);
        Response refused = terminal.send("PUT", "/api/v1/vessel-calls/" + id + "/bay-plan", lineA,
                plan(entry("0010282", "LOAD", foreign)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("body/entries/0/container/line");

        Container own = ApiTerminal.container(LINE_A);
        Response shared = terminal.send("PUT", "/api/v1/vessel-calls/" + id + "/bay-plan", planner,
                plan(entry("0010282", "LOAD", own), entry("0030282", "LOAD", foreign)));
        assertThat(shared.status()).as("%s", shared).isEqualTo(200);

        JsonObject seenByB = terminal.get("/api/v1/vessel-calls/" + id, lineB).json();
        assertThat(seenByB.getJsonObject("bayPlan").getInteger("load")).isEqualTo(1);
        JsonArray listB = terminal.get("/api/v1/vessel-calls/" + id + "/load-list", lineB).json()
                .getJsonArray("containers");
        assertThat(listB.stream().map(e -> ((JsonObject) e).getJsonObject("container").getString("number")).toList())
                .containsExactly(foreign.number().value());
        Response changeByB = terminal.send("PATCH", "/api/v1/vessel-calls/" + id + "/schedule", lineB,
                new JsonObject().put("eta", "2026-12-01T07:00:00Z"));
        assertThat(changeByB.status()).isEqualTo(403);
    }

    private static List<String> ids(Response list) {
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        return list.json().getJsonArray("vesselCalls").stream().map(c -> ((JsonObject) c).getString("id")).toList();
    }

    static JsonObject entry(String slot, String action, Container container) {
        return new JsonObject().put("slot", slot).put("action", action).put("container", ModelJson.container(container));
    }

    static JsonObject plan(JsonObject... entries) {
        return new JsonObject().put("entries", new JsonArray(List.of((Object[]) entries)));
    }
}
