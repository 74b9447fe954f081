package org.portops.sim.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.telemetry.ConnectionMessage;
import org.portops.model.telemetry.ConnectionState;
import org.portops.model.telemetry.EquipmentEvent.ReeferAlarmRaised;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.ReeferAlarm;
import org.portops.model.telemetry.ReeferReading;
import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.Topic;

/**
 * The terminal's reefer monitoring: one monitor per block with plugged rows ({@code RMS-C01}), reporting every
 * plugged reefer in its block each period. A powered reefer holds its set point; one without power drifts towards
 * ambient. Alarms: supply air more than {@link #TOLERANCE_CELSIUS} from the set point, or no power for longer than
 * {@link #UNPLUGGED_LIMIT}; each is raised once as an event when it starts.
 */
public final class ReeferMonitor {

    static final double TOLERANCE_CELSIUS = 3.0;
    static final Duration UNPLUGGED_LIMIT = Duration.ofHours(2);
    private static final double AMBIENT_CELSIUS = 12.0;
    private static final double DRIFT_TIME_CONSTANT_SECONDS = 4 * 3600.0;

    /** One reefer's state: supply temperature, since when it has no power (null when powered), alarms raised. */
    private static final class Reefer {
        double supply;
        Instant unpoweredSince;
        final Set<ReeferAlarm> raised = EnumSet.noneOf(ReeferAlarm.class);
    }

    /** A monitor unit and its message sequence. */
    private static final class Unit {
        final EquipmentId id;
        long sequence;

        Unit(EquipmentId id) {
            this.id = id;
        }
    }

    private final Sim sim;
    private final Duration period;
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<ContainerNumber, Reefer> reefers = new HashMap<>();
    private Instant nextReport;

    ReeferMonitor(Sim sim, Duration period) {
        this.sim = sim;
        this.period = period;
        for (BlockLayout block : sim.geometry().layout().blocks()) {
            if (!block.reeferRows().isEmpty()) {
                units.put(block.id().value(), new Unit(monitorOf(block)));
            }
        }
        this.nextReport = sim.now();
    }

    /** The reefer monitors of a layout: one per block with plugged rows, each publishing in its own name. */
    public static List<EquipmentId> monitorsOf(TerminalLayout layout) {
        return layout.blocks().stream().filter(block -> !block.reeferRows().isEmpty())
                .map(ReeferMonitor::monitorOf).toList();
    }

    private static EquipmentId monitorOf(BlockLayout block) {
        return new EquipmentId("RMS-" + block.id().value());
    }

    List<EquipmentId> units() {
        return units.values().stream().map(u -> u.id).toList();
    }

    void connection(ConnectionState state) {
        for (Unit unit : units.values()) {
            send(unit, new ConnectionMessage(unit.id, unit.sequence++, sim.now(), state));
        }
    }

    /** Cuts the power of a reefer for the rest of the run. */
    void powerLoss(ContainerNumber container) {
        reefers.computeIfAbsent(container, c -> new Reefer()).unpoweredSince = sim.now();
    }

    void step() {
        if (sim.now().isBefore(nextReport)) {
            return;
        }
        double seconds = period.toMillis() / 1000.0;
        nextReport = nextReport.plus(period);
        List<PlacedContainer> plugged = new ArrayList<>();
        for (PlacedContainer placed : sim.yard().containers()) {
            if (placed.container().isReefer() && units.containsKey(placed.slot().block().value())) {
                plugged.add(placed);
            }
        }
        for (PlacedContainer placed : plugged) {
            report(placed, seconds);
        }
    }

    private void report(PlacedContainer placed, double seconds) {
        double setPoint = placed.container().reeferSetPoint().celsius();
        Reefer reefer = reefers.computeIfAbsent(placed.container().number(), c -> {
            Reefer fresh = new Reefer();
            fresh.supply = setPoint;
            return fresh;
        });
        if (reefer.unpoweredSince == null) {
            reefer.supply = setPoint + (reefer.supply - setPoint) * 0.5 + sim.random().nextGaussian() * 0.15;
        } else {
            reefer.supply += (AMBIENT_CELSIUS - reefer.supply) * Math.min(1, seconds / DRIFT_TIME_CONSTANT_SECONDS);
        }
        Unit unit = units.get(placed.slot().block().value());
        List<ReeferAlarm> alarms = alarms(reefer, setPoint);
        for (ReeferAlarm alarm : alarms) {
            if (reefer.raised.add(alarm)) {
                send(unit, new EventMessage(unit.id, unit.sequence++, sim.now(), new ReeferAlarmRaised(
                        placed.container().number(), alarm, text(alarm, reefer, setPoint))));
            }
        }
        double supply = round(reefer.supply);
        send(unit, new ReeferReading(unit.id, unit.sequence++, sim.now(), placed.container().number(), placed.slot(),
                setPoint, supply, round(supply + (reefer.unpoweredSince == null ? 1.5 : 0.3)),
                reefer.unpoweredSince == null, alarms));
    }

    private List<ReeferAlarm> alarms(Reefer reefer, double setPoint) {
        List<ReeferAlarm> alarms = new ArrayList<>();
        if (Math.abs(reefer.supply - setPoint) > TOLERANCE_CELSIUS) {
            alarms.add(ReeferAlarm.TEMPERATURE_OUT_OF_RANGE);
        }
        if (reefer.unpoweredSince != null
                && Duration.between(reefer.unpoweredSince, sim.now()).compareTo(UNPLUGGED_LIMIT) > 0) {
            alarms.add(ReeferAlarm.UNPLUGGED_TOO_LONG);
        }
        return alarms;
    }

    private String text(ReeferAlarm alarm, Reefer reefer, double setPoint) {
        return switch (alarm) {
            case TEMPERATURE_OUT_OF_RANGE -> "supply " + round(reefer.supply) + " °C, set point " + setPoint + " °C";
            case UNPLUGGED_TOO_LONG -> "no power since " + reefer.unpoweredSince;
        };
    }

    private void send(Unit unit, TelemetryMessage message) {
        sim.emitter().send(unit.id, message);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
