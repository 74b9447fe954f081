package org.portops.crane.live;

import io.vertx.core.Future;
import org.portops.model.vessel.VesselCall;

/**
 * Turns a vessel call (its bay plan, its cranes) into the crane tasks the live scheduler plans. The live terminal uses
 * {@link BayPlanWorkSource} (the bay plan mapped to tasks, what is still to do read from live state); tests and
 * benchmarks also use generated calls. Fails with {@link IllegalArgumentException} when the call has no work the
 * scheduler can plan, naming why.
 */
@FunctionalInterface
public interface CallWorkSource {
    Future<CallWork> workOf(VesselCall call);

    /**
     * The call's work for the crane split, which gives it its cranes afterwards ({@link CallWork#withCranes}): unlike
     * {@link #workOf} it must not fail because the call's own cranes are out of service.
     */
    default Future<CallWork> workToSplit(VesselCall call) {
        return workOf(call);
    }
}
