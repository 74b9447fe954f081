package org.portops.ingest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.portops.ingest.alert.Alerts;
import org.portops.ingest.alert.MaintenanceAlerts;
import org.portops.ingest.anomaly.AnomalyDetector;
import org.portops.ingest.check.KnownSenders;
import org.portops.ingest.check.MessageChecks;
import org.portops.ingest.check.Rejection;
import org.portops.ingest.check.Verdict;
import org.portops.ingest.event.DatabaseFailures;
import org.portops.ingest.event.EventProcessor;
import org.portops.ingest.event.EventStore;
import org.portops.ingest.history.BatchWriter;
import org.portops.ingest.history.QuarantineRow;
import org.portops.ingest.history.ReadingRow;
import org.portops.ingest.history.TelemetryHistory;
import org.portops.ingest.history.TelemetryPartitions;
import org.portops.ingest.order.OrderDispatcher;
import org.portops.ingest.state.EquipmentCoalescer;
import org.portops.ingest.state.EquipmentStates;
import org.portops.ingest.state.OfflineDetector;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.event.AlertKind;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.telemetry.ConnectionMessage;
import org.portops.model.telemetry.ConnectionState;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.InstantAction;
import org.portops.model.telemetry.Order;
import org.portops.model.telemetry.ReeferReading;
import org.portops.model.telemetry.StateReading;
import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.Topic;
import org.portops.model.telemetry.Visualization;
import org.portops.model.work.WorkInstruction;
import org.portops.state.LiveYard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest without its MQTT edge: each message handed in is checked; a refused one is quarantined, counted and,
 * for spoofing and replays, alerted; an accepted reading is coalesced into live equipment state and queued for
 * history; an accepted event is stored and applied, and acknowledged once durable; a connection change may mark the
 * machine offline; accepted readings and events feed the predictive-maintenance anomaly detector. Runs on one
 * Vert.x context: every method is called from it.
 */
public final class TelemetryIngest {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryIngest.class);
    static final Duration HISTORY_FIRST_RETRY = Duration.ofMillis(100);
    static final Duration HISTORY_MAX_RETRY = Duration.ofSeconds(2);
    /** The subject of the history's alert: the history itself, not a machine. */
    public static final String HISTORY = "telemetry-history";

    private final KnownSenders senders;
    private final MessageChecks checks;
    private final IngestMetrics metrics;
    private final Alerts alerts;
    private final EquipmentCoalescer coalescer;
    private final OfflineDetector offline;
    private final EventProcessor events;
    private final BatchWriter<ReadingRow> readings;
    private final BatchWriter<QuarantineRow> quarantine;
    private final TelemetryPartitions partitions;
    private final OrderDispatcher orders;
    private final AnomalyDetector anomalies;
    private final Clock clock;
    /** Whether readings were shed from history since it last caught up: one alert per episode. */
    private boolean historyShedding;

    public TelemetryIngest(Vertx vertx, LiveYard yard, Pool pool, TerminalLayout layout, Clock clock,
                           IngestConfig config, IngestMetrics metrics) {
        this.metrics = metrics;
        this.clock = clock;
        this.senders = new KnownSenders(layout, config.gatewayIds());
        this.checks = new MessageChecks(layout, config.terminalCode(), senders, config.skewWindow(),
                config.sessionExpiry(), config.tls() != null && config.tls().senderCertified());
        this.alerts = new Alerts(vertx.eventBus(), yard.auditTrail(), yard.alerts(), metrics, clock,
                config.alertInterval());
        this.coalescer = new EquipmentCoalescer(yard, metrics, clock, vertx.getOrCreateContext());
        this.offline = new OfflineDetector(yard, senders.equipment(), coalescer, alerts, clock,
                config.offlineTimeout());
        this.events = new EventProcessor(vertx, yard, new EventStore(pool), alerts, metrics, clock);
        TelemetryHistory history = new TelemetryHistory(pool);
        // while PostgreSQL is down, history rows wait in the queue (up to its bound) and are written once it is back
        BatchWriter.Retry retry = new BatchWriter.Retry(DatabaseFailures::unreachable, HISTORY_FIRST_RETRY,
                HISTORY_MAX_RETRY, (pause, task) -> vertx.setTimer(pause.toMillis(), id -> task.run()));
        this.readings = new BatchWriter<>("reading history", config.historyQueueBound(), config.historyBatchSize(),
                TelemetryHistory.READING_BATCHES_IN_FLIGHT,
                rows -> history.writeReadings(rows).onSuccess(v -> metrics.historyRows(rows.size())),
                this::shedHistory, retry);
        this.quarantine = new BatchWriter<>("quarantine", config.historyQueueBound(), config.historyBatchSize(), 1,
                history::writeQuarantine, metrics::shedQuarantine, retry);
        this.partitions = new TelemetryPartitions(pool, clock, config.retention());
        this.orders = new OrderDispatcher(config.terminalCode(), senders.equipment(), clock);
        this.anomalies = new AnomalyDetector(config.anomaly(), new MaintenanceAlerts(alerts, metrics));
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    /** Checks one message and hands it on; acknowledges it (QoS 1) once what it caused is durable. */
    public void accept(Inbound in) {
        metrics.stage(IngestMetrics.Stage.QUEUED, Duration.between(in.receivedAt(), clock.instant()));
        Verdict verdict = checks.check(in.topic(), in.payload(), in.receivedAt(), in.redelivery(),
                in.senderCertificate());
        switch (verdict) {
            case Verdict.Accepted accepted -> accepted(accepted.topic(), accepted.message(), accepted.late(), in);
            case Verdict.Rejected rejected -> rejected(rejected, in);
        }
    }

    private void rejected(Verdict.Rejected verdict, Inbound in) {
        Rejection rejection = verdict.rejection();
        metrics.rejected(rejection);
        String machine = verdict.topic() == null ? null : verdict.topic().equipment().value();
        QuarantineRow row = new QuarantineRow(in.receivedAt(), in.topic(), machine, rejection.code(),
                rejection.text(), in.payload());
        if (in.qos() > 0) {
            quarantine.offerDurable(row).onSuccess(v -> in.acknowledge());
        } else {
            quarantine.offer(row);
        }
        AlertKind alert = switch (rejection) {
            case Rejection.SpoofedId spoofed -> AlertKind.SPOOFING;
            case Rejection.SpoofedCertificate spoofed -> AlertKind.SPOOFING;
            case Rejection.Replay replay -> AlertKind.REPLAY;
            case Rejection.Malformed m -> null;
            case Rejection.UnknownTopic t -> null;
            case Rejection.UnknownMachine u -> null;
            case Rejection.ClockSkew s -> null;
            case Rejection.KindMismatch k -> null;
            case Rejection.SpeedAboveLimit s -> null;
            case Rejection.AccelerationAboveLimit a -> null;
            case Rejection.Teleport t -> null;
            case Rejection.OutsideTerminal o -> null;
        };
        if (alert != null && machine != null) {
            alerts.raise(alert, machine, rejection.text());
        }
    }

    private void accepted(Topic topic, TelemetryMessage message, boolean late, Inbound in) {
        metrics.accepted(topic.topic());
        offline.heard(message.machineId(), in.receivedAt(), !(message instanceof ConnectionMessage said)
                || said.state() == ConnectionState.ONLINE);
        switch (message) {
            case StateReading reading -> {
                // A late reading is history only: live state compares timestamps, and two readings of one
                // millisecond would otherwise leave whichever came last.
                if (!late) {
                    coalescer.offer(EquipmentStates.from(reading, senders.kindOf(reading.machineId())
                            .orElse(reading.kind())), in.receivedAt());
                }
                anomalies.reading(reading);
                history(message, topic, in);
            }
            case ReeferReading reading -> history(message, topic, in);
            case ConnectionMessage connection -> {
                history(message, topic, in);
                connection(connection);
            }
            case EventMessage event -> {
                anomalies.event(event);
                events.submit(event, json(in), in.receivedAt()).onSuccess(outcome -> in.acknowledge());
            }
            case Visualization visualization -> {
                // Position-only traffic for maps; state readings carry the same and more.
            }
            case Order order -> LOG.warn("order accepted from {}: the checks should refuse downlink topics", topic);
            case InstantAction action -> LOG.warn("instant action accepted from {}: the checks should refuse "
                    + "downlink topics", topic);
        }
    }

    private void connection(ConnectionMessage message) {
        EquipmentId machine = message.machineId();
        switch (message.state()) {
            case ONLINE -> {
                // The next reading sets the machine's status.
            }
            case OFFLINE -> offline.markOffline(machine, "it said OFFLINE at " + message.timestamp());
            case CONNECTIONBROKEN -> offline.markOffline(machine, "its connection broke (last will)");
        }
    }

    private void history(TelemetryMessage message, Topic topic, Inbound in) {
        readings.offer(new ReadingRow(message.timestamp(), in.receivedAt(), message.machineId().value(),
                topic.topic().segment(), message.sequence(), json(in)));
    }

    private static String json(Inbound in) {
        return new String(in.payload(), StandardCharsets.UTF_8);
    }

    /**
     * Sends the readings accepted since the last call to live state, unless a write is in flight (they follow it the
     * moment it completes). Called after every turn of checks.
     */
    public void flushLiveState() {
        coalescer.flush();
    }

    /**
     * Writes coalesced states to live state, queued history and quarantine rows to PostgreSQL, and repeated alerts'
     * counts to the alert board.
     */
    public Future<Void> flush() {
        alerts.reportRepeats();
        Future<Void> history = readings.flush().onSuccess(v -> {
            if (historyShedding && readings.queued() == 0) {
                historyShedding = false;
                alerts.clear(AlertKind.HISTORY_SHED, HISTORY, "", "telemetry history caught up");
            }
        });
        return Future.join(coalescer.flush(), history, quarantine.flush()).mapEmpty();
    }

    /** A reading the history's queue had no room for: counted, and alerted once until history catches up. */
    private void shedHistory() {
        metrics.shedHistory();
        if (!historyShedding) {
            historyShedding = true;
            alerts.raise(AlertKind.HISTORY_SHED, HISTORY, "telemetry history is full (" + readings.queued()
                    + " readings queued): readings are dropped from history, live state goes on; "
                    + (readings.waiting() ? "PostgreSQL is unreachable" : "PostgreSQL is not keeping up"));
        }
    }

    /** Learns the alerts already active on the board, so that they clear when their conditions end. */
    public Future<Integer> loadActiveAlerts() {
        return alerts.loadActive();
    }

    /** Marks machines silent past the timeout offline. */
    public Future<Void> checkOffline() {
        return offline.check();
    }

    public Future<TelemetryPartitions.Maintenance> maintainPartitions() {
        return partitions.maintain();
    }

    /** The orders a changed work instruction sends down (none unless it was just dispatched). */
    public List<OrderDispatcher.Outgoing> ordersFor(WorkInstruction instruction) {
        return orders.orders(instruction);
    }

    /** Completes when every event handed in so far is processed and every queued row written. */
    public Future<Void> drain() {
        return events.idle().compose(v -> flush());
    }
}
