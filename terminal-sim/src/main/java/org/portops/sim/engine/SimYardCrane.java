package org.portops.sim.engine;

import java.util.Random;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;

/**
 * A yard crane (RTG or RMG) working one stretch of bays of its block: gantry along the block, trolley across its
 * rows and the truck lane, hoist over the stacks. Carriers are served in the truck lane at the bay of the move.
 */
final class SimYardCrane extends SimCrane {

    private static final double TIER_HEIGHT = 2.6;

    final BlockLayout block;
    final int fromBay;
    final int toBay;
    final CraneMotion motion;
    private final double laneTrolley;

    SimYardCrane(Equipment equipment, Random random, BlockLayout block, int fromBay, int toBay) {
        super(equipment, random);
        this.block = block;
        this.fromBay = fromBay;
        this.toBay = toBay;
        this.laneTrolley = block.rows() * BlockLayout.ROW_PITCH_METRES + TerminalGeometry.TRUCK_LANE_OFFSET;
        double safe = (block.maxTiers() + 1) * TIER_HEIGHT + 1.5;
        boolean rail = equipment.kind() != EquipmentKind.RTG;
        CraneMotion.Speeds speeds = rail ? new CraneMotion.Speeds(limits.maxSpeedMetresPerSecond(), 1.2, 0.4, 0.9, 0.6, 0.4)
                : new CraneMotion.Speeds(limits.maxSpeedMetresPerSecond(), 1.0, 0.4, 0.8, 0.5, 0.4);
        double startX = TerminalGeometry.bayX(block, (fromBay + toBay) / 2, 1);
        this.motion = new CraneMotion(new Axis(startX, limits.maxSpeedMetresPerSecond(), limits.maxAccelerationMetresPerSecond2()),
                new Axis(laneTrolley, speeds.trolley(), speeds.trolleyAcceleration()),
                new Axis(safe, speeds.hoistEmpty(), speeds.hoistAcceleration()), speeds, safe, safe - 2, this::ends);
    }

    boolean covers(YardSlot slot) {
        return slot.block().equals(block.id()) && slot.bay().number() >= fromBay && slot.bay().number() <= toBay;
    }

    private CraneEnd stackEnd(Job job, YardSlot slot) {
        int yardBays = job.container.length().yardBays();
        return CraneEnd.fixed(TerminalGeometry.bayX(block, slot.bay().number(), yardBays),
                (slot.row().number() - 0.5) * BlockLayout.ROW_PITCH_METRES, slot.tier().level() * TIER_HEIGHT,
                new YardLocation(slot));
    }

    private CraneMotion.Ends ends(Job job) {
        CraneEnd stack = stackEnd(job, job.yardSlot);
        if (job.shiftTo != null) {
            return new CraneMotion.Ends(stack, stackEnd(job, job.shiftTo));
        }
        CraneEnd lane = new CraneEnd(stack.gantryX(), laneTrolley, SimQuayCrane.CHASSIS_HEIGHT,
                job.carrier.location(), job.carrier, job.yardPoint);
        return job.fromYard() ? new CraneMotion.Ends(stack, lane) : new CraneMotion.Ends(lane, stack);
    }

    /** Where carriers wait for their turn: back along the truck lane, one box length apart. */
    Position waitingPoint(Job job, int rank) {
        return new Position(Math.max(block.origin().x() - 10, job.yardPoint.x() - TerminalGeometry.QUEUE_SPACING * rank),
                job.yardPoint.y());
    }

    @Override
    CraneMotion motion() {
        return motion;
    }

    @Override
    double ladenWorkload() {
        return 0.85;
    }

    @Override
    double emptyWorkload() {
        return 0.55;
    }

    @Override
    Position position() {
        return new Position(motion.gantry.position(), TerminalGeometry.blockCentreY(block));
    }
}
