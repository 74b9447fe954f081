package org.portops.crane.split;

import org.portops.crane.qcsp.Unavailability;
import org.portops.model.equipment.EquipmentId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A quay crane as the crane split sees it: where it stands along the quay (metres from the quay's start), how many
 * crane cycles it does an hour, how fast it gantries along the rail, the wind speed (m/s) above which it stops, and
 * the windows in which it works no vessel (maintenance, breaks, breakdowns); times in seconds from the plan start.
 */
public record SplitCrane(EquipmentId id, double positionMeters, int cyclesPerHour, double gantryMetersPerMinute,
                         double windLimit, List<Unavailability> unavailable) {

    public SplitCrane {
        if (id == null) {
            throw new IllegalArgumentException("a split crane needs its id");
        }
        if (!(positionMeters >= 0)) {
            throw new IllegalArgumentException("crane " + id.value() + ": position must be 0 m or more, was " + positionMeters);
        }
        if (cyclesPerHour < 1) {
            throw new IllegalArgumentException("crane " + id.value() + ": cycles per hour must be 1 or more, was " + cyclesPerHour);
        }
        if (!(gantryMetersPerMinute > 0)) {
            throw new IllegalArgumentException("crane " + id.value() + ": gantry speed must be positive, was "
                    + gantryMetersPerMinute + " m/min");
        }
        if (!(windLimit > 0)) {
            throw new IllegalArgumentException("crane " + id.value() + ": wind limit must be positive, was " + windLimit);
        }
        unavailable = unavailable.stream().sorted(Comparator.comparingInt(Unavailability::from)).toList();
    }

    /** A crane always available, 30 cycles an hour, gantrying 45 m/min, stopping above 20 m/s of wind. */
    public static SplitCrane standard(String id, double positionMeters) {
        return new SplitCrane(new EquipmentId(id), positionMeters, 30, 45.0, 20.0, List.of());
    }

    public SplitCrane withUnavailability(Unavailability window) {
        List<Unavailability> windows = new ArrayList<>(unavailable);
        windows.add(window);
        return new SplitCrane(id, positionMeters, cyclesPerHour, gantryMetersPerMinute, windLimit, windows);
    }

    /** Seconds to gantry {@code meters} along the rail, rounded up. */
    public int gantrySeconds(double meters) {
        return (int) Math.ceil(Math.abs(meters) * 60.0 / gantryMetersPerMinute);
    }

    public double cyclesPerSecond() {
        return cyclesPerHour / 3600.0;
    }
}
