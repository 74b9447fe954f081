package org.portops.sim.engine;

import org.portops.model.equipment.Position;
import org.portops.model.work.Location;

/**
 * One end of a crane's part of a move: where the crane's gantry, trolley and hoist go to pick or set the box,
 * the location events name, and the carrier standing at {@code servingPoint} when the end is a tractor or truck.
 */
record CraneEnd(double gantryX, double trolley, double height, Location location, Carrier carrier,
                Position servingPoint) {

    static CraneEnd fixed(double gantryX, double trolley, double height, Location location) {
        return new CraneEnd(gantryX, trolley, height, location, null, null);
    }
}
