package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.app.config.Setting;
import org.portops.model.container.LineOperator;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.api.auth.TokenMinter;
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
        assertThat(err.toString()).contains("Missing subcommand: run, demo, token, edi, certs, audit or twin");
    }

    @Test
    void tokenMintsADevelopmentTokenWithTheDataDirectorysKey(@TempDir Path dataDir) throws Exception {
        int exitCode = execute(Map.of(), "token", "--role", "line", "--line", "MSCU", "--data-dir", dataDir.toString());

        assertThat(exitCode).as("%s", err).isZero();
        String token = out.toString().strip();
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(claims.getString("sub")).isEqualTo("dev-line");
        assertThat(claims.getJsonArray("roles").getList()).containsExactly("line");
        assertThat(claims.getString("line")).isEqualTo("MSCU");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(12 * 3600);
        String secret = Files.readString(dataDir.resolve("auth/dev-hmac.key"));
        String expected = new TokenMinter(AuthSettings.hmac(secret), Clock.fixed(Instant.ofEpochSecond(
                claims.getLong("iat")), ZoneOffset.UTC)).mint(new Caller("dev-line", Set.of(Role.LINE),
                new LineOperator("MSCU"), null), Duration.ofHours(12));
        assertThat(token).isEqualTo(expected);
    }

    @Test
    void tokenRefusesRolesWithoutTheirBinding() {
        assertThat(execute(Map.of(), "token", "--role", "line")).isEqualTo(2);
        assertThat(err.toString()).contains("line role but no valid line claim");
        assertThat(execute(Map.of(), "token", "--role", "captain")).isEqualTo(2);
        assertThat(err.toString()).contains("no role 'captain'");
    }
}
