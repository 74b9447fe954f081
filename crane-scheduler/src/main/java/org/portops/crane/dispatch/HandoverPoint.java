package org.portops.crane.dispatch;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.Position;
import org.portops.model.yard.BlockId;

/**
 * Where a vehicle takes a box over or hands it on: under a quay crane, or in the truck lane beside a yard block's
 * bay; and, for a vehicle only, the spot it reported last. {@link LaneNetwork} places each on the terminal's lanes.
 */
public sealed interface HandoverPoint {

    /** Short operator label: {@code QC03@412m}, {@code A02/17}. */
    String label();

    /** Under quay crane {@code crane}, whose portal stands at {@code quayMetre} along the quay. */
    record UnderCrane(EquipmentId crane, double quayMetre) implements HandoverPoint {
        public UnderCrane {
            if (crane == null) {
                throw new IllegalArgumentException("crane of a quay handover point must be given");
            }
            if (!Double.isFinite(quayMetre) || quayMetre < 0) {
                throw new IllegalArgumentException("quay metre of " + crane + " must be finite and >= 0, was " + quayMetre);
            }
        }

        @Override
        public String label() {
            return crane + "@" + Math.round(quayMetre) + "m";
        }
    }

    /** In the truck lane beside yard bay {@code bay} of {@code block}, where its yard crane serves vehicles. */
    record BlockBay(BlockId block, int bay) implements HandoverPoint {
        public BlockBay {
            if (block == null) {
                throw new IllegalArgumentException("block of a yard handover point must be given");
            }
            if (bay < 1) {
                throw new IllegalArgumentException("bay of a yard handover point in " + block + " must be >= 1, was " + bay);
            }
        }

        @Override
        public String label() {
            return block + "/" + bay;
        }
    }

    /** A vehicle's last reported position (parked, or between lanes); jobs never start or end at one. */
    record Spot(Position position) implements HandoverPoint {
        public Spot {
            if (position == null) {
                throw new IllegalArgumentException("position of a spot must be given");
            }
        }

        @Override
        public String label() {
            return "(" + Math.round(position.x()) + ", " + Math.round(position.y()) + ")";
        }
    }
}
