package org.portops.app.health;

import io.vertx.core.json.JsonObject;

/**
 * What one check found.
 *
 * @param up     whether the component answered as it should
 * @param detail what was checked and what came back, e.g. {@code SELECT 1 answered in 2 ms}
 */
public record ComponentHealth(boolean up, String detail) {

    public static ComponentHealth up(String detail) {
        return new ComponentHealth(true, detail);
    }

    public static ComponentHealth down(String detail) {
        return new ComponentHealth(false, detail);
    }

    JsonObject toJson(String target) {
        return new JsonObject().put("status", up ? "UP" : "DOWN").put("target", target).put("detail", detail);
    }
}
