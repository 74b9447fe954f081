package org.portops.app.demo;

import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.portops.model.container.ContainerNumber;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.Location;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.YardLocation;
import org.portops.state.YardMaps;
import org.portops.state.custody.TrackedContainer;

/**
 * The simulated terminal's starting point, taken from the live yard as it stands, so that every move the simulator
 * reports starts where the live yard has the container, on the first start as after any number of restarts.
 *
 * <ul>
 *   <li>Containers in a yard slot stand in the simulator's yard in the same slot.</li>
 *   <li>Containers on board a vessel are not in the yard; a call's bay plan keeps a discharge (or remain-on-board)
 *       entry only while its container is still on board in that very stowage slot, so a box already discharged is
 *       not discharged again.</li>
 *   <li>A load entry stays only while its container is in the yard: one already loaded, or on its way, drops out.</li>
 *   <li>Containers on a machine (a move the previous run stopped half-way: lifted onto a tractor, not yet set down),
 *       at a gate lane or still arriving are left out. The simulator never touches them, so the live yard keeps them
 *       where it has them and no move of the simulator is refused for them.</li>
 * </ul>
 */
public final class LiveInventory {

    private LiveInventory() {
    }

    /**
     * Reads the containers map in one pass. Blocks the calling thread (the launcher's), never an event loop.
     *
     * @param vesselCalls the live yard's vessel calls with their bay plans as stored
     */
    public static Inventory read(HazelcastInstance hazelcast, List<VesselCall> vesselCalls) {
        return of(YardMaps.of(hazelcast).containers().values(), vesselCalls);
    }

    /** The inventory for containers where the live yard has them and the calls' bay plans as stored. */
    public static Inventory of(Collection<TrackedContainer> containers, List<VesselCall> vesselCalls) {
        List<PlacedContainer> inYard = new ArrayList<>();
        Map<ContainerNumber, Location> where = new HashMap<>();
        for (TrackedContainer tracked : containers) {
            if (!tracked.inTerminal()) {
                continue;
            }
            where.put(tracked.container().number(), tracked.location());
            if (tracked.location() instanceof YardLocation yard) {
                inYard.add(new PlacedContainer(tracked.container(), yard.slot()));
            }
        }
        List<VesselCall> calls = vesselCalls.stream().map(call -> stillToDo(call, where)).toList();
        return new Inventory(inYard, calls);
    }

    private static VesselCall stillToDo(VesselCall call, Map<ContainerNumber, Location> where) {
        List<BayPlanEntry> entries = call.bayPlan().entries().stream()
                .filter(entry -> stillToDo(call, entry, where.get(entry.container().number())))
                .toList();
        return call.withBayPlan(new BayPlan(entries));
    }

    private static boolean stillToDo(VesselCall call, BayPlanEntry entry, Location live) {
        return switch (entry.action()) {
            case LOAD -> live instanceof YardLocation;
            case DISCHARGE, RESTOW, REMAIN_ON_BOARD -> new VesselLocation(call.id(), entry.slot()).equals(live);
        };
    }
}
