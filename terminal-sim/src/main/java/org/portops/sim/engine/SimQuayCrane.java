package org.portops.sim.engine;

import java.util.Random;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.Position;
import org.portops.model.work.VesselLocation;

/**
 * A ship-to-shore crane: gantry along the quay (only between bays), trolley from the lane under the portal out
 * over the vessel's rows, hoist between the safe travel height and the tier. Tractors are served in the lane under
 * the portal and queue on the apron lane behind it.
 */
final class SimQuayCrane extends SimCrane {

    /** Trolley position over the handover lane under the portal (landwards of the waterside rail). */
    static final double LANE_TROLLEY = TerminalGeometry.QC_WATERSIDE_RAIL_Y - TerminalGeometry.APRON_HANDOVER_Y;
    /** Spreader height on a box on a tractor's trailer. */
    static final double CHASSIS_HEIGHT = 4.1;
    private static final double SAFE_HEIGHT = 42.0;
    private static final CraneMotion.Speeds SPEEDS = new CraneMotion.Speeds(0.75, 4.5, 0.6, 3.0, 2.0, 0.8);

    final CraneMotion motion;

    SimQuayCrane(Equipment equipment, Random random, double x) {
        super(equipment, random);
        this.motion = new CraneMotion(new Axis(x, limits.maxSpeedMetresPerSecond(), limits.maxAccelerationMetresPerSecond2()),
                new Axis(LANE_TROLLEY, SPEEDS.trolley(), SPEEDS.trolleyAcceleration()),
                new Axis(SAFE_HEIGHT, SPEEDS.hoistEmpty(), SPEEDS.hoistAcceleration()), SPEEDS, SAFE_HEIGHT,
                SAFE_HEIGHT - 15, this::ends);
    }

    private CraneMotion.Ends ends(Job job) {
        VesselLocation vessel = (VesselLocation) (job.fromYard() ? job.to : job.from);
        VesselBerth berth = job.berth;
        double x = berth.bayX(vessel.slot());
        CraneEnd ship = CraneEnd.fixed(x, berth.rowTrolley(vessel.slot()), berth.tierHeight(vessel.slot()), vessel);
        CraneEnd lane = new CraneEnd(x, LANE_TROLLEY, CHASSIS_HEIGHT, job.carrier.location(), job.carrier,
                job.quayPoint);
        return job.fromYard() ? new CraneMotion.Ends(lane, ship) : new CraneMotion.Ends(ship, lane);
    }

    /** Where carriers wait for their turn: on the apron lane behind the crane, one box length apart. */
    Position waitingPoint(Job job, int rank) {
        return new Position(job.quayPoint.x() - 24 + TerminalGeometry.QUEUE_SPACING * (rank - 1),
                TerminalGeometry.APRON_QUEUE_Y);
    }

    @Override
    CraneMotion motion() {
        return motion;
    }

    @Override
    double ladenWorkload() {
        return 0.9;
    }

    @Override
    double emptyWorkload() {
        return 0.6;
    }

    @Override
    Position position() {
        return new Position(motion.gantry.position(), TerminalGeometry.QC_PORTAL_Y);
    }
}
