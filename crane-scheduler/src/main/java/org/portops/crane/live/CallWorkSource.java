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
}
