package org.portops.model.telemetry;

import java.time.Instant;
import java.util.List;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;

/**
 * One periodic reading of a machine, on {@code state}. Units: metres, metres per second, degrees clockwise from
 * the quay's x axis, kilograms, degrees Celsius, millimetres per second RMS (ISO 10816 velocity), percent.
 * Fields that a kind of machine does not have are null: {@code spreader} on tractors, {@code hoistHeightMetres}
 * on machines without a hoist, {@code trolleyPositionMetres} on everything but cranes, {@code energyPercent} on
 * grid-powered cranes, {@code load} when nothing is carried.
 *
 * @param trolleyPositionMetres cranes only: quay cranes from the waterside rail, positive seawards; yard cranes
 *                              across the block from its row 1 edge
 * @param hoistHeightMetres     spreader height above the quay or yard surface (negative below it, in a hold)
 */
public record StateReading(EquipmentId machineId, long sequence, Instant timestamp, EquipmentKind kind,
                           Position position, GeoPosition geo, double headingDegrees, double speedMetresPerSecond,
                           EquipmentStatus status, Spreader spreader, ContainerNumber load, int loadWeightKilograms,
                           Double hoistHeightMetres, Double trolleyPositionMetres, double motorTemperatureCelsius,
                           double vibrationRmsMillimetresPerSecond, Double energyPercent, List<String> faultCodes)
        implements TelemetryMessage {

    public StateReading {
        Header.check(machineId, sequence, timestamp);
        Header.required(kind, "kind");
        Header.required(position, "position");
        Header.required(geo, "geo");
        if (!Double.isFinite(headingDegrees) || headingDegrees < 0 || headingDegrees >= 360) {
            throw new TelemetryFormatException("headingDeg", "must be 0 <= degrees < 360, was " + headingDegrees);
        }
        Header.range(speedMetresPerSecond, 0, 100, "speedMps");
        Header.required(status, "status");
        if (loadWeightKilograms < 0 || loadWeightKilograms > 100_000) {
            throw new TelemetryFormatException("loadWeightKg", "must be 0..100000, was " + loadWeightKilograms);
        }
        Header.optionalRange(hoistHeightMetres, -40, 80, "hoistHeightM");
        Header.optionalRange(trolleyPositionMetres, -100, 100, "trolleyPositionM");
        Header.range(motorTemperatureCelsius, -50, 200, "motorTempC");
        Header.range(vibrationRmsMillimetresPerSecond, 0, 100, "vibrationRmsMmS");
        Header.optionalRange(energyPercent, 0, 100, "energyPct");
        faultCodes = List.copyOf(Header.required(faultCodes, "faultCodes"));
    }

    @Override
    public TelemetryTopic topic() {
        return TelemetryTopic.STATE;
    }

    /** The same reading under another sequence number and time: what a replay attack or a resend looks like. */
    public StateReading withHeader(EquipmentId id, long newSequence, Instant at) {
        return new StateReading(id, newSequence, at, kind, position, geo, headingDegrees, speedMetresPerSecond,
                status, spreader, load, loadWeightKilograms, hoistHeightMetres, trolleyPositionMetres,
                motorTemperatureCelsius, vibrationRmsMillimetresPerSecond, energyPercent, faultCodes);
    }

    /** The same reading claiming another position. */
    public StateReading at(Position newPosition, GeoPosition newGeo) {
        return new StateReading(machineId, sequence, timestamp, kind, newPosition, newGeo, headingDegrees,
                speedMetresPerSecond, status, spreader, load, loadWeightKilograms, hoistHeightMetres,
                trolleyPositionMetres, motorTemperatureCelsius, vibrationRmsMillimetresPerSecond, energyPercent,
                faultCodes);
    }
}
