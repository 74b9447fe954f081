package org.portops.app.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.sim.twin.Scenario;
import org.portops.sim.twin.TwinKpis;
import org.portops.sim.twin.TwinRun;

/**
 * Twin snapshots of the sample terminal's starting state (~7,000 boxes, 3 vessel calls with their bay plans): a file
 * gives back exactly the state it was written from, a what-if from it equals one from that state, and a file this
 * PortOps does not read is refused with the reason.
 */
class TwinSnapshotTest {
    private static final TerminalLayout LAYOUT = TerminalLayoutLoader.sample();
    // not on a whole second: the file must keep the instant to the nanosecond, or runs from it would start elsewhere
    private static final Instant TAKEN = Instant.parse("2026-11-24T06:00:00.123456789Z");
    private static final TwinSnapshot SNAPSHOT = new TwinSnapshot(LAYOUT.terminalCode(), TAKEN,
            SampleInventory.generate(LAYOUT, 7, TAKEN));

    @TempDir
    Path folder;

    @Test
    void aSavedSnapshotReadsBackEqualToTheStateItWasTakenOf() throws Exception {
        Path file = folder.resolve("start.json");

        SNAPSHOT.write(file);
        TwinSnapshot read = TwinSnapshot.read(file);

        assertThat(read).isEqualTo(SNAPSHOT);
        assertThat(read.inventory().containers()).hasSizeGreaterThan(5000)
                .containsExactlyElementsOf(SNAPSHOT.inventory().containers());
        assertThat(read.inventory().vesselCalls()).hasSize(3)
                .allSatisfy(call -> assertThat(call.bayPlan().entries()).isNotEmpty());
        assertThat(read.inventory().vesselCalls().stream().filter(c -> c.etb() != null)).isNotEmpty();
        JsonObject json = new JsonObject(Files.readString(file));
        assertThat(json.getString("format")).isEqualTo("portops-twin-snapshot");
        assertThat(json.getInteger("version")).isEqualTo(1);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void aWhatIfFromTheSavedSnapshotEqualsOneFromTheStateItWasTakenOf() throws Exception {
        Path file = folder.resolve("start.json");
        SNAPSHOT.write(file);
        TwinSnapshot read = TwinSnapshot.read(file);
        Scenario scenario = Scenario.parse("down=breakdown:QC01@5m+1h;gate-surge:3@0s+1h");

        TwinKpis fromState = new TwinRun(LAYOUT, SNAPSHOT.inventory(), SNAPSHOT.takenAt(), 5)
                .run(scenario, Duration.ofMinutes(20), done -> { });
        TwinKpis fromFile = new TwinRun(LAYOUT, read.inventory(), read.takenAt(), 5)
                .run(scenario, Duration.ofMinutes(20), done -> { });

        assertThat(fromFile).isEqualTo(fromState);
        assertThat(fromState.vesselMoves()).isPositive();
        assertThat(fromState.trucksServed()).isPositive();
    }

    @Test
    void refusesAFileItDoesNotReadWithTheReason() throws Exception {
        JsonObject good = SNAPSHOT.toJson();

        assertThatThrownBy(() -> TwinSnapshot.fromJson(good.copy().put("format", "layout"), "f.json"))
                .hasMessage("f.json: not a twin snapshot (format 'layout', expected 'portops-twin-snapshot')");
        assertThatThrownBy(() -> TwinSnapshot.fromJson(good.copy().put("version", 2), "f.json"))
                .hasMessage("f.json: twin snapshot version 2 is not one this PortOps reads (it reads version 1)");
        assertThatThrownBy(() -> TwinSnapshot.fromJson(good.copy().put("takenAt", "noon"), "f.json"))
                .hasMessageStartingWith("f.json: takenAt is not an ISO-8601 instant");
        JsonObject badBox = good.copy();
        badBox.getJsonArray("containers").getJsonObject(3).getJsonObject("container").put("number", "MSCU1234560");
        assertThatThrownBy(() -> TwinSnapshot.fromJson(badBox, "f.json")).hasMessageStartingWith("f.json: containers[3]: ")
                .hasMessageContaining("MSCU1234560");
        JsonObject badSlot = good.copy();
        badSlot.getJsonArray("containers").getJsonObject(0).put("slot", "nowhere");
        assertThatThrownBy(() -> TwinSnapshot.fromJson(badSlot, "f.json"))
                .hasMessageStartingWith("f.json: containers[0]: yard slot must look like A01-05-03-2");
        JsonObject noCalls = good.copy();
        noCalls.remove("vesselCalls");
        assertThatThrownBy(() -> TwinSnapshot.fromJson(noCalls, "f.json"))
                .hasMessage("f.json: vesselCalls is missing or not an array");
        Path notJson = folder.resolve("x.json");
        Files.writeString(notJson, "{\"format\": ", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TwinSnapshot.read(notJson)).hasMessageStartingWith(notJson + ": not a JSON object");
    }
}
