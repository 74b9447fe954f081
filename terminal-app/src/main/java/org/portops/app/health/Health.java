package org.portops.app.health;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs every component check at once, each bounded by a timeout, and sums them up: UP only when
 * every component is UP.
 */
public final class Health {

    private static final long CHECK_TIMEOUT_MILLIS = 3_000;

    private final List<ComponentCheck> checks;

    public Health(List<ComponentCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The report; the future always succeeds, a failing check is a DOWN entry in it. */
    public Future<Report> check() {
        List<Future<ComponentHealth>> results = checks.stream()
                .map(c -> safely(c).timeout(CHECK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                        .otherwise(e -> ComponentHealth.down(String.valueOf(e.getMessage()))))
                .toList();
        return Future.join(results).otherwiseEmpty().map(ignored -> {
            JsonObject components = new JsonObject();
            boolean allUp = true;
            for (int i = 0; i < checks.size(); i++) {
                ComponentHealth health = results.get(i).result();
                allUp &= health.up();
                components.put(checks.get(i).name(), health.toJson(checks.get(i).target()));
            }
            return new Report(allUp, components);
        });
    }

    private static Future<ComponentHealth> safely(ComponentCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** The overall status and one entry per component. */
    public record Report(boolean up, JsonObject components) {

        /** {@code {"status":"UP","checks":{"postgres":{"status":"UP","target":...,"detail":...},...}}} */
        public JsonObject toJson() {
            return new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", components);
        }
    }
}
