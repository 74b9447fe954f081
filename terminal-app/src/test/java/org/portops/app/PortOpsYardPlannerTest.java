package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.portops.app.config.Setting;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.event.Addresses;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.yard.YardSlot;
import org.portops.state.StackView;
import org.portops.state.json.ModelJson;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.api.auth.TokenMinter;

/**
 * {@code portops run} with {@code yard.enabled=true}, in-process with the embedded PostgreSQL, broker and Hazelcast
 * on the sample terminal: a container announced at the gate gets a slot the live yard shows free, as a planned
 * GATE_IN instruction in live state, explained; a drop-off whose gate ticket names no slot is put where the planner
 * says over the vessel API.
 */
// The planner's first decision reads the whole sample yard, which on a loaded machine can take longer than a truck
// waits at the gate (GateRoutes.SLOT_ANSWER_TIMEOUT): the announcement test, which waits up to 180 s, runs first.
@TestMethodOrder(MethodOrderer.MethodName.class)
class PortOpsYardPlannerTest {

    @TempDir
    static Path dataDir;
    private static PortOps portops;

    @BeforeAll
    static void start() {
        Map<Setting, String> settings = Launch.isolated(dataDir, FreePorts.next(), FreePorts.next());
        settings.put(Setting.YARD_ENABLED, "true");
        portops = Launch.start(settings);
    }

    @AfterAll
    static void stop() {
        if (portops != null) {
            portops.stop();
        }
    }

    @Test
    void aContainerAnnouncedAtTheGateGetsAnExplainedSlotAsAPlannedInstruction() throws Exception {
        assertThat(portops.yardPlanning()).isNotNull();
        Container box = new Container(ContainerNumber.fromParts("GTE", 'U', 4711), new SizeTypeCode("42G1"),
                new VgmWeight(21_000), new LineOperator("MSK"), new UnLocode("NLRTM"), new UnLocode("USNYC"),
                ContainerCategory.IMPORT, null, null);

        JsonObject reply = portops.vertx().eventBus().<JsonObject>request(Addresses.YARD_SLOT_REQUEST,
                        new JsonObject().put("container", ModelJson.container(box)).put("lane", "IN-1"))
                .await(180, TimeUnit.SECONDS).body();

        YardSlot slot = YardSlot.parse(reply.getString("slot"));
        assertThat(reply.getString("kind")).isEqualTo("GATE_IN");
        assertThat(reply.getJsonArray("reasons").stream().map(Object::toString))
                .anyMatch(reason -> reason.contains("Travel"));
        Optional<WorkInstruction> written = portops.liveYard().reader()
                .workInstruction(new WorkInstructionId(reply.getString("instruction"))).await(10, TimeUnit.SECONDS);
        assertThat(written).hasValueSatisfying(w -> {
            assertThat(w.kind()).isEqualTo(MoveKind.GATE_IN);
            assertThat(w.state()).isEqualTo(WorkInstructionState.PLANNED);
            assertThat(w.to().toString()).isEqualTo("yard:" + slot);
        });
        StackView stack = portops.liveYard().reader().stack(slot.stack()).await(10, TimeUnit.SECONDS);
        assertThat(stack.tiers().get(slot.tier().level() - 1).status()).isEqualTo(StackView.SlotStatus.EMPTY);
        assertThat(slot.stack().bay().number() % 2).as("a 40' stands at an odd bay").isEqualTo(1);
    }

    @Test
    void aDropOffWithoutASlotOnItsTicketGoesWhereTheYardPlannerSaysAndClosesItsInstruction() throws Exception {
        Container box = new Container(ContainerNumber.fromParts("GTE", 'U', 4712), new SizeTypeCode("22G1"),
                new VgmWeight(14_000), new LineOperator("MSK"), new UnLocode("NLRTM"), new UnLocode("USNYC"),
                ContainerCategory.EXPORT, null, null);
        String clerk = new TokenMinter(AuthSettings.resolve(Map.of(), dataDir), Clock.systemUTC())
                .mint(new Caller("gate-test", Set.of(Role.GATE_CLERK), null, null), Duration.ofMinutes(10));
        JsonObject booked = api("POST", "/api/v1/gate/appointments", clerk, new JsonObject().put("kind", "DROP_OFF")
                .put("container", box.number().value()).put("truck", "TRK 9")
                .put("windowStart", Instant.now().truncatedTo(ChronoUnit.HOURS).toString())
                .put("preAdvice", ModelJson.container(box)), 201);

        JsonObject in = api("POST", "/api/v1/gate/transactions", clerk, new JsonObject().put("direction", "IN")
                .put("appointment", booked.getString("id")).put("container", box.number().value())
                .put("truck", "TRK 9").put("lane", "IN-2").put("seal", "SL9"), 201);

        YardSlot slot = YardSlot.parse(in.getString("yardSlot"));
        assertThat(portops.liveYard().reader().container(box.number()).await(10, TimeUnit.SECONDS))
                .hasValueSatisfying(view -> assertThat(view.location().toString()).isEqualTo("yard:" + slot));
        JsonObject lastMove = api("GET", "/api/v1/containers/" + box.number(), clerk, null, 200)
                .getJsonObject("lastMove");
        assertThat(lastMove.getString("kind")).isEqualTo("GATE_IN");
        WorkInstruction planned = portops.liveYard().reader()
                .workInstruction(new WorkInstructionId(lastMove.getString("instruction")))
                .await(10, TimeUnit.SECONDS).orElseThrow();
        assertThat(planned.kind()).isEqualTo(MoveKind.GATE_IN);
        assertThat(planned.from().toString()).isEqualTo("gate:IN-2");
        assertThat(planned.to().toString()).isEqualTo("yard:" + slot);
        assertThat(planned.state()).as("the gate did its work: never left planned for a yard crane")
                .isEqualTo(WorkInstructionState.CANCELLED);
        assertThat(planned.exception().code()).isEqualTo("PLACED_AT_GATE");
    }

    private static JsonObject api(String method, String path, String token, JsonObject body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portops.httpPort() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(180));
        request = body == null ? request.GET() : request.header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
        return new JsonObject(response.body());
    }
}
