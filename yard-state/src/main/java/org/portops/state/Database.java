package org.portops.state;

import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The PostgreSQL schema of PortOps: every migration of every module lives in this module under
 * {@code db/migration}, named by timestamp ({@code V20261124_0600__move_log.sql}) so parallel work never collides.
 */
public final class Database {

    private Database() {
    }

    /**
     * Brings the schema up to date. Flyway talks JDBC and blocks: call it before deploying verticles, or from a
     * worker ({@code vertx.executeBlocking}), never on an event loop.
     *
     * @param jdbcUrl  e.g. {@code jdbc:postgresql://127.0.0.1:5432/portops}
     * @return the number of migrations applied by this call
     */
    public static int migrate(String jdbcUrl, String user, String password) {
        MigrateResult result = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /**
     * Reactive connection options for the same database a JDBC URL names, so configuration needs one URL. The URL's
     * TLS parameters mean what they mean to the JDBC driver (and libpq): {@code sslmode} ({@code disable},
     * {@code allow}, {@code prefer}, {@code require} encrypt without checking the server's certificate;
     * {@code verify-ca} checks it was signed by the CA of {@code sslrootcert}, a PEM file; {@code verify-full}
     * also checks it names the host of the URL). Flyway, which reads the same URL through JDBC, verifies alike.
     */
    public static PgConnectOptions connectOptions(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? user : uri.getPath().substring(1);
        PgConnectOptions options = new PgConnectOptions()
                .setHost(uri.getHost())
                .setPort(uri.getPort() > 0 ? uri.getPort() : 5432)
                .setDatabase(database)
                .setUser(user)
                .setPassword(password)
                .setCachePreparedStatements(true)
                .setPipeliningLimit(256);
        return withTls(options, parameters(uri.getRawQuery()));
    }

    private static PgConnectOptions withTls(PgConnectOptions options, Map<String, String> parameters) {
        for (String unsupported : List.of("sslcert", "sslkey", "sslfactory", "sslpassword")) {
            if (parameters.containsKey(unsupported)) {
                throw new IllegalArgumentException("pg.url: " + unsupported + " is not supported (client certificates "
                        + "and custom SSL factories are not read by PortOps's reactive client); use sslmode and "
                        + "sslrootcert, and authenticate with pg.user and pg.password");
            }
        }
        String mode = parameters.get("sslmode");
        if (mode == null) {
            return options;
        }
        SslMode sslMode;
        try {
            sslMode = SslMode.of(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pg.url: sslmode must be one of disable, allow, prefer, require, "
                    + "verify-ca, verify-full; was '" + mode + "'", e);
        }
        options.setSslMode(sslMode);
        if (sslMode == SslMode.VERIFY_CA || sslMode == SslMode.VERIFY_FULL) {
            String root = parameters.get("sslrootcert");
            if (root == null || !Files.isReadable(Path.of(root))) {
                throw new IllegalArgumentException("pg.url: sslmode=" + mode + " needs sslrootcert=<the PEM file of "
                        + "the CA that signed the server's certificate>, " + (root == null ? "none was given"
                        : "and " + root + " cannot be read"));
            }
            // verify-full checks the certificate names the host connected to, as HTTPS does
            options.setSslOptions(new ClientSSLOptions().setTrustOptions(new PemTrustOptions().addCertPath(root))
                    .setHostnameVerificationAlgorithm(sslMode == SslMode.VERIFY_FULL ? "HTTPS" : ""));
        } else if (sslMode != SslMode.DISABLE) {
            // libpq's require: encrypted, any certificate (no defence against a man in the middle; say verify-full)
            options.setSslOptions(new ClientSSLOptions().setTrustAll(true));
        }
        return options;
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    /** A reactive pool on the database a JDBC URL names. */
    public static Pool pool(Vertx vertx, String jdbcUrl, String user, String password, int maxSize) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(maxSize))
                .connectingTo(connectOptions(jdbcUrl, user, password))
                .using(vertx)
                .build();
    }
}
