package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portops.app.config.Setting;
import picocli.CommandLine;

class PortOpsCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(Map<String, String> environment, String... args) {
        CommandLine commandLine = PortOpsCli.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpNamesEverySettingWithItsEnvironmentVariableAndDefault() {
        int exitCode = execute(Map.of(), "--help");

        assertThat(exitCode).isZero();
        for (Setting setting : Setting.values()) {
            assertThat(out.toString()).contains(setting.cliFlag() + "=" + setting.paramLabel(), setting.envVar(),
                    setting.description());
        }
        assertThat(out.toString()).contains("run", "(127.0.0.1)", "(8080)", "(./portops-data)");
    }

    @Test
    void runHelpExplainsEveryOptionButTheSimulators() {
        int exitCode = execute(Map.of(), "run", "--help");

        assertThat(exitCode).isZero();
        for (Setting setting : Setting.values()) {
            if (setting.demoOnly()) {
                assertThat(out.toString()).doesNotContain(setting.cliFlag());
            } else {
                assertThat(out.toString()).contains(setting.cliFlag(), "Env: " + setting.envVar());
            }
        }
    }

    @Test
    void demoHelpExplainsEveryOptionIncludingTheSimulators() {
        int exitCode = execute(Map.of(), "demo", "--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("--sim-speed-up", "--sim-rate", "--sim-machines", "--sim-mode",
                "--sim-visualization-rate");
        for (Setting setting : Setting.values()) {
            assertThat(out.toString()).contains(setting.cliFlag(), "Env: " + setting.envVar());
        }
    }

    @Test
    void demoRefusesSimulatorSettingsOutOfRange() {
        int exitCode = execute(Map.of("PORTOPS_SIM_RATE", "20"), "demo", "--sim-speed-up", "0");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .contains("sim.rate (from PORTOPS_SIM_RATE): must be 1..10, was 20.0")
                .contains("sim.speed.up (from --sim-speed-up): must be above 0 and at most 1000, was 0.0");
    }

    @Test
    void runRefusesInvalidConfigurationWithExitCode2NamingEveryWrongSetting() {
        int exitCode = execute(Map.of("PORTOPS_HTTP_HOST", "192.0.2.10"), "run", "--http-port", "-1");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .contains("portops: the configuration is invalid:")
                .contains("http.host (from PORTOPS_HTTP_HOST): PortOps serves plain HTTP on a loopback address only")
                .contains("http.port (from --http-port): must be 0..65535, was -1");
    }

    @Test
    void unknownOptionIsAUsageErrorWithSuggestions() {
        int exitCode = execute(Map.of(), "run", "--htp-port", "1");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("'--htp-port'").contains("Possible solutions: --http-host, --http-port");
    }

    @Test
    void withoutSubcommandSaysWhichOnesExist() {
        int exitCode = execute(Map.of());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Missing subcommand: run, demo or audit");
    }
}
