package org.portops.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.portops.ingest.check.Rejection;
import org.portops.model.event.AlertKind;
import org.portops.model.telemetry.TelemetryTopic;

/** The ingest's Micrometer meters, all named {@code portops.ingest.*}. */
public final class IngestMetrics {

    /**
     * Where a reading spends its time on the way to live state (the first stage times every message), timed as
     * {@code portops.ingest.latency{stage=...}} with its median and 99th percentile over the last ~15 s.
     */
    public enum Stage {
        /** From Paho's callback to the checks: the inbound queue and the wait for the ingest's context. */
        QUEUED,
        /** From accepted to sent to Hazelcast: the wait behind the batch in flight. */
        COALESCED,
        /** One batch of state writes, sent to in live state (timed once per batch). */
        WRITTEN,
        /** From Paho's callback to in live state. */
        TOTAL
    }

    private static final Duration PERCENTILE_WINDOW = Duration.ofSeconds(15);

    private final MeterRegistry registry;
    private final Counter shedInbound;
    private final Counter shedHistory;
    private final Counter shedQuarantine;
    private final Counter coalesced;
    private final Counter historyRows;
    private final Counter ordersPublished;
    private final Map<Stage, Timer> stages = new EnumMap<>(Stage.class);
    /** Looked up once: a registry lookup per message (tags, id, map) cost more than the count. */
    private final Map<TelemetryTopic, Counter> accepted = new EnumMap<>(TelemetryTopic.class);

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.shedInbound = registry.counter("portops.ingest.readings.shed", "stage", "inbound");
        this.shedHistory = registry.counter("portops.ingest.readings.shed", "stage", "history");
        this.shedQuarantine = registry.counter("portops.ingest.quarantine.shed");
        this.coalesced = registry.counter("portops.ingest.readings.coalesced");
        this.historyRows = registry.counter("portops.ingest.history.rows");
        this.ordersPublished = registry.counter("portops.ingest.orders.published");
        for (Stage stage : Stage.values()) {
            stages.put(stage, Timer.builder("portops.ingest.latency").tag("stage", stage.name().toLowerCase(Locale.ROOT))
                    .publishPercentiles(0.5, 0.99)
                    .distributionStatisticExpiry(PERCENTILE_WINDOW)
                    .distributionStatisticBufferLength(3)
                    .register(registry));
        }
        for (TelemetryTopic topic : TelemetryTopic.values()) {
            accepted.put(topic, registry.counter("portops.ingest.messages.accepted", "topic", topic.segment()));
        }
    }

    public void stage(Stage stage, Duration took) {
        stages.get(stage).record(took);
    }

    /** The timer of one stage (its snapshot has the percentiles). */
    public Timer stageTimer(Stage stage) {
        return stages.get(stage);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void accepted(TelemetryTopic topic) {
        accepted.get(topic).increment();
    }

    void rejected(Rejection rejection) {
        registry.counter("portops.ingest.messages.rejected", "reason", rejection.code()).increment();
    }

    /** Rejections counted for one reason code so far. */
    public double rejections(String code) {
        Counter counter = registry.find("portops.ingest.messages.rejected").tag("reason", code).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Every rejection counted so far. */
    public double rejections() {
        return registry.find("portops.ingest.messages.rejected").counters().stream().mapToDouble(Counter::count).sum();
    }

    public void shedInbound() {
        shedInbound.increment();
    }

    public void shedHistory() {
        shedHistory.increment();
    }

    public void shedQuarantine() {
        shedQuarantine.increment();
    }

    /** Readings shed before history: its queue was full (PostgreSQL down longer than the queue lasts, or slow). */
    public double shedFromHistory() {
        return shedHistory.count();
    }

    /** Readings shed so far, inbound and before history. */
    public double shed() {
        return shedInbound.count() + shedHistory.count();
    }

    public void coalesced() {
        coalesced.increment();
    }

    public double coalescedCount() {
        return coalesced.count();
    }

    public void historyRows(int rows) {
        historyRows.increment(rows);
    }

    public void eventOutcome(String outcome) {
        registry.counter("portops.ingest.events.processed", "outcome", outcome).increment();
    }

    public void alert(AlertKind kind) {
        registry.counter("portops.ingest.alerts.raised", "kind", kind.name()).increment();
    }

    /** A predictive-maintenance anomaly alerted, or cleared, on one signal. */
    public void anomaly(String outcome, String signal) {
        registry.counter("portops.ingest.anomalies", "outcome", outcome, "signal", signal).increment();
    }

    /** Anomalies counted so far with this outcome ({@code raised}, {@code cleared}). */
    public double anomalies(String outcome) {
        return registry.find("portops.ingest.anomalies").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    public void orderPublished() {
        ordersPublished.increment();
    }
}
