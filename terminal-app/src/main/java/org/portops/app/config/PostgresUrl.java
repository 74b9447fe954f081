package org.portops.app.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where an external PostgreSQL is: {@code jdbc:postgresql://host[:port]/database[?parameters]}
 * ({@code postgresql://} and {@code postgres://} are accepted too). Credentials are not part of the
 * URL: they come from {@code pg.user} and {@code pg.password}, so they never show in a log line.
 */
public record PostgresUrl(String host, int port, String database, String query) {

    private static final int DEFAULT_PORT = 5432;

    public PostgresUrl {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("needs a database name after the host, e.g. jdbc:postgresql://"
                    + host + ":" + port + "/portops");
        }
        query = query == null ? "" : query;
    }

    /** Parses the URL; the exception message says what is wrong with it. */
    public static PostgresUrl parse(String text) {
        String trimmed = text.trim();
        String withoutJdbc = trimmed.startsWith("jdbc:") ? trimmed.substring("jdbc:".length()) : trimmed;
        URI uri;
        try {
            uri = new URI(withoutJdbc);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL (" + e.getReason() + "): '" + text + "'", e);
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("must start with jdbc:postgresql://, was '" + text + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not contain credentials; set pg.user and pg.password instead");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        return new PostgresUrl(uri.getHost(), uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(), database,
                uri.getRawQuery());
    }

    /** The URL for JDBC (Flyway). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return jdbcUrl();
    }
}
