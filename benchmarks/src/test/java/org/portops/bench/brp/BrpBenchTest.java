package org.portops.bench.brp;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.yard.relocation.BlocksInstance;
import org.portops.yard.relocation.CasertaReader;
import org.portops.yard.relocation.PlanChecker;
import org.portops.yard.relocation.RelocationPlan;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BrpBenchTest {
    /** data3-3-1 of the Caserta et al. set: lower bound, min-max and optimum are all 6 relocations. */
    private static final String DATA_3_3_1 = "3 9\n3 3 7 1\n3 2 6 5\n3 8 9 4\n";

    private static JsonObject lastLine(ByteArrayOutputStream captured) {
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        return new JsonObject(lines[lines.length - 1]);
    }

    private static int run(ByteArrayOutputStream captured, String... args) {
        PrintStream stdout = System.out;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            return new CommandLine(new BrpBench()).execute(args);
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void solvesEachClassWritesCheckedSolutionsAndEndsWithOneLineOfJson(@TempDir Path folder) throws Exception {
        Path file = Files.createDirectories(folder.resolve("instances/3x3")).resolve("data3-3-1.dat");
        Files.writeString(file, DATA_3_3_1);
        Path solutions = folder.resolve("solutions");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();

        int exit = run(captured, "--instances", folder.resolve("instances").toString(), "--time-limit", "2",
                "--solutions", solutions.toString());

        assertThat(exit).isZero();
        JsonObject figures = lastLine(captured);
        assertThat(figures.getString("bench")).isEqualTo("brp");
        assertThat(figures.getInteger("instances")).isEqualTo(1);
        assertThat(figures.getInteger("provedOptimal")).isEqualTo(1);
        assertThat(figures.getInteger("beamTotal")).isEqualTo(6);
        assertThat(figures.getInteger("minMaxTotal")).isEqualTo(6);
        JsonObject threeByThree = figures.getJsonArray("classes").getJsonObject(0);
        assertThat(threeByThree.getString("class")).isEqualTo("3x3");
        assertThat(threeByThree.getInteger("optimum")).isEqualTo(6);

        Path written = solutions.resolve("3x3/data3-3-1.json");
        JsonObject json = new JsonObject(Files.readString(written));
        assertThat(json.getString("instance")).isEqualTo("data3-3-1");
        assertThat(json.getInteger("relocations")).isEqualTo(6);
        assertThat(json.getInteger("max_height")).isEqualTo(5);
        BlocksInstance instance = CasertaReader.read(file);
        RelocationPlan plan = BrpSolutionJson.read(Files.readString(written));
        assertThat(plan.relocations()).isEqualTo(6);
        assertThat(PlanChecker.check(instance, plan)).isEmpty();
    }

    @Test
    void aBrokenInstanceFileIsNamedAndFailsTheRunWithoutCostingTheOthers(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("data3-3-1.dat"), DATA_3_3_1);
        Files.writeString(folder.resolve("broken.dat"), DATA_3_3_1.replace("3 2 6 5", "3 2 six 5"));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();

        int exit = run(captured, "--instances", folder.toString(), "--time-limit", "1");

        assertThat(exit).isEqualTo(1);
        JsonObject figures = lastLine(captured);
        assertThat(figures.getInteger("instances")).isEqualTo(1);
        assertThat(figures.getJsonArray("unreadableInstances").getString(0))
                .endsWith("broken.dat:3: stack 2 priority 2: not a whole number: \"six\"");
    }

    @Test
    void aRolloutBudgetAndAnExactTimeLimitAreReportedAndNonPositiveOnesRefused(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("data3-3-1.dat"), DATA_3_3_1);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();

        int exit = run(captured, "--instances", folder.toString(), "--time-limit", "5", "--rollouts", "1000",
                "--exact-time-limit", "0.5");

        assertThat(exit).isZero();
        JsonObject figures = lastLine(captured);
        assertThat(figures.getLong("rolloutBudget")).isEqualTo(1000);
        assertThat(figures.getDouble("exactTimeLimitSeconds")).isEqualTo(0.5);
        assertThat(figures.getInteger("beamTotal")).isEqualTo(6);
        assertThat(run(new ByteArrayOutputStream(), "--instances", folder.toString(), "--rollouts", "0"))
                .as("--rollouts 0").isEqualTo(2);
        assertThat(run(new ByteArrayOutputStream(), "--instances", folder.toString(), "--exact-time-limit", "-1"))
                .as("--exact-time-limit -1").isEqualTo(2);
    }
}
