package org.portops.yard.slot;

import java.util.List;
import java.util.Map;
import org.portops.model.container.ContainerNumber;
import org.portops.model.yard.YardSlot;

/** The planner's answer for one container. */
public sealed interface SlotDecision {

    ContainerNumber container();

    /**
     * A slot, the decision's score and the reasons behind it from score analysis (one line per cost it carries;
     * empty when it costs nothing).
     */
    record Placed(ContainerNumber container, YardSlot slot, String score, List<String> reasons)
            implements SlotDecision {
        public Placed {
            reasons = List.copyOf(reasons);
        }
    }

    /** No stack in the yard can take it; {@code refusals} counts the stacks per broken rule. */
    record NoSlot(ContainerNumber container, Map<String, Integer> refusals) implements SlotDecision {
        public NoSlot {
            refusals = Map.copyOf(refusals);
        }
    }
}
