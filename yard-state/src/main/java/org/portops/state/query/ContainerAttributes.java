package org.portops.state.query;

import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import org.portops.model.container.ContainerNumber;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.WorkInstruction;

/**
 * The container-number attributes the live yard's maps are indexed by. A reader asking about one container then
 * looks its instructions and bay-plan entries up in each member's hash index instead of testing every entry of
 * every partition (container status answers thousands of such questions a second). The paths are the compact
 * field names of {@code ModelSerializers}: Hazelcast reads them from the stored records without a Java extractor.
 */
public final class ContainerAttributes {

    /** The work instructions map: the instruction's container. */
    public static final String INSTRUCTION_CONTAINER = "container";
    /** The vessel calls map: every container the call's bay plan names (one attribute, many values). */
    public static final String BAY_PLAN_CONTAINERS = "bayPlan[any].container.number";

    private ContainerAttributes() {
    }

    /** Adds the work instructions' hash index by container. */
    public static MapConfig indexInstructions(MapConfig config) {
        return config.addIndexConfig(new IndexConfig(IndexType.HASH, INSTRUCTION_CONTAINER)
                .setName(INSTRUCTION_CONTAINER));
    }

    /** Adds the vessel calls' hash index by the containers of their bay plans. */
    public static MapConfig indexBayPlans(MapConfig config) {
        return config.addIndexConfig(new IndexConfig(IndexType.HASH, BAY_PLAN_CONTAINERS)
                .setName(BAY_PLAN_CONTAINERS));
    }

    public static Predicate<String, WorkInstruction> instructionsOf(ContainerNumber container) {
        return Predicates.equal(INSTRUCTION_CONTAINER, container.value());
    }

    public static Predicate<String, VesselCall> callsCarrying(ContainerNumber container) {
        return Predicates.equal(BAY_PLAN_CONTAINERS, container.value());
    }
}
