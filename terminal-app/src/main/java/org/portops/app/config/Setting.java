package org.portops.app.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every launcher setting, with its one key and the three ways to give it.
 *
 * <p>The key is used as is in a configuration file ({@code http.port=8080}); the environment
 * variable is {@code PORTOPS_} plus the key upper-cased with dots as underscores
 * ({@code PORTOPS_HTTP_PORT}); the command-line flag is {@code --} plus the key with dots as
 * dashes ({@code --http-port}). Precedence: command line, then environment, then file, then default.
 */
public enum Setting {
    CONFIG("config", "FILE", "",
            "Configuration file in properties format (key=value, keys as in the settings list); optional."),
    HTTP_HOST("http.host", "HOST", "127.0.0.1",
            "Address the HTTP server binds to. Plain HTTP is served on a loopback address only; HTTPS on any."),
    HTTP_PORT("http.port", "PORT", "8080",
            "HTTP port of /health, /metrics and the API; 0 picks a free port."),
    HTTP_TLS_CERT("http.tls.cert", "FILE", "",
            "PEM certificate chain of the HTTP server; with http.tls.key all is served over HTTPS, with HSTS."),
    HTTP_TLS_KEY("http.tls.key", "FILE", "",
            "PEM private key (unencrypted PKCS#8) of http.tls.cert, e.g. server-key.pem of 'portops certs'."),
    DATA_DIR("data.dir", "DIR", "./portops-data",
            "Directory of the embedded PostgreSQL and MQTT broker data; kept across restarts."),
    PG_URL("pg.url", "URL", "",
            "External PostgreSQL, jdbc:postgresql://host:port/database; empty starts the embedded PostgreSQL."),
    PG_USER("pg.user", "USER", "postgres",
            "PostgreSQL user (external PostgreSQL only)."),
    PG_PASSWORD("pg.password", "PASSWORD", "",
            "PostgreSQL password (external PostgreSQL only); prefer the environment variable."),
    PG_PORT("pg.port", "PORT", "15432",
            "Port of the embedded PostgreSQL, listening on localhost only; 0 picks a free port."),
    MQTT_URL("mqtt.url", "URL", "",
            "External MQTT broker, tcp://host:1883 or ssl://host:8883; empty starts the embedded broker."),
    MQTT_PORT("mqtt.port", "PORT", "1883",
            "Port of the embedded MQTT broker, bound to 127.0.0.1; 0 picks a free port."),
    MQTT_TLS_DIR("mqtt.tls.dir", "DIR", "",
            "Directory of 'portops certs': MQTT over mutual TLS, each machine known by its own certificate."),
    MQTT_BROKER_PROCESS("mqtt.broker.process", "BOOLEAN", "true",
            "true: the embedded MQTT broker runs in a JVM of its own, a child of PortOps's; false: in PortOps's JVM."),
    HZ_PORT("hz.port", "PORT", "5701",
            "First port this Hazelcast member tries; when it is taken, the next free one (up to +99)."),
    HZ_MEMBERS("hz.members", "HOST:PORT,...", "",
            "Hazelcast members to join over TCP, comma-separated; empty runs a single member."),
    CLUSTER_NAME("cluster.name", "NAME", "portops",
            "Hazelcast cluster name; only members with the same name join each other."),
    LAYOUT("layout", "FILE", "",
            "Terminal layout file (.yaml, .yml or .json); empty uses the bundled sample terminal."),
    LOG_FORMAT("log.format", "FORMAT", "plain",
            "Log format on stderr: plain, or json (one JSON object per line)."),
    INGEST_SKEW_WINDOW("ingest.skew.window", "DURATION", "30s",
            "How far a telemetry timestamp may be from PortOps's clock, either way (e.g. 30s; wall-clock in a demo)."),
    INGEST_OFFLINE_TIMEOUT("ingest.offline.timeout", "DURATION", "30s",
            "A machine silent this long is marked OFFLINE (e.g. 30s, 1m; wall-clock time in a demo)."),
    INGEST_RETENTION("ingest.retention", "DURATION", "7d",
            "How long telemetry history is kept, in whole days (e.g. 7d)."),
    PLANNER_LEASE_TTL("planner.lease.ttl", "DURATION", "6s",
            "How long a planner's lease lasts unrenewed; when its node dies another takes over within ttl + ttl/3."),
    BERTH_ENABLED("berth.enabled", "BOOLEAN", "true",
            "Runs the continuous berth planner (plan on berth.plan.published and GET /api/berth-plan): true or false."),
    SIM_SPEED_UP("sim.speed.up", "FACTOR", "1", true,
            "demo only: simulated seconds per wall-clock second; PortOps's clock runs at the same pace."),
    SIM_RATE("sim.rate", "HZ", "1", true,
            "demo only: state readings per simulated machine per simulated second, 1..10."),
    SIM_MACHINES("sim.machines", "COUNT", "0", true,
            "demo only: how many machines to simulate, fleets in proportion; 0 simulates the layout's whole fleet."),
    SIM_MODE("sim.mode", "MODE", "mixed", true,
            "demo only: autonomous, directed (orders only) or mixed (own work until a machine's first order)."),
    SIM_VISUALIZATION_RATE("sim.visualization.rate", "HZ", "2", true,
            "demo only: positions per simulated machine per simulated second on visualization, 1..10; 0 = none."),
    SCHEDULER_ENABLED("scheduler.enabled", "BOOLEAN", "",
            "true: the crane scheduler plans the berthed calls and dispatches; not set: on in demo, off in run."),
    YARD_ENABLED("yard.enabled", "BOOLEAN", "",
            "true: the yard planner slots announced boxes and plans housekeeping; not set: on in demo, off in run."),
    YARD_LOADING_EVERY("yard.loading.every", "DURATION", "10m",
            "How often the yard planner moves the boxes of calls due soon towards their berths; 0: on request only."),
    YARD_LOADING_HORIZON("yard.loading.horizon", "DURATION", "24h",
            "A vessel call arriving within this (and not yet gone) gets housekeeping ahead of its loading."),
    YARD_LOADING_MOVES("yard.loading.moves", "COUNT", "30",
            "Most yard shifts one loading housekeeping round plans (at least 1).");

    private final String key;
    private final String paramLabel;
    private final String defaultValue;
    private final String description;
    private final boolean demoOnly;

    Setting(String key, String paramLabel, String defaultValue, String description) {
        this(key, paramLabel, defaultValue, false, description);
    }

    Setting(String key, String paramLabel, String defaultValue, boolean demoOnly, String description) {
        this.key = key;
        this.paramLabel = paramLabel;
        this.defaultValue = defaultValue;
        this.demoOnly = demoOnly;
        this.description = description;
    }

    /** True for the simulated terminal's settings, which only {@code demo} has as options. */
    public boolean demoOnly() {
        return demoOnly;
    }

    /** The key in a configuration file, e.g. {@code http.port}. */
    public String key() {
        return key;
    }

    /** The environment variable, e.g. {@code PORTOPS_HTTP_PORT}. */
    public String envVar() {
        return "PORTOPS_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The command-line flag, e.g. {@code --http-port}. */
    public String cliFlag() {
        return "--" + key.replace('.', '-');
    }

    /** Label of the value in help texts, e.g. {@code PORT}. */
    public String paramLabel() {
        return paramLabel;
    }

    /** The default as text; empty where the default is "not set". */
    public String defaultValue() {
        return defaultValue;
    }

    /** One sentence for help texts. */
    public String description() {
        return description;
    }

    /** The setting with this configuration-file key. */
    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
