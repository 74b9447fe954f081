package org.portops.bench.bap;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.crane.berth.BerthInstance;
import org.portops.crane.berth.BerthPlan;
import org.portops.crane.berth.BerthPlanChecker;
import org.portops.crane.berth.BerthPlanJson;
import org.portops.crane.berth.LallaRuizReader;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BapBenchTest {

    @Test
    void runsEveryMethodWritesCheckedSolutionsAndEndsWithOneLineOfJson(@TempDir Path folder) throws Exception {
        Path instances = Files.createDirectories(folder.resolve("instances/nested"));
        Path file = instances.resolve("tiny-01.txt");
        Files.copy(Path.of(BapBenchTest.class.getResource("/bap/tiny-01.txt").toURI()), file);
        Path solutions = folder.resolve("solutions");

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new BapBench()).execute("--instances", folder.resolve("instances").toString(),
                    "--time-limit", "2", "--solutions", solutions.toString());
        } finally {
            System.setOut(stdout);
        }

        assertThat(exit).isZero();
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonObject figures = new JsonObject(lines[lines.length - 1]);
        assertThat(figures.getString("bench")).isEqualTo("bap");
        assertThat(figures.getInteger("instances")).isEqualTo(1);
        assertThat(figures.getInteger("cpSatProvedOptimal")).isEqualTo(1);
        assertThat(figures.getInteger("timefoldWithinOnePercentOfProvedOptimum")).isEqualTo(1);
        JsonObject result = figures.getJsonArray("results").getJsonObject(0);
        assertThat(result.getLong("timefold")).isEqualTo(36);
        assertThat(result.getLong("cpSat")).isEqualTo(36);
        assertThat(result.getLong("fcfs")).isEqualTo(50);
        assertThat(result.getString("cpSatStatus")).isEqualTo("OPTIMAL");

        BerthInstance instance = LallaRuizReader.read(file);
        BerthPlan written = BerthPlanJson.read(Files.readString(solutions.resolve("tiny-01.json")));
        assertThat(written.instance()).isEqualTo("tiny-01");
        assertThat(written.objective()).isEqualTo(36);
        assertThat(BerthPlanChecker.check(instance, written)).isEmpty();
    }

    @Test
    void aBrokenInstanceFileIsNamedAndFailsTheRunWithoutCostingTheOthers(@TempDir Path folder) throws Exception {
        Path tiny = Path.of(BapBenchTest.class.getResource("/bap/tiny-01.txt").toURI());
        Files.copy(tiny, folder.resolve("tiny-01.txt"));
        Files.writeString(folder.resolve("broken-02.txt"), Files.readString(tiny).replace("0 1 3", "0 1 x"));

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new BapBench()).execute("--instances", folder.toString(), "--time-limit", "1");
        } finally {
            System.setOut(stdout);
        }

        assertThat(exit).isEqualTo(1);
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonObject figures = new JsonObject(lines[lines.length - 1]);
        assertThat(figures.getInteger("instances")).isEqualTo(1);
        assertThat(figures.getJsonArray("unreadableInstances").getString(0))
                .isEqualTo("broken-02.txt line 3 (arrival times): expected value 3 a whole number, found 'x'");
        assertThat(figures.getJsonArray("results").getJsonObject(0).getString("instance")).isEqualTo("tiny-01");
    }

    @Test
    void refusesAMissingInstanceFolderWithAUsageError(@TempDir Path folder) {
        int exit = new CommandLine(new BapBench()).execute("--instances", folder.resolve("absent").toString());

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void classOfAnInstanceIsItsNameWithoutTheTrailingNumber() {
        assertThat(BapBench.instanceClass("f55x10-04")).isEqualTo("f55x10");
        assertThat(BapBench.instanceClass("harbour")).isEqualTo("harbour");
    }
}
