package org.portops.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.portops.sim.engine.OperatingMode;

/**
 * Builds a {@link PortOpsConfig} from the command line, the environment, an optional configuration
 * file and the defaults, in that order of precedence.
 *
 * <p>The file is in properties format, one {@code key=value} per line with the keys of
 * {@link Setting} ({@code http.port=8080}, {@code # comment}); an unknown key is refused, so a typo
 * does not silently fall back to a default. An empty value counts as set.
 */
public final class ConfigResolver {

    private ConfigResolver() {
    }

    /**
     * Resolves the configuration.
     *
     * @param commandLine settings given on the command line
     * @param environment the process environment ({@code System.getenv()}); only {@code PORTOPS_*} is read
     * @throws ConfigException naming every wrong setting and where its value came from
     */
    public static PortOpsConfig resolve(Map<Setting, String> commandLine, Map<String, String> environment) {
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            values.put(setting, new Value(setting.defaultValue(), "default"));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        Map<Setting, Value> fromEnvironment = fromEnvironment(environment);
        Map<Setting, Value> given = new EnumMap<>(fromEnvironment);
        commandLine.forEach((setting, text) -> given.put(setting, new Value(text, setting.cliFlag())));
        Value configFile = given.get(Setting.CONFIG);
        if (configFile != null && !configFile.text().isBlank()) {
            values.putAll(fromFile(configFile, problems));
        }
        values.putAll(given);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return build(values);
    }

    private static Map<Setting, Value> fromEnvironment(Map<String, String> environment) {
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String text = environment.get(setting.envVar());
            if (text != null) {
                values.put(setting, new Value(text, setting.envVar()));
            }
        }
        return values;
    }

    private static Map<Setting, Value> fromFile(Value configFile, List<ConfigProblem> problems) {
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        Path file;
        try {
            file = Path.of(configFile.text().trim());
        } catch (InvalidPathException e) {
            problems.add(new ConfigProblem(Setting.CONFIG, "is not a path: " + e.getMessage(), configFile.source()));
            return values;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new ConfigProblem(Setting.CONFIG, "cannot read '" + file + "': " + e, configFile.source()));
            return values;
        }
        String source = "file " + file;
        for (String key : properties.stringPropertyNames()) {
            Setting setting = Setting.byKey(key).orElse(null);
            if (setting == null || setting == Setting.CONFIG) {
                problems.add(new ConfigProblem(Setting.CONFIG, "'" + file + "' has unknown setting '" + key
                        + "'; known settings: " + knownKeys(), configFile.source()));
            } else {
                values.put(setting, new Value(properties.getProperty(key), source));
            }
        }
        return values;
    }

    private static String knownKeys() {
        return Arrays.stream(Setting.values()).filter(s -> s != Setting.CONFIG).map(Setting::key)
                .collect(Collectors.joining(", "));
    }

    private static PortOpsConfig build(Map<Setting, Value> values) {
        Parser parser = new Parser(values);
        String httpHost = parser.text(Setting.HTTP_HOST);
        Integer httpPort = parser.parse(Setting.HTTP_PORT, ConfigResolver::number);
        Path dataDir = parser.parse(Setting.DATA_DIR, ConfigResolver::path);
        PostgresUrl postgresUrl = parser.parseOptional(Setting.PG_URL, PostgresUrl::parse);
        String pgUser = parser.text(Setting.PG_USER);
        String pgPassword = values.get(Setting.PG_PASSWORD).text();
        Integer pgPort = parser.parse(Setting.PG_PORT, ConfigResolver::number);
        MqttUrl mqttUrl = parser.parseOptional(Setting.MQTT_URL, MqttUrl::parse);
        Integer mqttPort = parser.parse(Setting.MQTT_PORT, ConfigResolver::number);
        Boolean mqttBrokerProcess = parser.parse(Setting.MQTT_BROKER_PROCESS, ConfigResolver::bool);
        Integer hzPort = parser.parse(Setting.HZ_PORT, ConfigResolver::number);
        List<String> hzMembers = Arrays.stream(parser.text(Setting.HZ_MEMBERS).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        String clusterName = parser.text(Setting.CLUSTER_NAME);
        Path layout = parser.parseOptional(Setting.LAYOUT, ConfigResolver::path);
        LogFormat logFormat = parser.parse(Setting.LOG_FORMAT, LogFormat::parse);
        Duration skewWindow = parser.parse(Setting.INGEST_SKEW_WINDOW, Durations::parse);
        Duration offlineTimeout = parser.parse(Setting.INGEST_OFFLINE_TIMEOUT, Durations::parse);
        Duration retention = parser.parse(Setting.INGEST_RETENTION, Durations::parse);
        Double speedUp = parser.parse(Setting.SIM_SPEED_UP, ConfigResolver::decimal);
        Double rate = parser.parse(Setting.SIM_RATE, ConfigResolver::decimal);
        Integer machines = parser.parse(Setting.SIM_MACHINES, ConfigResolver::number);
        OperatingMode mode = parser.parse(Setting.SIM_MODE, OperatingMode::parse);
        Double visualization = parser.parse(Setting.SIM_VISUALIZATION_RATE, ConfigResolver::decimal);
        Boolean scheduler = parser.parseOptional(Setting.SCHEDULER_ENABLED, ConfigResolver::bool);
        Boolean berthEnabled = parser.parse(Setting.BERTH_ENABLED, ConfigResolver::bool);
        Boolean yard = parser.parseOptional(Setting.YARD_ENABLED, ConfigResolver::bool);
        Duration loadingEvery = parser.parse(Setting.YARD_LOADING_EVERY, Durations::parse);
        Duration loadingHorizon = parser.parse(Setting.YARD_LOADING_HORIZON, Durations::parse);
        Integer loadingMoves = parser.parse(Setting.YARD_LOADING_MOVES, ConfigResolver::number);
        Duration leaseTtl = parser.parse(Setting.PLANNER_LEASE_TTL, Durations::parse);
        Path httpCertificate = parser.parseOptional(Setting.HTTP_TLS_CERT, ConfigResolver::path);
        Path httpKey = parser.parseOptional(Setting.HTTP_TLS_KEY, ConfigResolver::path);
        Path mqttCertificates = parser.parseOptional(Setting.MQTT_TLS_DIR, ConfigResolver::path);
        if (!parser.problems.isEmpty()) {
            throw new ConfigException(parser.problems);
        }
        try {
            return new PortOpsConfig(httpHost, httpPort, dataDir, postgresUrl, pgUser, pgPassword, pgPort, mqttUrl,
                    mqttPort, mqttBrokerProcess, hzPort, hzMembers, clusterName, layout, logFormat,
                    new PortOpsConfig.IngestSettings(skewWindow, offlineTimeout, retention),
                    new PortOpsConfig.SimulationSettings(speedUp, rate, machines, mode, visualization),
                    new PortOpsConfig.SchedulerSettings(scheduler), berthEnabled,
                    new PortOpsConfig.YardSettings(yard, loadingEvery, loadingHorizon, loadingMoves),
                    leaseTtl, new PortOpsConfig.TlsSettings(httpCertificate, httpKey, mqttCertificates));
        } catch (ConfigException e) {
            throw new ConfigException(e.problems().stream()
                    .map(p -> p.from(values.get(p.setting()).source()))
                    .toList());
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, was '" + text + "'", e);
        }
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false, was '" + text + "'");
        };
    }

    private static double decimal(String text) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number, was '" + text + "'", e);
        }
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a path: " + e.getMessage(), e);
        }
    }

    /** A setting's text and where it came from. */
    private record Value(String text, String source) {
    }

    /** Converts texts to typed values, collecting every problem instead of stopping at the first. */
    private static final class Parser {
        private final Map<Setting, Value> values;
        private final List<ConfigProblem> problems = new ArrayList<>();

        Parser(Map<Setting, Value> values) {
            this.values = values;
        }

        String text(Setting setting) {
            return values.get(setting).text().trim();
        }

        <T> T parse(Setting setting, Function<String, T> parser) {
            Value value = values.get(setting);
            try {
                return parser.apply(value.text().trim());
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(setting, e.getMessage(), value.source()));
                return null;
            }
        }

        <T> T parseOptional(Setting setting, Function<String, T> parser) {
            return text(setting).isEmpty() ? null : parse(setting, parser);
        }
    }
}
