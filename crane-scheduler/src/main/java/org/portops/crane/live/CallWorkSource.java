package org.portops.crane.live;

import org.portops.model.vessel.VesselCall;

/**
 * Turns a vessel call (its bay plan, its cranes) into the crane tasks the live scheduler plans. The bay-plan mapping
 * of quay-crane scheduling plugs in here; tests and benchmarks use generated calls.
 */
@FunctionalInterface
public interface CallWorkSource {
    CallWork workOf(VesselCall call);
}
