package org.portops.state;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.WorkInstruction;
import org.portops.state.block.BlockState;
import org.portops.state.custody.TrackedContainer;

import java.util.List;

/**
 * The live yard's Hazelcast maps. Keys are the canonical text of the ids ({@code MSCU1234565}, {@code A01},
 * {@code RTG07}, {@code CALL1}, {@code WI-7}): short strings hash and compare fastest. yard-state is the only
 * writer of these maps, always through the named entry processors of its packages.
 */
public record YardMaps(IMap<String, TrackedContainer> containers, IMap<String, BlockState> blocks,
                       IMap<String, EquipmentState> equipment, IMap<String, VesselCall> vesselCalls,
                       IMap<String, WorkInstruction> workInstructions) {

    public static final String CONTAINERS = "portops.yard.containers";
    public static final String BLOCKS = "portops.yard.blocks";
    public static final String EQUIPMENT = "portops.yard.equipment";
    public static final String VESSEL_CALLS = "portops.yard.vessel-calls";
    public static final String WORK_INSTRUCTIONS = "portops.yard.work-instructions";
    public static final List<String> ALL = List.of(CONTAINERS, BLOCKS, EQUIPMENT, VESSEL_CALLS, WORK_INSTRUCTIONS);

    public static YardMaps of(HazelcastInstance hazelcast) {
        return new YardMaps(hazelcast.getMap(CONTAINERS), hazelcast.getMap(BLOCKS), hazelcast.getMap(EQUIPMENT),
                hazelcast.getMap(VESSEL_CALLS), hazelcast.getMap(WORK_INSTRUCTIONS));
    }
}
