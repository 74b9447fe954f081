package org.portops.sim.twin.guard;

import java.util.Optional;
import org.portops.sim.twin.TwinKpis;

/**
 * The what-if of an escalated decision: the terminal run forward with it accepted and with it rejected (the plan in
 * force kept), so the operator sees what each choice costs before making it.
 *
 * @param <P> the plan type
 */
@FunctionalInterface
public interface Foresight<P> {

    /** Accepting versus rejecting, from the same start and seed. */
    record Comparison(TwinKpis accepting, TwinKpis rejecting) {
    }

    Comparison foresee(Decision<P> decision, Optional<P> inForce);
}
