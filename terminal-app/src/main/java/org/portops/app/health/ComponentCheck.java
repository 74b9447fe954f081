package org.portops.app.health;

import io.vertx.core.Future;

/** A real round trip to one component PortOps depends on. */
public interface ComponentCheck {

    /** The component's name in {@code /health}, e.g. {@code postgres}. */
    String name();

    /** What is checked, e.g. {@code 127.0.0.1:15432/postgres}; never a secret. */
    String target();

    /** Runs the check without blocking; a failed future counts as DOWN with its message. */
    Future<ComponentHealth> check();
}
