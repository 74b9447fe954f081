package org.portops.sim.engine;

import org.portops.model.container.Container;
import org.portops.model.equipment.Position;
import org.portops.model.work.Location;

/** Something a crane sets a container on or lifts one from: a terminal tractor or an external truck. */
sealed interface Carrier permits SimTractor, Truck {

    Position position();

    /** Standing still at {@code point}, within half a metre. */
    boolean standingAt(Position point);

    /** The location a container on it has, as events report it. */
    Location location();

    Container load();

    void load(Container container);

    Job job();
}
