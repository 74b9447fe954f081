package org.portops.state.vessel;

import com.hazelcast.map.EntryProcessor;
import org.portops.model.vessel.VesselCall;

import java.util.Map;

/** Stores a vessel call (its schedule and bay plan) as PostgreSQL now holds it. */
public record PutVesselCall(VesselCall call) implements EntryProcessor<String, VesselCall, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, VesselCall> entry) {
        entry.setValue(call);
        return true;
    }
}
