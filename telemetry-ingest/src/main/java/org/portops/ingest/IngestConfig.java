package org.portops.ingest;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.portops.ingest.anomaly.AnomalyParameters;
import org.portops.ingest.tls.CertificateDirectory;

/**
 * How the ingest runs.
 *
 * @param brokerUrl          MQTT broker, e.g. {@code tcp://127.0.0.1:1883}
 * @param clientIdPrefix     prefix of this node's MQTT client ids; must be stable across restarts (the events
 *                           session is resumed by client id) and unique per ingest node
 * @param terminalCode       the terminal level of the topics, e.g. {@code NQCT}
 * @param sharedGroup        MQTT 5 shared-subscription group, so several nodes split the load; null or blank for
 *                           plain subscriptions (one node only)
 * @param skewWindow         how far a message's timestamp may be from the ingest's clock, either way
 * @param offlineTimeout     a machine silent this long is marked OFFLINE
 * @param flushInterval      how often partly filled history batches go to PostgreSQL (full ones go at once); live
 *                           state does not wait for it: readings are written as soon as no write is in flight
 * @param retention          how long reading history is kept (whole days, partition by partition)
 * @param inboundQueueBound  readings waiting between the Paho callback and the checks; beyond it they are shed
 * @param historyQueueBound  history rows waiting for PostgreSQL; beyond it readings are shed (events never)
 * @param historyBatchSize   rows per INSERT
 * @param sessionExpiry      how long the broker keeps the events session (and its queued events) while ingest is
 *                           down; also how old a queued event may be when it finally arrives
 * @param alertInterval      at most one alert of a kind per machine in this interval
 * @param gatewayIds         ids of connection gateways (which publish only on {@code connection})
 * @param anomaly            how predictive-maintenance anomalies are learned and alerted
 * @param tls                the certificates the MQTT clients connect with, and whether every message must carry
 *                           its sender's certificate; null for plain TCP
 * @param readingsConnections MQTT connections subscribed to {@code state} readings, all in the same shared group
 *                           so the broker hands readings over on several connections at once; without a shared
 *                           group only one is made ({@link #readingsSubscribers()})
 */
public record IngestConfig(String brokerUrl, String clientIdPrefix, String terminalCode, String sharedGroup,
                           Duration skewWindow, Duration offlineTimeout, Duration flushInterval, Duration retention,
                           int inboundQueueBound, int historyQueueBound, int historyBatchSize, Duration sessionExpiry,
                           Duration alertInterval, Pattern gatewayIds,
                           AnomalyParameters anomaly, MqttTls tls, int readingsConnections) {

    /**
     * Mutual TLS to the broker.
     *
     * @param certificates    where PortOps's own client certificate and the terminal CA are
     * @param senderCertified the broker stamps each message with its sender's certificate ({@link Inbound}), as the
     *                        embedded broker does: a message without the stamp, or stamped with another machine than
     *                        its topic's, is refused as spoofing
     */
    public record MqttTls(CertificateDirectory certificates, boolean senderCertified) {
        public MqttTls {
            Objects.requireNonNull(certificates, "certificate directory");
        }
    }

    /** Readings connections of {@link #defaults}. */
    public static final int DEFAULT_READINGS_CONNECTIONS = 3;

    public IngestConfig {
        Objects.requireNonNull(brokerUrl, "broker URL");
        Objects.requireNonNull(clientIdPrefix, "client id prefix");
        Objects.requireNonNull(terminalCode, "terminal code");
        positive(skewWindow, "skew window");
        positive(offlineTimeout, "offline timeout");
        positive(flushInterval, "flush interval");
        if (retention == null || retention.toDays() < 1) {
            throw new IllegalArgumentException("retention must be at least one day, was " + retention);
        }
        if (inboundQueueBound < 1 || historyQueueBound < 1 || historyBatchSize < 1) {
            throw new IllegalArgumentException("queue bounds and batch size must be >= 1, were " + inboundQueueBound
                    + ", " + historyQueueBound + ", " + historyBatchSize);
        }
        positive(sessionExpiry, "session expiry");
        positive(alertInterval, "alert interval");
        Objects.requireNonNull(gatewayIds, "gateway id pattern");
        Objects.requireNonNull(anomaly, "anomaly parameters");
        if (readingsConnections < 1) {
            throw new IllegalArgumentException("readings connections must be >= 1, were " + readingsConnections);
        }
    }

    /**
     * Defaults: shared group {@code portops-ingest}, skew ±30 s, offline after 30 s of silence, history flushed
     * every 250 ms, 7 days of history, 50,000 readings inbound, 100,000 history rows queued in batches of 1,000, a
     * one-day events session, one alert per kind and machine per minute, gateways {@code *-GW01}.., the anomaly
     * detector's defaults, {@value #DEFAULT_READINGS_CONNECTIONS} readings connections
     */
    public static IngestConfig defaults(String brokerUrl, String terminalCode) {
        return new IngestConfig(brokerUrl, "portops-ingest", terminalCode, "portops-ingest", Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofMillis(250), Duration.ofDays(7), 50_000, 100_000, 1_000,
                Duration.ofDays(1), Duration.ofMinutes(1), Pattern.compile("[A-Z0-9-]*GW\\d{2,3}"),
                AnomalyParameters.defaults(), null, DEFAULT_READINGS_CONNECTIONS);
    }

    public IngestConfig withClientIdPrefix(String prefix) {
        return new IngestConfig(brokerUrl, prefix, terminalCode, sharedGroup, skewWindow, offlineTimeout,
                flushInterval, retention, inboundQueueBound, historyQueueBound, historyBatchSize, sessionExpiry,
                alertInterval, gatewayIds, anomaly, tls, readingsConnections);
    }

    public IngestConfig withSharedGroup(String group) {
        return new IngestConfig(brokerUrl, clientIdPrefix, terminalCode, group, skewWindow, offlineTimeout,
                flushInterval, retention, inboundQueueBound, historyQueueBound, historyBatchSize, sessionExpiry,
                alertInterval, gatewayIds, anomaly, tls, readingsConnections);
    }

    public IngestConfig withSkewWindow(Duration window) {
        return new IngestConfig(brokerUrl, clientIdPrefix, terminalCode, sharedGroup, window, offlineTimeout,
                flushInterval, retention, inboundQueueBound, historyQueueBound, historyBatchSize, sessionExpiry,
                alertInterval, gatewayIds, anomaly, tls, readingsConnections);
    }

    public IngestConfig withOfflineTimeout(Duration timeout) {
        return new IngestConfig(brokerUrl, clientIdPrefix, terminalCode, sharedGroup, skewWindow, timeout,
                flushInterval, retention, inboundQueueBound, historyQueueBound, historyBatchSize, sessionExpiry,
                alertInterval, gatewayIds, anomaly, tls, readingsConnections);
    }

    public IngestConfig withFlushInterval(Duration interval) {
        return new IngestConfig(brokerUrl, clientIdPrefix, terminalCode, sharedGroup, skewWindow, offlineTimeout,
                interval, retention, inboundQueueBound, historyQueueBound, historyBatchSize, sessionExpiry,
                alertInterval, gatewayIds, anomaly, tls, readingsConnections);
    }

    public IngestConfig withRetention(Duration days) {
        return new IngestConfig(brokerUrl, clientIdPrefix, terminalCode, sharedGroup, skewWindow, offlineTimeout,
                flushInterval, days, inboundQueueBound, historyQueueBound, historyBatchSize, sessionExpiry,
                alertInterval, gatewayIds, anomaly, tls, readingsConnections);
    }

    public IngestConfig withQueues(int inbound, int history, int batchSize) {
        return new IngestConfig(brokerUrl, clientIdPrefix, terminalCode, sharedGroup, skewWindow, offlineTimeout,
                flushInterval, retention, inbound, history, batchSize, sessionExpiry, alertInterval, gatewayIds,
                anomaly, tls, readingsConnections);
    }

    public IngestConfig withAnomaly(AnomalyParameters parameters) {
        return new IngestConfig(brokerUrl, clientIdPrefix, terminalCode, sharedGroup, skewWindow, offlineTimeout,
                flushInterval, retention, inboundQueueBound, historyQueueBound, historyBatchSize, sessionExpiry,
                alertInterval, gatewayIds, parameters, tls, readingsConnections);
    }

    public IngestConfig withTls(MqttTls mqttTls) {
        return new IngestConfig(brokerUrl, clientIdPrefix, terminalCode, sharedGroup, skewWindow, offlineTimeout,
                flushInterval, retention, inboundQueueBound, historyQueueBound, historyBatchSize, sessionExpiry,
                alertInterval, gatewayIds, anomaly, mqttTls, readingsConnections);
    }

    /**
     * The connections the ingest subscribes to {@code state} on: {@link #readingsConnections}, or one without a shared
     * group (plain subscriptions would each get every reading).
     */
    public int readingsSubscribers() {
        return shared() ? readingsConnections : 1;
    }

    public IngestConfig withReadingsConnections(int connections) {
        return new IngestConfig(brokerUrl, clientIdPrefix, terminalCode, sharedGroup, skewWindow, offlineTimeout,
                flushInterval, retention, inboundQueueBound, historyQueueBound, historyBatchSize, sessionExpiry,
                alertInterval, gatewayIds, anomaly, tls, connections);
    }

    /** Whether topics are subscribed as an MQTT 5 shared subscription. */
    public boolean shared() {
        return sharedGroup != null && !sharedGroup.isBlank();
    }

    private static void positive(Duration duration, String what) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }
}
