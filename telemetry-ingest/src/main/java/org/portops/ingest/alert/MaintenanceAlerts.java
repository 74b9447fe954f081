package org.portops.ingest.alert;

import java.time.Instant;
import org.portops.ingest.IngestMetrics;
import org.portops.ingest.anomaly.Anomaly;
import org.portops.ingest.anomaly.AnomalyListener;
import org.portops.ingest.anomaly.Signal;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.event.AlertKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the anomaly detector's conclusions into {@link AlertKind#PREDICTIVE_MAINTENANCE} alerts on the event bus,
 * one rate-limit key per machine and signal, and counts them. A cleared anomaly is logged, counted and clears its
 * alert; the next deviation alerts again.
 */
public final class MaintenanceAlerts implements AnomalyListener {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceAlerts.class);

    private final Alerts alerts;
    private final IngestMetrics metrics;

    public MaintenanceAlerts(Alerts alerts, IngestMetrics metrics) {
        this.alerts = alerts;
        this.metrics = metrics;
    }

    @Override
    public void raised(Anomaly anomaly) {
        metrics.anomaly("raised", anomaly.signal().name());
        alerts.raise(AlertKind.PREDICTIVE_MAINTENANCE, anomaly.machine().value(), anomaly.signal().name(),
                anomaly.text());
    }

    @Override
    public void cleared(EquipmentId machine, Signal signal, Instant at) {
        metrics.anomaly("cleared", signal.name());
        LOG.info("{} {} back at its baseline at {}", machine, signal.words(), at);
        alerts.clear(AlertKind.PREDICTIVE_MAINTENANCE, machine.value(), signal.name(),
                machine + " " + signal.words() + " back at its baseline at " + at);
    }
}
