package org.portops.sim.engine;

/**
 * Where the engine's messages go: an MQTT publisher, or a recorder in tests. Called on the engine's thread, in
 * the engine's deterministic order; must not block for long.
 */
@FunctionalInterface
public interface TelemetrySink {

    void publish(Outbound message);
}
