package org.portops.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.sim.engine.OperatingMode;

class ConfigResolverTest {

    @TempDir
    Path dir;

    @Test
    void nothingGivenMeansEmbeddedEverythingOnLoopback8080() {
        PortOpsConfig config = ConfigResolver.resolve(Map.of(), Map.of());

        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("./portops-data"));
        assertThat(config.embeddedPostgres()).isTrue();
        assertThat(config.embeddedBroker()).isTrue();
        assertThat(config.mqttPort()).isEqualTo(1883);
        assertThat(config.mqttBrokerProcess()).as("the embedded broker in a JVM of its own").isTrue();
        assertThat(config.hzPort()).isEqualTo(5701);
        assertThat(config.hzMembers()).isEmpty();
        assertThat(config.clusterName()).isEqualTo("portops");
        assertThat(config.layoutFile()).isNull();
        assertThat(config.logFormat()).isEqualTo(LogFormat.PLAIN);
    }

    @Test
    void ingestAndSimulatorSettingsHaveDefaultsAndReadDurationsWithUnits() {
        PortOpsConfig defaults = ConfigResolver.resolve(Map.of(), Map.of());
        PortOpsConfig given = ConfigResolver.resolve(Map.of(Setting.INGEST_SKEW_WINDOW, "2m",
                Setting.INGEST_OFFLINE_TIMEOUT, "1500ms", Setting.INGEST_RETENTION, "30d",
                Setting.SIM_SPEED_UP, "2.5", Setting.SIM_RATE, "4", Setting.SIM_MACHINES, "40", Setting.SIM_MODE,
                "Directed", Setting.SIM_VISUALIZATION_RATE, "0"), Map.of());

        assertThat(defaults.ingest()).isEqualTo(new PortOpsConfig.IngestSettings(Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofDays(7)));
        assertThat(defaults.simulation()).isEqualTo(new PortOpsConfig.SimulationSettings(1, 1, 0,
                OperatingMode.MIXED, 2));
        assertThat(given.ingest()).isEqualTo(new PortOpsConfig.IngestSettings(Duration.ofMinutes(2),
                Duration.ofMillis(1500), Duration.ofDays(30)));
        assertThat(given.simulation()).isEqualTo(new PortOpsConfig.SimulationSettings(2.5, 4, 40,
                OperatingMode.DIRECTED, 0));
    }

    @Test
    void schedulerRunsInTheDemoOnlyUnlessSetAndRefusesAnythingButTrueOrFalse() {
        PortOpsConfig unset = ConfigResolver.resolve(Map.of(), Map.of());
        PortOpsConfig off = ConfigResolver.resolve(Map.of(), Map.of("PORTOPS_SCHEDULER_ENABLED", "false"));
        PortOpsConfig on = ConfigResolver.resolve(Map.of(Setting.SCHEDULER_ENABLED, "true"), Map.of());

        assertThat(unset.scheduler().enabledIn(true)).isTrue();
        assertThat(unset.scheduler().enabledIn(false)).isFalse();
        assertThat(off.scheduler().enabledIn(true)).isFalse();
        assertThat(on.scheduler().enabledIn(false)).isTrue();
        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.SCHEDULER_ENABLED, "yes"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("scheduler.enabled (from --scheduler-enabled): must be true or false, was 'yes'");
    }

    @Test
    void yardPlannerRunsInTheDemoOnlyUnlessSetAndRefusesAnythingButTrueOrFalse() {
        PortOpsConfig unset = ConfigResolver.resolve(Map.of(), Map.of());
        PortOpsConfig off = ConfigResolver.resolve(Map.of(), Map.of("PORTOPS_YARD_ENABLED", "false"));
        PortOpsConfig on = ConfigResolver.resolve(Map.of(Setting.YARD_ENABLED, "true"), Map.of());

        assertThat(unset.yard().enabledIn(true)).isTrue();
        assertThat(unset.yard().enabledIn(false)).isFalse();
        assertThat(off.yard().enabledIn(true)).isFalse();
        assertThat(on.yard().enabledIn(false)).isTrue();
        assertThat(on.describe()).contains("yard=on");
        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.YARD_ENABLED, "yes"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("yard.enabled (from --yard-enabled): must be true or false, was 'yes'");
    }

    @Test
    void loadingHousekeepingRunsEveryTenMinutesOverTheNextDayUnlessSetAndRefusesANegativeOrEmptyRound() {
        PortOpsConfig.YardSettings unset = ConfigResolver.resolve(Map.of(), Map.of()).yard();
        PortOpsConfig.YardSettings given = ConfigResolver.resolve(Map.of(Setting.YARD_LOADING_EVERY, "0s",
                Setting.YARD_LOADING_HORIZON, "12h"), Map.of("PORTOPS_YARD_LOADING_MOVES", "8")).yard();
        assertThat(unset.loadingEvery()).isEqualTo(Duration.ofMinutes(10));
        assertThat(unset.loadingHorizon()).isEqualTo(Duration.ofHours(24));
        assertThat(unset.loadingMoves()).isEqualTo(30);
        assertThat(given.loadingEvery()).isZero();
        assertThat(given.loadingHorizon()).isEqualTo(Duration.ofHours(12));
        assertThat(given.loadingMoves()).isEqualTo(8);
        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.YARD_LOADING_MOVES, "0",
                Setting.YARD_LOADING_HORIZON, "0s"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("yard.loading.moves (from --yard-loading-moves): must be at least 1, was 0")
                .hasMessageContaining("yard.loading.horizon (from --yard-loading-horizon): must be more than 0");
    }

    @Test
    void berthPlannerRunsByDefaultAndIsTurnedOffWithFalseOnly() {
        assertThat(ConfigResolver.resolve(Map.of(), Map.of()).berthEnabled()).isTrue();
        assertThat(ConfigResolver.resolve(Map.of(), Map.of("PORTOPS_BERTH_ENABLED", "FALSE")).berthEnabled()).isFalse();
        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.BERTH_ENABLED, "no"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("berth.enabled (from --berth-enabled): must be true or false, was 'no'");
    }

    @Test
    void refusesAnUnknownSimulatorModeAndAVisualizationRateOutOfRange() {
        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.SIM_MODE, "manual"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sim.mode (from --sim-mode): operating mode must be autonomous, directed or "
                        + "mixed, was 'manual'");
        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.SIM_VISUALIZATION_RATE, "0.5"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sim.visualization.rate (from --sim-visualization-rate): must be 0 (none) or "
                        + "1..10, was 0.5");
    }

    @Test
    void theEmbeddedBrokerRunsInPortOpsJvmOnlyWhenToldAndTheSettingIsTrueOrFalse() {
        assertThat(ConfigResolver.resolve(Map.of(Setting.MQTT_BROKER_PROCESS, "false"), Map.of())
                .mqttBrokerProcess()).isFalse();
        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.MQTT_BROKER_PROCESS, "yes"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mqtt.broker.process (from --mqtt-broker-process): must be true or false, "
                        + "was 'yes'");
    }

    @Test
    void refusesDurationsWithoutUnitAndRetentionInPartsOfDays() {
        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.INGEST_SKEW_WINDOW, "30"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.skew.window (from --ingest-skew-window): must be a whole number with a "
                        + "unit ms, s, m, h or d (e.g. 30s), was '30'");
        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.INGEST_RETENTION, "36h",
                Setting.INGEST_OFFLINE_TIMEOUT, "0s"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.retention (from --ingest-retention): must be whole days, at least 1d, "
                        + "was 36h")
                .hasMessageContaining("ingest.offline.timeout (from --ingest-offline-timeout): must be positive");
    }

    @Test
    void commandLineBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
        Path file = Files.writeString(dir.resolve("portops.properties"), """
                # every source sets some of these
                http.port=8101
                hz.port=5801
                cluster.name=from-file
                mqtt.port=1901
                """);
        Map<String, String> environment = Map.of(
                "PORTOPS_CONFIG", file.toString(),
                "PORTOPS_HTTP_PORT", "8102",
                "PORTOPS_HZ_PORT", "5802",
                "PATH", "/usr/bin");
        Map<Setting, String> commandLine = Map.of(Setting.HTTP_PORT, "8103");

        PortOpsConfig config = ConfigResolver.resolve(commandLine, environment);

        assertThat(config.httpPort()).as("command line over environment and file").isEqualTo(8103);
        assertThat(config.hzPort()).as("environment over file").isEqualTo(5802);
        assertThat(config.clusterName()).as("file over default").isEqualTo("from-file");
        assertThat(config.mqttPort()).as("file only").isEqualTo(1901);
        assertThat(config.pgPort()).as("default").isEqualTo(15432);
    }

    @Test
    void configFileOnTheCommandLineBeatsTheOneInTheEnvironment() throws IOException {
        Path fromEnvironment = Files.writeString(dir.resolve("a.properties"), "cluster.name=a\n");
        Path fromCommandLine = Files.writeString(dir.resolve("b.properties"), "cluster.name=b\n");

        PortOpsConfig config = ConfigResolver.resolve(Map.of(Setting.CONFIG, fromCommandLine.toString()),
                Map.of("PORTOPS_CONFIG", fromEnvironment.toString()));

        assertThat(config.clusterName()).isEqualTo("b");
    }

    @Test
    void refusesNonLoopbackHttpHostNamingSettingAndSource() {
        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(), Map.of("PORTOPS_HTTP_HOST", "0.0.0.0")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.setting()).isEqualTo(Setting.HTTP_HOST);
                        assertThat(problem.source()).isEqualTo("PORTOPS_HTTP_HOST");
                        assertThat(problem.describe()).startsWith("http.host (from PORTOPS_HTTP_HOST): ")
                                .contains("'0.0.0.0' is not one").contains("loopback");
                    });
                });
    }

    @Test
    void acceptsEveryLoopbackSpelling() {
        for (String host : List.of("127.0.0.1", "localhost", "::1", "127.0.0.2")) {
            assertThat(ConfigResolver.resolve(Map.of(Setting.HTTP_HOST, host), Map.of()).httpHost()).isEqualTo(host);
        }
    }

    @Test
    void reportsEveryWrongSettingAtOnceWithItsSource() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.properties"), "log.format=xml\n");

        assertThatThrownBy(() -> ConfigResolver.resolve(
                Map.of(Setting.HTTP_PORT, "80a", Setting.CONFIG, file.toString()),
                Map.of("PORTOPS_MQTT_PORT", "70000", "PORTOPS_HZ_MEMBERS", "10.0.0.1:5801-5806",
                        "PORTOPS_CLUSTER_NAME", "has space")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::describe)
                        .containsExactlyInAnyOrder(
                                "http.port (from --http-port): must be a whole number, was '80a'",
                                "log.format (from file " + file + "): must be plain or json, was 'xml'"));
        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(),
                Map.of("PORTOPS_MQTT_PORT", "70000", "PORTOPS_HZ_MEMBERS", "10.0.0.1:5801-5806",
                        "PORTOPS_CLUSTER_NAME", "has space")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::describe)
                        .containsExactlyInAnyOrder(
                                "mqtt.port (from PORTOPS_MQTT_PORT): must be 0..65535, was 70000",
                                "hz.members (from PORTOPS_HZ_MEMBERS): '10.0.0.1:5801-5806' is not host or host:port"
                                        + " (list members one by one, ranges are not supported)",
                                "cluster.name (from PORTOPS_CLUSTER_NAME): must be 1..64 letters, digits, '.', '_'"
                                        + " or '-', was 'has space'"));
    }

    @Test
    void refusesUnknownKeyInConfigFileSoThatATypoIsNotIgnored() throws IOException {
        Path file = Files.writeString(dir.resolve("typo.properties"), "htp.port=9000\n");

        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.CONFIG, file.toString()), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config (from --config): '" + file + "' has unknown setting 'htp.port'")
                .hasMessageContaining("known settings: http.host, http.port");
    }

    @Test
    void missingConfigFileIsNamed() {
        Path missing = dir.resolve("missing.properties");

        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(), Map.of("PORTOPS_CONFIG", missing.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config (from PORTOPS_CONFIG): cannot read '" + missing + "'");
    }

    @Test
    void externalServicesComeFromTheirUrls() {
        PortOpsConfig config = ConfigResolver.resolve(Map.of(
                Setting.PG_URL, "jdbc:postgresql://db.example:6432/portops?sslmode=require",
                Setting.PG_USER, "portops",
                Setting.MQTT_URL, "ssl://broker.example",
                Setting.HZ_MEMBERS, "10.0.0.1:5701, 10.0.0.2"), Map.of("PORTOPS_PG_PASSWORD", "secret"));

        assertThat(config.embeddedPostgres()).isFalse();
        assertThat(config.postgresUrl()).isEqualTo(new PostgresUrl("db.example", 6432, "portops", "sslmode=require"));
        assertThat(config.postgresUrl().jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example:6432/portops?sslmode=require");
        assertThat(config.pgPassword()).isEqualTo("secret");
        assertThat(config.embeddedBroker()).isFalse();
        assertThat(config.mqttUrl()).isEqualTo(new MqttUrl("broker.example", 8883, true));
        assertThat(config.hzMembers()).containsExactly("10.0.0.1:5701", "10.0.0.2");
        assertThat(config.describe()).doesNotContain("secret");
    }

    @Test
    void refusesCredentialsInsideThePostgresUrl() {
        assertThatThrownBy(() -> ConfigResolver.resolve(
                Map.of(Setting.PG_URL, "postgresql://admin:secret@db.example/portops"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("pg.url (from --pg-url): must not contain credentials;"
                        + " set pg.user and pg.password instead");
    }

    @Test
    void refusesPostgresUrlWithoutDatabaseAndBrokerUrlOfAnotherScheme() {
        assertThatThrownBy(() -> ConfigResolver.resolve(
                Map.of(Setting.PG_URL, "jdbc:postgresql://db.example:5432", Setting.MQTT_URL, "http://broker"),
                Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::setting, ConfigProblem::source)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple(Setting.PG_URL, "--pg-url"),
                                org.assertj.core.groups.Tuple.tuple(Setting.MQTT_URL, "--mqtt-url")));
    }

    @Test
    void refusesDataDirThatIsAFileAndLayoutThatDoesNotExist() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.DATA_DIR, file.toString(),
                Setting.LAYOUT, dir.resolve("nowhere.yaml").toString()), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::describe)
                        .containsExactlyInAnyOrder(
                                "data.dir (from --data-dir): '" + file + "' exists and is not a directory",
                                "layout (from --layout): '" + dir.resolve("nowhere.yaml")
                                        + "' is not a readable file"));
    }

    @Test
    void jsonLogFormatIsCaseInsensitive() {
        assertThat(ConfigResolver.resolve(Map.of(), Map.of("PORTOPS_LOG_FORMAT", "JSON")).logFormat())
                .isEqualTo(LogFormat.JSON);
    }

    @Test
    void settingNamesFollowOneScheme() {
        assertThat(Setting.HTTP_PORT.envVar()).isEqualTo("PORTOPS_HTTP_PORT");
        assertThat(Setting.HTTP_PORT.cliFlag()).isEqualTo("--http-port");
        assertThat(Setting.CLUSTER_NAME.envVar()).isEqualTo("PORTOPS_CLUSTER_NAME");
        assertThat(Setting.DATA_DIR.cliFlag()).isEqualTo("--data-dir");
        assertThat(Setting.LAYOUT.envVar()).isEqualTo("PORTOPS_LAYOUT");
    }

    @Test
    void httpsLetsTheServerBindToANonLoopbackAddressAndNamesItsUrl() throws IOException {
        Path certificate = Files.writeString(dir.resolve("server.pem"), "certificate");
        Path key = Files.writeString(dir.resolve("server-key.pem"), "key");

        PortOpsConfig config = ConfigResolver.resolve(Map.of(Setting.HTTP_HOST, "0.0.0.0",
                Setting.HTTP_TLS_CERT, certificate.toString(), Setting.HTTP_TLS_KEY, key.toString()), Map.of());

        assertThat(config.tls().https()).isTrue();
        assertThat(config.httpUrl(8443)).isEqualTo("https://0.0.0.0:8443");
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() throws IOException {
        Path certificate = Files.writeString(dir.resolve("server.pem"), "certificate");

        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.HTTP_TLS_CERT, certificate.toString()),
                Map.of())).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .singleElement().satisfies(problem -> {
                    assertThat(problem.setting()).isEqualTo(Setting.HTTP_TLS_KEY);
                    assertThat(problem.describe()).contains("must be set together with http.tls.cert");
                }));
    }

    @Test
    void anMqttCertificateDirectoryWithoutTheNeededFilesIsRefusedNamingThemAndTheFix() {
        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.MQTT_TLS_DIR, dir.toString()), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.setting()).isEqualTo(Setting.MQTT_TLS_DIR);
                            assertThat(problem.describe()).contains("ca.pem", "clients/portops.pem", "server.pem")
                                    .contains("portops certs --dir " + dir);
                        }));
    }

    @Test
    void mqttCertificatesWithAPlainExternalBrokerAreRefused() throws IOException {
        Files.createDirectories(dir.resolve("clients"));
        for (String name : List.of("ca.pem", "clients/portops.pem", "clients/portops-key.pem")) {
            Files.writeString(dir.resolve(name), "pem");
        }

        assertThatThrownBy(() -> ConfigResolver.resolve(Map.of(Setting.MQTT_TLS_DIR, dir.toString(),
                Setting.MQTT_URL, "tcp://broker:1883"), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(problem -> assertThat(problem.describe()).contains("use ssl://host:8883")));
    }
}
