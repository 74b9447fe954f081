package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

/** {@code portops twin}: the table, the progress, the picture and the JSON line of a what-if from the command line. */
class TwinCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path folder;

    private int execute(String... args) {
        CommandLine commandLine = PortOpsCli.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void comparesTheScenariosWithTheBaselineInATableAPictureAndOneJsonLine() throws Exception {
        Path picture = folder.resolve("what-if.svg");

        int exit = execute("twin", "--hours", "0.5", "--svg", picture.toString(), "down=breakdown:QC01@0s+1h",
                "busy-gate=gate-surge:4@0s+1h");

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.getFirst()).contains("KPI").contains("baseline").contains("down").contains("busy-gate");
        assertThat(out.toString()).contains("Gross moves per crane-hour").contains("Truck turn, p95 (min)");
        assertThat(err.toString()).contains("twin: baseline 100%").contains("twin: down 100%");
        JsonObject json = new JsonObject(lines.getLast());
        JsonArray scenarios = json.getJsonArray("scenarios");
        assertThat(scenarios.stream().map(s -> ((JsonObject) s).getString("scenario")))
                .containsExactly("baseline", "down", "busy-gate");
        assertThat(scenarios.getJsonObject(1).getString("events")).isEqualTo("down=breakdown:QC01@0s+1h");
        assertThat(scenarios.getJsonObject(1).getJsonObject("craneMoves").getInteger("QC01")).isZero();
        assertThat(scenarios.getJsonObject(2).getInteger("trucksServed"))
                .isGreaterThan(scenarios.getJsonObject(0).getInteger("trucksServed"));
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(picture.toFile());
        assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(Files.readString(picture)).contains("busy-gate").contains("Vessel stays");
    }

    @Test
    void aRunFromASavedStartGivesTheFiguresOfTheRunItWasSavedFrom() throws Exception {
        Path snapshot = folder.resolve("start.json");
        int saved = execute("twin", "--hours", "0.25", "--seed", "4", "--save-snapshot", snapshot.toString(),
                "down=breakdown:QC02@5m+1h");
        assertThat(saved).as(err.toString()).isZero();
        JsonObject first = new JsonObject(out.toString().lines().toList().getLast());
        assertThat(err.toString()).contains("twin: starting state saved to " + snapshot.toAbsolutePath());
        out.getBuffer().setLength(0);

        int again = execute("twin", "--hours", "0.25", "--seed", "4", "--snapshot", snapshot.toString(),
                "down=breakdown:QC02@5m+1h");

        assertThat(again).as(err.toString()).isZero();
        JsonObject second = new JsonObject(out.toString().lines().toList().getLast());
        assertThat(second.getString("from")).isEqualTo(first.getString("from"));
        assertThat(second.getJsonArray("scenarios")).isEqualTo(first.getJsonArray("scenarios"));
        assertThat(first.getJsonArray("scenarios").getJsonObject(0).getInteger("vesselMoves")).isPositive();

        Files.writeString(snapshot, "{\"format\": \"portops-twin-snapshot\", \"version\": 2}");
        assertThat(execute("twin", "--snapshot", snapshot.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--snapshot: " + snapshot + ": twin snapshot version 2 is not one");
        assertThat(execute("twin", "--snapshot", folder.resolve("none.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--snapshot: " + folder.resolve("none.json"));
    }

    @Test
    void aBadScenarioIsRefusedNamingTheEvent() throws IOException {
        int exit = execute("twin", "--hours", "1", "x=breakdown:QC01@later+1h");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("scenario x, event 'breakdown:QC01@later+1h': expected WHAT@START+DURATION");
        assertThat(execute("twin", "--hours", "1", "x=breakdown:QC77@0s+1h")).isEqualTo(2);
        assertThat(err.toString()).contains("scenario x: no machine QC77 in the terminal");
    }
}
