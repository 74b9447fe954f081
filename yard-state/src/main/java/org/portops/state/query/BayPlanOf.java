package org.portops.state.query;

import com.hazelcast.projection.Projection;
import java.util.Map;
import java.util.stream.Stream;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;

/**
 * A vessel call cut down, where it is stored, to one container's bay-plan entries: a reader asking about one
 * container receives an entry or two instead of a bay plan of thousands.
 */
public record BayPlanOf(String container) implements Projection<Map.Entry<String, VesselCall>, VesselCall> {

    @Override
    public VesselCall transform(Map.Entry<String, VesselCall> entry) {
        VesselCall call = entry.getValue();
        return call.withBayPlan(new BayPlan(entriesOf(call, container).toList()));
    }

    static Stream<BayPlanEntry> entriesOf(VesselCall call, String container) {
        return call.bayPlan().entries().stream().filter(e -> e.container().number().value().equals(container));
    }
}
