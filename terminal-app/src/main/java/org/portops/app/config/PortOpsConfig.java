package org.portops.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.portops.sim.engine.OperatingMode;

/**
 * The launcher's whole configuration, validated: a wrong value is refused with a
 * {@link ConfigException} naming every wrong setting. Build it with {@link ConfigResolver}.
 *
 * @param httpHost    address of the HTTP server; a loopback address unless HTTPS is on
 * @param httpPort    HTTP port, 0 = any free port
 * @param dataDir     where the embedded services keep their data
 * @param postgresUrl external PostgreSQL; null = start the embedded one
 * @param pgUser      PostgreSQL user for the external PostgreSQL
 * @param pgPassword  PostgreSQL password for the external PostgreSQL (may be empty)
 * @param pgPort      port of the embedded PostgreSQL, 0 = any free port
 * @param mqttUrl     external MQTT broker; null = start the embedded broker
 * @param mqttPort    port of the embedded MQTT broker, 0 = any free port
 * @param mqttBrokerProcess the embedded MQTT broker runs in a JVM of its own (else in PortOps's)
 * @param hzPort      port of this Hazelcast member
 * @param hzMembers   other Hazelcast members ({@code host} or {@code host:port}); empty = a single member
 * @param clusterName Hazelcast cluster name
 * @param layoutFile  terminal layout file; null = the bundled sample terminal
 * @param logFormat   log line format
 * @param ingest      how the telemetry ingest checks and keeps readings
 * @param simulation  the simulated terminal of {@code demo}
 * @param scheduler   whether the crane scheduler runs
 * @param berthEnabled whether the continuous berth planner runs
 * @param yard        whether the yard planner runs
 * @param plannerLeaseTtl how long a planner's lease term lasts unrenewed; each planner runs on the one node holding it
 * @param tls         HTTPS and MQTT over mutual TLS
 */
public record PortOpsConfig(String httpHost, int httpPort, Path dataDir, PostgresUrl postgresUrl, String pgUser,
                            String pgPassword, int pgPort, MqttUrl mqttUrl, int mqttPort,
                            boolean mqttBrokerProcess, int hzPort,
                            List<String> hzMembers, String clusterName, Path layoutFile, LogFormat logFormat,
                            IngestSettings ingest, SimulationSettings simulation, SchedulerSettings scheduler,
                            boolean berthEnabled, YardSettings yard,
                            Duration plannerLeaseTtl, TlsSettings tls) {

    /**
     * TLS of the HTTP server and of MQTT.
     *
     * @param httpCertificate  PEM certificate chain of the HTTPS server; null (with {@code httpKey}) for plain HTTP
     * @param httpKey          its PEM private key
     * @param mqttCertificates the directory of {@code portops certs}; null for MQTT over plain TCP
     */
    public record TlsSettings(Path httpCertificate, Path httpKey, Path mqttCertificates) {

        public static TlsSettings none() {
            return new TlsSettings(null, null, null);
        }

        public boolean https() {
            return httpCertificate != null;
        }
    }

    /**
     * Whether the continuous crane scheduler (quay cranes, transport dispatch, decision journal) runs.
     *
     * @param enabled true or false as given; null when not set: then it runs in {@code demo} and not in {@code run},
     *                where a real terminal's machines would get its orders
     */
    public record SchedulerSettings(Boolean enabled) {

        public static SchedulerSettings defaults() {
            return new SchedulerSettings(null);
        }

        /** Whether the scheduler runs in a PortOps that is a demo ({@code demo}) or not. */
        public boolean enabledIn(boolean demo) {
            return enabled == null ? demo : enabled;
        }
    }

    /**
     * Whether the yard planner (slots for announced containers, housekeeping) runs.
     *
     * @param enabled true or false as given; null when not set: then it runs in {@code demo} and not in {@code run},
     *                where a real terminal's drivers would get its instructions
     * @param loadingEvery   how often loading housekeeping runs; zero: only on request
     * @param loadingHorizon a vessel call arriving within this gets housekeeping ahead of its loading
     * @param loadingMoves   the most moves of a loading housekeeping round, at least 1
     */
    public record YardSettings(Boolean enabled, Duration loadingEvery, Duration loadingHorizon, int loadingMoves) {

        public static YardSettings defaults() {
            return new YardSettings(null, Duration.ofMinutes(10), Duration.ofHours(24), 30);
        }

        /** Whether the yard planner runs in a PortOps that is a demo ({@code demo}) or not. */
        public boolean enabledIn(boolean demo) {
            return enabled == null ? demo : enabled;
        }
    }

    /**
     * The telemetry ingest's settings.
     *
     * @param skewWindow     how far a message's timestamp may be from PortOps's clock, either way
     * @param offlineTimeout a machine silent this long is marked OFFLINE
     * @param retention      how long reading history is kept (whole days)
     */
    public record IngestSettings(Duration skewWindow, Duration offlineTimeout, Duration retention) {

        public static IngestSettings defaults() {
            return new IngestSettings(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofDays(7));
        }
    }

    /**
     * The simulated terminal {@code demo} runs.
     *
     * @param speedUp  simulated seconds per wall-clock second, above 0 and at most 1000
     * @param rateHz   readings per machine per simulated second, 1..10
     * @param machines machines simulated, fleets in proportion; 0 = the layout's whole fleet
     * @param mode     who decides the machines' work: the simulator, PortOps's orders, or both (mixed)
     * @param visualizationHz positions per machine per simulated second on {@code visualization}, 1..10; 0 = none
     */
    public record SimulationSettings(double speedUp, double rateHz, int machines, OperatingMode mode,
                                     double visualizationHz) {

        public static SimulationSettings defaults() {
            return new SimulationSettings(1, 1, 0, OperatingMode.MIXED, 2);
        }
    }

    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern MEMBER = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?");
    /** Renewed every third of the ttl over a PostgreSQL round trip: shorter would leave no room for a slow one. */
    private static final long MIN_LEASE_TTL_MS = 300;

    public PortOpsConfig {
        hzMembers = hzMembers == null ? List.of() : List.copyOf(hzMembers);
        List<ConfigProblem> problems = new ArrayList<>();
        tls = tls == null ? TlsSettings.none() : tls;
        checkTls(tls, mqttUrl, problems);
        checkHttpHost(httpHost, tls.https(), problems);
        checkPort(Setting.HTTP_PORT, httpPort, 0, problems);
        checkDataDir(dataDir, problems);
        if (postgresUrl != null && (pgUser == null || pgUser.isBlank())) {
            problems.add(ConfigProblem.of(Setting.PG_USER, "must not be empty when pg.url is set"));
        }
        if (pgPassword == null) {
            problems.add(ConfigProblem.of(Setting.PG_PASSWORD, "must not be null (use an empty password)"));
        }
        checkPort(Setting.PG_PORT, pgPort, 0, problems);
        checkPort(Setting.MQTT_PORT, mqttPort, 0, problems);
        checkPort(Setting.HZ_PORT, hzPort, 1, problems);
        for (String member : hzMembers) {
            checkMember(member, problems);
        }
        if (clusterName == null || !CLUSTER_NAME.matcher(clusterName).matches()) {
            problems.add(ConfigProblem.of(Setting.CLUSTER_NAME,
                    "must be 1..64 letters, digits, '.', '_' or '-', was '" + clusterName + "'"));
        }
        checkLayout(layoutFile, problems);
        if (logFormat == null) {
            problems.add(ConfigProblem.of(Setting.LOG_FORMAT, "must be plain or json"));
        }
        ingest = ingest == null ? IngestSettings.defaults() : ingest;
        simulation = simulation == null ? SimulationSettings.defaults() : simulation;
        scheduler = scheduler == null ? SchedulerSettings.defaults() : scheduler;
        yard = yard == null ? YardSettings.defaults() : yard;
        checkIngest(ingest, problems);
        if (plannerLeaseTtl == null || plannerLeaseTtl.toMillis() < MIN_LEASE_TTL_MS) {
            problems.add(ConfigProblem.of(Setting.PLANNER_LEASE_TTL, "must be at least " + MIN_LEASE_TTL_MS
                    + "ms (renewed every third, over a database round trip), was "
                    + (plannerLeaseTtl == null ? "not set" : Durations.format(plannerLeaseTtl))));
        }
        checkSimulation(simulation, problems);
        checkYard(yard, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** True when PortOps starts its own PostgreSQL under {@link #dataDir()}. */
    public boolean embeddedPostgres() {
        return postgresUrl == null;
    }

    /** True when PortOps starts its own MQTT broker on 127.0.0.1. */
    public boolean embeddedBroker() {
        return mqttUrl == null;
    }

    /** The URL the HTTP server answers on, e.g. {@code http://127.0.0.1:8080} or {@code https://...}. */
    public String httpUrl(int actualPort) {
        String host = httpHost.contains(":") ? "[" + httpHost + "]" : httpHost;
        return (tls.https() ? "https" : "http") + "://" + host + ":" + actualPort;
    }

    /** The configuration without secrets, for the start-up log. */
    public String describe() {
        return "http=" + httpHost + ":" + httpPort
                + " data=" + dataDir
                + " postgres=" + (embeddedPostgres() ? "embedded:" + pgPort : postgresUrl + " user=" + pgUser)
                + " mqtt=" + (embeddedBroker() ? "embedded:" + mqttPort + (mqttBrokerProcess ? "(own JVM)" : "")
                : mqttUrl)
                + " hazelcast=" + clusterName + "@" + hzPort + (hzMembers.isEmpty() ? "" : " members=" + hzMembers)
                + " layout=" + (layoutFile == null ? "sample" : layoutFile)
                + " log=" + logFormat.configName()
                + " ingest=skew:" + Durations.format(ingest.skewWindow()) + ",offline:"
                + Durations.format(ingest.offlineTimeout()) + ",retention:" + Durations.format(ingest.retention())
                + " scheduler=" + (scheduler.enabled() == null ? "demo-only" : scheduler.enabled() ? "on" : "off")
                + " yard=" + (yard.enabled() == null ? "demo-only" : yard.enabled() ? "on" : "off")
                + " planner.lease.ttl=" + Durations.format(plannerLeaseTtl)
                + " tls=" + (tls.https() ? "https" : "http") + "," + (tls.mqttCertificates() == null ? "mqtt-plain"
                : "mqtt-mutual:" + tls.mqttCertificates());
    }

    private static void checkIngest(IngestSettings ingest, List<ConfigProblem> problems) {
        positive(Setting.INGEST_SKEW_WINDOW, ingest.skewWindow(), problems);
        positive(Setting.INGEST_OFFLINE_TIMEOUT, ingest.offlineTimeout(), problems);
        if (ingest.retention() == null || ingest.retention().toDays() < 1
                || !ingest.retention().equals(Duration.ofDays(ingest.retention().toDays()))) {
            problems.add(ConfigProblem.of(Setting.INGEST_RETENTION,
                    "must be whole days, at least 1d, was " + Durations.format(ingest.retention())));
        }
    }

    private static void positive(Setting setting, Duration duration, List<ConfigProblem> problems) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            problems.add(ConfigProblem.of(setting, "must be positive, was " + Durations.format(duration)));
        }
    }

    private static void checkYard(YardSettings yard, List<ConfigProblem> problems) {
        if (yard.loadingEvery() == null || yard.loadingEvery().isNegative()) {
            problems.add(ConfigProblem.of(Setting.YARD_LOADING_EVERY, "must be 0 or more, was "
                    + (yard.loadingEvery() == null ? "not set" : Durations.format(yard.loadingEvery()))));
        }
        if (yard.loadingHorizon() == null || !yard.loadingHorizon().isPositive()) {
            problems.add(ConfigProblem.of(Setting.YARD_LOADING_HORIZON, "must be more than 0, was "
                    + (yard.loadingHorizon() == null ? "not set" : Durations.format(yard.loadingHorizon()))));
        }
        if (yard.loadingMoves() < 1) {
            problems.add(ConfigProblem.of(Setting.YARD_LOADING_MOVES, "must be at least 1, was "
                    + yard.loadingMoves()));
        }
    }

    private static void checkSimulation(SimulationSettings simulation, List<ConfigProblem> problems) {
        if (!(simulation.speedUp() > 0 && simulation.speedUp() <= 1000)) {
            problems.add(ConfigProblem.of(Setting.SIM_SPEED_UP, "must be above 0 and at most 1000, was "
                    + simulation.speedUp()));
        }
        if (!(simulation.rateHz() >= 1 && simulation.rateHz() <= 10)) {
            problems.add(ConfigProblem.of(Setting.SIM_RATE, "must be 1..10, was " + simulation.rateHz()));
        }
        if (simulation.machines() < 0) {
            problems.add(ConfigProblem.of(Setting.SIM_MACHINES, "must be 0 (the whole fleet) or more, was "
                    + simulation.machines()));
        }
        double visualization = simulation.visualizationHz();
        if (!(visualization == 0 || visualization >= 1 && visualization <= 10)) {
            problems.add(ConfigProblem.of(Setting.SIM_VISUALIZATION_RATE, "must be 0 (none) or 1..10, was "
                    + visualization));
        }
    }

    private static void checkTls(TlsSettings tls, MqttUrl mqttUrl, List<ConfigProblem> problems) {
        if ((tls.httpCertificate() == null) != (tls.httpKey() == null)) {
            problems.add(ConfigProblem.of(tls.httpCertificate() == null ? Setting.HTTP_TLS_CERT : Setting.HTTP_TLS_KEY,
                    "must be set together with " + (tls.httpCertificate() == null ? "http.tls.key" : "http.tls.cert")
                    + " (HTTPS needs both the certificate and its key)"));
        }
        readable(Setting.HTTP_TLS_CERT, tls.httpCertificate(), problems);
        readable(Setting.HTTP_TLS_KEY, tls.httpKey(), problems);
        Path certificates = tls.mqttCertificates();
        if (certificates == null) {
            return;
        }
        List<String> needed = new ArrayList<>(List.of("ca.pem", "clients/portops.pem", "clients/portops-key.pem"));
        if (mqttUrl == null) {
            needed.addAll(List.of("server.pem", "server-key.pem"));
        }
        List<String> missing = needed.stream().filter(name -> !Files.isReadable(certificates.resolve(name))).toList();
        if (!missing.isEmpty()) {
            problems.add(ConfigProblem.of(Setting.MQTT_TLS_DIR, "'" + certificates + "' lacks " + missing
                    + "; create it with 'portops certs --dir " + certificates + "'"));
        }
        if (mqttUrl != null && !mqttUrl.tls()) {
            problems.add(ConfigProblem.of(Setting.MQTT_TLS_DIR, "is set but mqtt.url is " + mqttUrl
                    + ": use ssl://host:8883 for MQTT over TLS"));
        }
    }

    private static void readable(Setting setting, Path file, List<ConfigProblem> problems) {
        if (file != null && (!Files.isRegularFile(file) || !Files.isReadable(file))) {
            problems.add(ConfigProblem.of(setting, "'" + file + "' is not a readable file"));
        }
    }

    private static void checkHttpHost(String host, boolean https, List<ConfigProblem> problems) {
        if (host == null || host.isBlank()) {
            problems.add(ConfigProblem.of(Setting.HTTP_HOST, "must not be empty"));
            return;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            problems.add(ConfigProblem.of(Setting.HTTP_HOST, "cannot be resolved: '" + host + "'"));
            return;
        }
        if (!address.isLoopbackAddress() && !https) {
            problems.add(ConfigProblem.of(Setting.HTTP_HOST, "PortOps serves plain HTTP on a loopback address only"
                    + " and '" + host + "' is not one; set http.tls.cert and http.tls.key to serve HTTPS there"
                    + " (see 'portops certs'), or use 127.0.0.1, ::1 or localhost"));
        }
    }

    private static void checkPort(Setting setting, int port, int min, List<ConfigProblem> problems) {
        if (port < min || port > 65535) {
            problems.add(ConfigProblem.of(setting, "must be " + min + "..65535, was " + port));
        }
    }

    private static void checkDataDir(Path dataDir, List<ConfigProblem> problems) {
        if (dataDir == null) {
            problems.add(ConfigProblem.of(Setting.DATA_DIR, "must not be empty"));
        } else if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            problems.add(ConfigProblem.of(Setting.DATA_DIR, "'" + dataDir + "' exists and is not a directory"));
        }
    }

    private static void checkMember(String member, List<ConfigProblem> problems) {
        var matcher = MEMBER.matcher(member);
        if (!matcher.matches()) {
            problems.add(ConfigProblem.of(Setting.HZ_MEMBERS,
                    "'" + member + "' is not host or host:port (list members one by one, ranges are not supported)"));
            return;
        }
        if (matcher.group(2) != null) {
            int port = Integer.parseInt(matcher.group(2));
            if (port < 1 || port > 65535) {
                problems.add(ConfigProblem.of(Setting.HZ_MEMBERS,
                        "'" + member + "': port must be 1..65535, was " + port));
            }
        }
    }

    private static void checkLayout(Path layoutFile, List<ConfigProblem> problems) {
        if (layoutFile == null) {
            return;
        }
        String name = layoutFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml") && !name.endsWith(".json")) {
            problems.add(ConfigProblem.of(Setting.LAYOUT,
                    "must end in .yaml, .yml or .json, was '" + layoutFile + "'"));
        } else if (!Files.isRegularFile(layoutFile) || !Files.isReadable(layoutFile)) {
            problems.add(ConfigProblem.of(Setting.LAYOUT, "'" + layoutFile + "' is not a readable file"));
        }
    }
}
