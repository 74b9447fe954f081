package org.portops.vessel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;
import static org.portops.vessel.api.ApiTerminal.LINE_A;
import static org.portops.vessel.api.ApiTerminal.LINE_B;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.event.Addresses;
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.ChangeResult;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.vessel.api.ApiTerminal.Response;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Role;

/** Container status, move history and holds over HTTP against the live yard and the move log. */
class ContainerApiTest {

    private static ApiTerminal terminal;
    private static String operator;
    private static String lineA;
    private static String lineB;

    @BeforeAll
    static void start() {
        terminal = new ApiTerminal();
        operator = terminal.staffToken(Role.OPERATOR);
        lineA = terminal.lineToken(LINE_A);
        lineB = terminal.lineToken(LINE_B);
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    @Test
    void statusSaysWhereTheContainerIsItsLastMoveHoldsAndPlannedMoves() {
        Container box = ApiTerminal.container(LINE_A);
        YardSlot slot = terminal.gateIn(box);
        WorkInstruction planned = WorkInstruction.planned(new WorkInstructionId("WI-" + UUID.randomUUID()),
                box.number(), MoveKind.GATE_OUT, new YardLocation(slot), new GateLocation("OUT-1"), 1, Instant.now());
        assertThat(await(terminal.yard.updateInstruction(planned))).isEqualTo(ChangeResult.APPLIED);

        Response status = terminal.get("/api/v1/containers/" + box.number(), lineA);

        assertThat(status.status()).as("%s", status).isEqualTo(200);
        JsonObject json = status.json();
        assertThat(json.getBoolean("inTerminal")).isTrue();
        assertThat(json.getString("location")).isEqualTo("yard:" + slot);
        assertThat(json.getJsonObject("container").getString("line")).isEqualTo("LNA");
        assertThat(json.getJsonObject("lastMove").getString("kind")).isEqualTo("GATE_IN");
        assertThat(json.getJsonObject("lastMove").getString("to")).isEqualTo("yard:" + slot);
        assertThat(json.getJsonArray("holds")).isEmpty();
        JsonArray moves = json.getJsonArray("plannedMoves");
        assertThat(moves).hasSize(1);
        assertThat(moves.getJsonObject(0).getString("source")).isEqualTo("WORK_INSTRUCTION");
        assertThat(moves.getJsonObject(0).getString("id")).isEqualTo(planned.id().value());
    }

    @Test
    void aContainerAnnouncedInABayPlanIsKnownBeforeItArrivesWithItsPlannedLoad() {
        String call = "C-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(terminal.send("POST", "/api/v1/vessel-calls", lineA, ApiTerminal.newCall(call, LINE_A)).status())
                .isEqualTo(201);
        Container box = ApiTerminal.container(LINE_A);
        assertThat(terminal.send("PUT", "/api/v1/vessel-calls/" + call + "/bay-plan", lineA,
                VesselCallApiTest.plan(VesselCallApiTest.entry("0010282", "LOAD", box))).status()).isEqualTo(200);

        JsonObject json = terminal.get("/api/v1/containers/" + box.number(), lineA).json();

        assertThat(json.getBoolean("inTerminal")).isFalse();
        assertThat(json.getValue("location")).isNull();
        assertThat(json.getValue("lastMove")).isNull();
        JsonObject load = json.getJsonArray("plannedMoves").getJsonObject(0);
        assertThat(load.getString("source")).isEqualTo("BAY_PLAN");
        assertThat(load.getString("vesselCall")).isEqualTo(call);
        assertThat(load.getString("action")).isEqualTo("LOAD");
    }

    @Test
    void moveHistoryListsEveryMoveInOrderAlsoAfterTheContainerLeft() {
        Container box = ApiTerminal.container(LINE_A);
        YardSlot slot = terminal.gateIn(box);
        MoveResult out = await(terminal.yard.move(MoveRequest.of(box.number(), MoveKind.GATE_OUT,
                new YardLocation(slot), new GateLocation("OUT-1"))));
        assertThat(out).isInstanceOf(MoveResult.Accepted.class);

        Response history = terminal.get("/api/v1/containers/" + box.number() + "/moves", lineA);

        assertThat(history.status()).as("%s", history).isEqualTo(200);
        JsonArray moves = history.json().getJsonArray("moves");
        assertThat(moves.stream().map(m -> ((JsonObject) m).getString("kind")).toList())
                .containsExactly("GATE_IN", "GATE_OUT");
        assertThat(moves.getJsonObject(0).getLong("sequence")).isLessThan(moves.getJsonObject(1).getLong("sequence"));
        JsonObject status = terminal.get("/api/v1/containers/" + box.number(), lineA).json();
        assertThat(status.getBoolean("inTerminal")).isFalse();
        assertThat(status.getJsonObject("lastMove").getString("kind")).isEqualTo("GATE_OUT");
    }

    @Test
    void holdsArePlacedListedAndReleasedOncePerKind() {
        Container box = ApiTerminal.container(LINE_A);
        terminal.gateIn(box);
        String holds = "/api/v1/containers/" + box.number() + "/holds";
        List<String> announced = new CopyOnWriteArrayList<>();
        MessageConsumer<JsonObject> planners = terminal.vertx.eventBus().consumer(Addresses.CONTAINER_HOLD_CHANGED,
                fact -> {
                    if (fact.body().getString("container").equals(box.number().value())) {
                        announced.add(fact.body().getString("kind") + " " + fact.body().getBoolean("held"));
                    }
                });
        await(planners.completion());

        Response customs = terminal.send("POST", holds, terminal.staffToken(Role.GATE_CLERK),
                new JsonObject().put("kind", "CUSTOMS").put("reason", "scan requested"));
        assertThat(customs.status()).as("%s", customs).isEqualTo(201);
        assertThat(customs.json().getString("placedBy")).isEqualTo("staff-gate-clerk");
        Response line = terminal.send("POST", holds, lineA, new JsonObject().put("kind", "LINE").put("reason", "unpaid"));
        assertThat(line.status()).isEqualTo(201);
        Response twice = terminal.send("POST", holds, lineA, new JsonObject().put("kind", "LINE").put("reason", "again"));
        assertThat(twice.status()).isEqualTo(409);
        Response lineCustoms = terminal.send("DELETE", holds + "/CUSTOMS", lineA, null);
        assertThat(lineCustoms.status()).isEqualTo(403);
        assertThat(kinds(box)).containsExactlyInAnyOrder("CUSTOMS", "LINE");

        assertThat(terminal.send("DELETE", holds + "/LINE", lineA, null).status()).isEqualTo(204);
        assertThat(terminal.send("DELETE", holds + "/LINE", lineA, null).status()).isEqualTo(404);
        assertThat(kinds(box)).containsExactly("CUSTOMS");
        assertThat(terminal.audited(box.number().value())).containsExactly("user:staff-gate-clerk container.hold-placed",
                "user:system-of-LNA container.hold-placed", "user:system-of-LNA container.hold-released");
        // the planners hear of every change, so a held box's moves are kept back at once, a released one's go out
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (announced.size() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(announced).containsExactly("CUSTOMS true", "LINE true", "LINE false");
        await(planners.unregister());
    }

    @Test
    void malformedRequestsAreRefusedNamingTheField() {
        Response badNumber = terminal.get("/api/v1/containers/ABCU12345", operator);
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.json().getString("field")).isEqualTo("path/containerNumber");

        Response badDigit = terminal.get("/api/v1/containers/CSQU3054384", operator);
        assertThat(badDigit.status()).isEqualTo(400);
        assertThat(badDigit.json().getString("field")).isEqualTo("path/containerNumber");
        assertThat(badDigit.json().getString("error")).contains("expected 3");

        Container box = ApiTerminal.container(LINE_A);
        terminal.gateIn(box);
        Response badKind = terminal.send("POST", "/api/v1/containers/" + box.number() + "/holds", operator,
                new JsonObject().put("kind", "POLICE").put("reason", "x"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().getString("field")).isEqualTo("body/kind");
        Response noReason = terminal.send("POST", "/api/v1/containers/" + box.number() + "/holds", operator,
                new JsonObject().put("kind", "TERMINAL"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().getString("error")).contains("reason");
    }

    @Test
    void authIsRequiredAndClaimsMustFitTheRole() {
        Container box = ApiTerminal.container(LINE_A);
        terminal.gateIn(box);
        String path = "/api/v1/containers/" + box.number();
        assertThat(terminal.get(path, null).status()).isEqualTo(401);
        assertThat(terminal.get(path + "/moves", null).status()).isEqualTo(401);
        assertThat(terminal.send("POST", path + "/holds", null,
                new JsonObject().put("kind", "LINE").put("reason", "x")).status()).isEqualTo(401);
        assertThat(terminal.send("DELETE", path + "/holds/LINE", null, null).status()).isEqualTo(401);

        JsonObject operatorClaims = new Caller("old", Set.of(Role.OPERATOR), null, null).toClaims();
        long now = Instant.now().getEpochSecond();
        Response expired = terminal.get(path, terminal.signed(operatorClaims.copy().put("exp", now - 120)));
        assertThat(expired.status()).isEqualTo(401);
        Response forever = terminal.get(path, terminal.signed(operatorClaims));
        assertThat(forever.status()).isEqualTo(403);
        assertThat(forever.json().getString("error")).contains("no exp claim");
        String driverWithoutMachine = terminal.auth.mint(new Caller("d", Set.of(Role.CRANE_DRIVER), null, null),
                Duration.ofMinutes(5));
        Response driver = terminal.get(path, driverWithoutMachine);
        assertThat(driver.status()).isEqualTo(403);
        assertThat(driver.json().getString("error")).contains("machine");
        assertThat(terminal.get(path, terminal.staffToken(Role.CRANE_DRIVER)).status()).isEqualTo(200);
        Response driverHold = terminal.send("POST", path + "/holds", terminal.staffToken(Role.CRANE_DRIVER),
                new JsonObject().put("kind", "TERMINAL").put("reason", "x"));
        assertThat(driverHold.status()).isEqualTo(403);
    }

    @Test
    void aLineCannotTellAnotherLinesContainerFromAnUnknownOne() {
        Container box = ApiTerminal.container(LINE_A);
        terminal.gateIn(box);
        Container unknown = ApiTerminal.container(LINE_A);
        String path = "/api/v1/containers/" + box.number();

        Response other = terminal.get(path, lineB);
        Response none = terminal.get("/api/v1/containers/" + unknown.number(), lineB);
        assertThat(other.status()).isEqualTo(404);
        assertThat(none.status()).isEqualTo(404);
        assertThat(other.json().getString("error")).isEqualTo("no container " + box.number());
        assertThat(terminal.get(path + "/moves", lineB).status()).isEqualTo(404);
        assertThat(terminal.send("POST", path + "/holds", lineB,
                new JsonObject().put("kind", "LINE").put("reason", "not mine")).status()).isEqualTo(404);
        assertThat(terminal.send("DELETE", path + "/holds/LINE", lineB, null).status()).isEqualTo(404);
        assertThat(kinds(box)).isEmpty();
    }

    private static List<String> kinds(Container box) {
        return terminal.get("/api/v1/containers/" + box.number(), lineA).json().getJsonArray("holds").stream()
                .map(h -> ((JsonObject) h).getString("kind")).toList();
    }
}
