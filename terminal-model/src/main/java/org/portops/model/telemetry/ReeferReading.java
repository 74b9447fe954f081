package org.portops.model.telemetry;

import java.time.Instant;
import java.util.List;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.yard.YardSlot;

/**
 * One reefer's reading, published by the reefer monitoring system {@code machineId} (one per plugged block, e.g.
 * {@code RMS-C01}) on its {@code reefer} topic. Temperatures in degrees Celsius; {@code slot} is where the reefer
 * stands; {@code alarms} lists the alarms active now.
 */
public record ReeferReading(EquipmentId machineId, long sequence, Instant timestamp, ContainerNumber container,
                            YardSlot slot, double setPointCelsius, double supplyTemperatureCelsius,
                            double returnTemperatureCelsius, boolean powerOn, List<ReeferAlarm> alarms)
        implements TelemetryMessage {

    public ReeferReading {
        Header.check(machineId, sequence, timestamp);
        Header.required(container, "container");
        Header.required(slot, "slot");
        Header.range(setPointCelsius, -70, 40, "setPointC");
        Header.range(supplyTemperatureCelsius, -80, 80, "supplyTempC");
        Header.range(returnTemperatureCelsius, -80, 80, "returnTempC");
        alarms = List.copyOf(Header.required(alarms, "alarms"));
    }

    @Override
    public TelemetryTopic topic() {
        return TelemetryTopic.REEFER;
    }
}
