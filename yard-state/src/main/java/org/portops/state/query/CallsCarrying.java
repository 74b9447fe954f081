package org.portops.state.query;

import com.hazelcast.query.Predicate;
import java.util.Map;
import org.portops.model.vessel.VesselCall;

/** Selects the vessel calls whose bay plan names one container, tested where the calls are stored. */
public record CallsCarrying(String container) implements Predicate<String, VesselCall> {

    @Override
    public boolean apply(Map.Entry<String, VesselCall> entry) {
        return BayPlanOf.entriesOf(entry.getValue(), container).findAny().isPresent();
    }
}
