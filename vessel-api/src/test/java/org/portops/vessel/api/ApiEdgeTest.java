package org.portops.vessel.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.vessel.api.ApiTerminal.Response;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Role;

/** What surrounds the operations: the contract and its docs, rate limits, and the server's own routes. */
class ApiEdgeTest {

    private static ApiTerminal terminal;

    @BeforeAll
    static void start() {
        terminal = new ApiTerminal(AuthSettings.hmac(ApiTerminal.SECRET).withRateLimit(1, 3));
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    @Test
    void theContractAndItsBrowsableDocsArePublic() {
        Response contract = terminal.get("/api/openapi.json", null);
        assertThat(contract.status()).isEqualTo(200);
        JsonObject paths = contract.json().getJsonObject("paths");
        assertThat(contract.body()).doesNotContain("__absolute_uri__");
        assertThat(paths.fieldNames()).contains("/api/v1/vessel-calls", "/api/v1/containers/{containerNumber}",
                "/dcsa/tnt/v3/events", "/api/v1/event-subscriptions", "/dcsa/jit/v2/timestamps");

        Response docs = terminal.get("/api/docs/", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("SwaggerUIBundle", "/api/openapi.json");
        assertThat(terminal.get("/api/docs/swagger-ui/swagger-ui-bundle.js", null).status()).isEqualTo(200);
    }

    @Test
    void everyOperationOfTheContractRefusesARequestWithoutAToken() {
        JsonObject paths = terminal.get("/api/openapi.json", null).json().getJsonObject("paths");
        List<String> checked = new ArrayList<>();
        for (String template : paths.fieldNames()) {
            String path = template.replace("{callId}", "CALL1").replace("{containerNumber}", "CSQU3054383")
                    .replace("{kind}", "LINE").replace("{subscriptionID}", "5f0c8f36-6f2b-4e9c-9a57-8f1d2a3b4c5d")
                    .replace("{timestampID}", "5f0c8f36-6f2b-4e9c-9a57-8f1d2a3b4c5d")
                    .replace("{appointmentId}", "5f0c8f36-6f2b-4e9c-9a57-8f1d2a3b4c5d")
                    .replace("{transactionId}", "5f0c8f36-6f2b-4e9c-9a57-8f1d2a3b4c5d")
                    .replace("{visitId}", "5f0c8f36-6f2b-4e9c-9a57-8f1d2a3b4c5d");
            for (String method : paths.getJsonObject(template).fieldNames()) {
                if (method.equals("parameters")) {
                    continue;
                }
                Response response = terminal.send(method.toUpperCase(Locale.ROOT), path, null,
                        Set.of("post", "put", "patch").contains(method) ? new JsonObject() : null);
                assertThat(response.status()).as("%s %s: %s", method, path, response).isEqualTo(401);
                checked.add(method + " " + template);
            }
        }
        assertThat(checked).hasSize(31);
    }

    @Test
    void pathsTheApiDoesNotKnowFallThroughToTheServer() {
        assertThat(terminal.get("/health", null).body()).isEqualTo("UP");
        Response unknown = terminal.get("/elsewhere", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("not found by the server");
    }

    @Test
    void aClientOverItsRateIsToldWhenToRetryWhileOthersGoOn() {
        String busy = terminal.staffToken(Role.OPERATOR);
        int ok = 0;
        Response limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            Response response = terminal.get("/api/v1/vessel-calls", busy);
            if (response.status() == 429) {
                limited = response;
            } else {
                ok++;
            }
        }
        assertThat(limited).as("a burst of 3 at 1/s must run out within 10 requests").isNotNull();
        assertThat(ok).isBetween(3, 5);
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(limited.json().getString("error")).contains("rate limit", "staff-operator");
        assertThat(terminal.get("/api/v1/vessel-calls", terminal.staffToken(Role.PLANNER)).status()).isEqualTo(200);
    }
}
