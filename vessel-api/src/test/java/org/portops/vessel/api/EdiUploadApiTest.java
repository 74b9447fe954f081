package org.portops.vessel.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.model.container.LineOperator;
import org.portops.vessel.api.ApiTerminal.Response;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.edi.EdiFiles;

/**
 * EDIFACT uploaded over HTTP into the inbox against real PostgreSQL and the live yard: applied, refused whole with
 * its errors, COPRAR orders on the load list, archived as received; who may upload, and a line held to its own
 * containers and calls.
 */
class EdiUploadApiTest {

    private static final String UPLOAD = "/api/v1/edi/messages";
    private static final LineOperator MSC = new LineOperator("MSC");

    private static ApiTerminal terminal;
    private static String planner;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        terminal = new ApiTerminal();
        planner = terminal.staffToken(Role.PLANNER);
        JsonObject call = ApiTerminal.newCall("MSC-ANNA-2547W", MSC).put("voyage", "2547W");
        call.getJsonObject("vessel").put("name", "MSC ANNA");
        Response created = terminal.send("POST", "/api/v1/vessel-calls", planner, call);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    @Test
    void anUploadedCoprarIsArchivedAndItsOrdersAreOnTheLoadList() {
        Response upload = upload(EdiFiles.bytes("coprar-d95b-smdg-loading-order.edi"), planner);

        assertThat(upload.status()).as("%s", upload).isEqualTo(201);
        JsonObject receipt = upload.json();
        assertThat(receipt.getString("outcome")).isEqualTo("APPLIED");
        assertThat(receipt.getJsonArray("vesselCalls").getList()).containsExactly("MSC-ANNA-2547W");
        assertThat(receipt.getJsonObject("check").getString("message")).isEqualTo("COPRAR");
        assertThat(receipt.getJsonObject("check").getInteger("containers")).isEqualTo(3);
        assertThat(receipt.getJsonObject("check").getInteger("reefers")).isEqualTo(1);

        JsonObject loadList = terminal.get("/api/v1/vessel-calls/MSC-ANNA-2547W/load-list", planner).json();
        assertThat(loadList.getJsonArray("containers")).isEmpty();
        assertThat(numbers(loadList.getJsonArray("ordered")))
                .containsExactly("MSCU9100012", "MSCU9100028", "MSCU9100033");
        assertThat(loadList.getJsonArray("ordered").getJsonObject(0).getLong("ediMessage"))
                .isEqualTo(receipt.getLong("id"));
        JsonObject mscView = terminal.get("/api/v1/vessel-calls/MSC-ANNA-2547W/load-list", terminal.lineToken(MSC))
                .json();
        assertThat(numbers(mscView.getJsonArray("ordered"))).hasSize(3);
        assertThat(terminal.audited("edi:" + receipt.getLong("id"))).containsExactly("user:staff-planner edi.received");
    }

    @Test
    void aBrokenBaplieIsRefusedWith422AndArchivedWithEveryError() {
        Response upload = upload(EdiFiles.bytes("baplie-broken-unrepairable.edi"), planner);

        assertThat(upload.status()).as("%s", upload).isEqualTo(422);
        JsonObject receipt = upload.json();
        assertThat(receipt.getString("outcome")).isEqualTo("REJECTED");
        assertThat(receipt.getJsonArray("errors")).hasSize(5);
        JsonObject checkDigit = receipt.getJsonArray("errors").getJsonObject(1);
        assertThat(checkDigit.getString("segment")).isEqualTo("EQD");
        assertThat(checkDigit.getInteger("position")).isEqualTo(12);
        assertThat(checkDigit.getString("reason")).isEqualTo("container number MSCU8000010 has check digit 0, "
                + "expected 9");
        assertThat(receipt.getJsonObject("check").getBoolean("accepted")).isFalse();
        assertThat(receipt.getJsonObject("check").getJsonArray("errors")).hasSize(5);
        assertThat(terminal.get("/api/v1/vessel-calls/MSC-ANNA-2547W/discharge-list", planner).json()
                .getJsonArray("containers")).isEmpty();
    }

    @Test
    void aLinesCoprarKeepsItsOwnOrdersAndRefusesTheGroupOfAnotherLinesContainerByItsEqd() {
        byte[] coprar = new String(EdiFiles.bytes("coprar-d95b-smdg-loading-order.edi"), StandardCharsets.ISO_8859_1)
                .replace("DGS+IMD+8+1830'\nNAD+CF+MSC:160:20'", "DGS+IMD+8+1830'\nNAD+CF+HLC:160:20'")
                .getBytes(StandardCharsets.ISO_8859_1);

        Response upload = upload(coprar, terminal.lineToken(MSC));

        assertThat(upload.status()).as("%s", upload).isEqualTo(201);
        JsonObject receipt = upload.json();
        assertThat(receipt.getString("outcome")).isEqualTo("APPLIED");
        assertThat(receipt.getJsonArray("errors")).singleElement().satisfies(error -> {
            JsonObject e = (JsonObject) error;
            assertThat(e.getString("segment")).isEqualTo("EQD");
            assertThat(e.getInteger("position")).isEqualTo(20);
            assertThat(e.getString("reason")).isEqualTo("container MSCU9100033 is operated by HLC: line MSC sends "
                    + "only its own containers");
        });
        JsonObject loadList = terminal.get("/api/v1/vessel-calls/MSC-ANNA-2547W/load-list", planner).json();
        assertThat(loadList.getJsonArray("ordered").stream().map(JsonObject.class::cast)
                .filter(o -> o.getLong("ediMessage") == receipt.getLong("id"))
                .map(o -> o.getJsonObject("container").getString("number")))
                .containsExactly("MSCU9100012", "MSCU9100028");
        assertThat(terminal.audited("edi:" + receipt.getLong("id"))).containsExactly("user:system-of-MSC edi.received");
    }

    @Test
    void aLinesBayPlanNamingOtherLinesContainersOrForAnotherLinesCallIsRefusedWithEachReason() {
        Response shared = upload(EdiFiles.bytes("baplie-d95b-smdg22-msc-anna.edi"), terminal.lineToken(MSC));

        assertThat(shared.status()).as("%s", shared).isEqualTo(422);
        assertThat(shared.json().getJsonArray("errors").stream().map(JsonObject.class::cast)
                .map(e -> e.getString("segment") + " " + e.getInteger("position") + ": " + e.getString("reason")))
                .containsExactly(
                        "EQD 34: container MAEU3456780 is operated by MAE: line MSC sends only its own containers",
                        "EQD 43: container CMAU4567893 is operated by CMA: line MSC sends only its own containers",
                        "EQD 50: container HLXU5678902 is operated by HLX: line MSC sends only its own containers");
        assertThat(terminal.get("/api/v1/vessel-calls/MSC-ANNA-2547W/discharge-list", planner).json()
                .getJsonArray("containers")).isEmpty();

        JsonObject hlxCall = ApiTerminal.newCall("HLX-ANNA-2601E", new LineOperator("HLX")).put("voyage", "2601E");
        assertThat(terminal.send("POST", "/api/v1/vessel-calls", planner, hlxCall).status()).isEqualTo(201);
        String onlyMsc = new String(EdiFiles.bytes("baplie-d95b-smdg22-msc-anna.edi"), StandardCharsets.ISO_8859_1)
                .lines().limit(27)
                .map(line -> line.replace("2547W", "2601E")).reduce("", (a, b) -> a + b + "\n")
                + "UNT+25+1'\nUNZ+1+77001'\n";
        Response foreignCall = upload(onlyMsc.getBytes(StandardCharsets.ISO_8859_1), terminal.lineToken(MSC));

        assertThat(foreignCall.status()).as("%s", foreignCall).isEqualTo(422);
        assertThat(foreignCall.json().getJsonArray("errors")).singleElement().satisfies(error -> {
            JsonObject e = (JsonObject) error;
            assertThat(e.getString("segment") + " " + e.getInteger("position")).isEqualTo("UNH 3");
            assertThat(e.getString("reason")).isEqualTo("vessel call HLX-ANNA-2601E (MSC ANNA 2601E) is operated by "
                    + "HLX: line MSC sends bay plans only for the calls it operates");
        });
        assertThat(terminal.get("/api/v1/vessel-calls/HLX-ANNA-2601E/discharge-list", planner).json()
                .getJsonArray("containers")).isEmpty();
        Response byHlx = upload(onlyMsc.getBytes(StandardCharsets.ISO_8859_1), terminal.lineToken(new LineOperator(
                "HLX")));
        assertThat(byHlx.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("reason")))
                .as("the operating line still sends only its own containers").hasSize(2)
                .allMatch(reason -> reason.endsWith("is operated by MSC: line HLX sends only its own containers"));
        Response planned = upload(onlyMsc.getBytes(StandardCharsets.ISO_8859_1), planner);
        assertThat(planned.status()).as("the terminal's planner may: %s", planned).isEqualTo(201);
    }

    @Test
    void aLineMayNotLoadMovinsOrVermas() {
        Response movins = upload(EdiFiles.bytes("movins-d95b-smdg-msc-anna.edi"), terminal.lineToken(MSC));

        assertThat(movins.status()).as("%s", movins).isEqualTo(422);
        assertThat(movins.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("reason")))
                .contains("a line sends BAPLIE and COPRAR messages, not MOVINS: the terminal's staff load those");
        Response vermas = upload(EdiFiles.bytes("vermas-d16a-smdg-vgm.edi"), terminal.lineToken(MSC));
        assertThat(vermas.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("reason")))
                .contains("a line sends BAPLIE and COPRAR messages, not VERMAS: the terminal's staff load those");
    }

    @Test
    void gateClerksMayNotUploadAndAnEmptyBodyIsRefused() {
        byte[] coprar = EdiFiles.bytes("coprar-d95b-smdg-loading-order.edi");

        assertThat(upload(coprar, null).status()).isEqualTo(401);
        assertThat(upload(coprar, terminal.staffToken(Role.GATE_CLERK)).status()).isEqualTo(403);
        Response empty = upload(new byte[0], planner);
        assertThat(empty.status()).as("%s", empty).isEqualTo(400);
    }

    private Response upload(byte[] content, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(terminal.baseUrl() + UPLOAD))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> numbers(JsonArray ordered) {
        return ordered.stream().map(o -> ((JsonObject) o).getJsonObject("container").getString("number")).toList();
    }
}
