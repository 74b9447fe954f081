package org.portops.app.metrics;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one meter registry of the process, scraped at {@code /metrics}: JVM meters bound here, Vert.x
 * HTTP server and pool meters through vertx-micrometer-metrics, and the entry count of each Hazelcast
 * map this member owns.
 */
public final class Metrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final Set<String> watchedMaps = ConcurrentHashMap.newKeySet();

    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Adds a gauge {@code hazelcast_map_owned_entries{map=...}} for every map the member knows that has
     * none yet. Maps appear as the services create them, so this runs before every scrape; it reads
     * only local statistics (entries in this member's partitions), never a cluster-wide count.
     */
    public void watchHazelcastMaps(HazelcastInstance hazelcast) {
        if (!hazelcast.getLifecycleService().isRunning()) {
            return;
        }
        for (DistributedObject object : hazelcast.getDistributedObjects()) {
            if (object instanceof IMap<?, ?> map && watchedMaps.add(map.getName())) {
                Gauge.builder("hazelcast.map.owned.entries", map, m -> m.getLocalMapStats().getOwnedEntryCount())
                        .tag("map", map.getName())
                        .description("Entries of the map held in this member's partitions")
                        .strongReference(true)
                        .register(registry);
            }
        }
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
