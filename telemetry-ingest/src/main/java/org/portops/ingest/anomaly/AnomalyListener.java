package org.portops.ingest.anomaly;

import java.time.Instant;
import org.portops.model.equipment.EquipmentId;

/** Told what the anomaly detector concluded; called on the detector's thread, in reading order. */
public interface AnomalyListener {

    /** A sustained deviation to alert on (already rate-limited per machine and signal). */
    void raised(Anomaly anomaly);

    /** A deviation that was alerting is over: the signal is back at its baseline and the alert re-armed. */
    void cleared(EquipmentId machine, Signal signal, Instant at);
}
