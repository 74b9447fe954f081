package org.portops.app.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The telemetry ingest's verticle is deployed (it deploys only once subscribed to the broker), with what it has
 * accepted and refused so far; a local read.
 */
public final class IngestCheck implements ComponentCheck {

    private final Vertx vertx;
    private final String deploymentId;
    private final MeterRegistry registry;
    private final String target;

    /**
     * @param target the subscriptions, e.g. {@code $share/portops-ingest/portops/v1/NQCT/+ at tcp://127.0.0.1:1883}
     */
    public IngestCheck(Vertx vertx, String deploymentId, MeterRegistry registry, String target) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.registry = registry;
        this.target = target;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public Future<ComponentHealth> check() {
        if (!vertx.deploymentIDs().contains(deploymentId)) {
            return Future.succeededFuture(ComponentHealth.down("not deployed"));
        }
        return Future.succeededFuture(ComponentHealth.up("subscribed; " + (long) count("portops.ingest.messages.accepted")
                + " messages accepted, " + (long) count("portops.ingest.messages.rejected") + " quarantined"));
    }

    private double count(String meter) {
        return registry.find(meter).counters().stream().mapToDouble(Counter::count).sum();
    }
}
