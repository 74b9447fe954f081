package org.portops.state.custody;

import com.hazelcast.map.EntryProcessor;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.work.EquipmentLocation;
import org.portops.model.work.GateLocation;
import org.portops.model.work.Location;
import org.portops.model.work.YardLocation;
import org.portops.state.MoveRefusal;

import java.util.Map;

/**
 * First step of move {@code seq} on the containers map: checks the container is where the move starts and that no
 * other move of it is under way, then marks it as being moved. A container not yet in the terminal may arrive
 * (from nowhere, a gate lane or a vessel) when the move brings its master data. Re-applying is a no-op.
 *
 * @param from   the origin, in {@link Location} text form; null for an arrival from outside
 * @param master master data for an arriving container, else null
 */
public record ClaimContainer(String container, String from, Container master, long seq)
        implements EntryProcessor<String, TrackedContainer, Object> {

    /**
     * @return the claimed entry ({@link TrackedContainer}, location null for an arrival), or the
     *         {@link MoveRefusal}
     */
    @Override
    public Object process(Map.Entry<String, TrackedContainer> entry) {
        TrackedContainer tracked = entry.getValue();
        if (tracked != null && (tracked.pendingSequence() == seq || tracked.sequence() >= seq)) {
            return tracked;
        }
        ContainerNumber number = ContainerNumber.of(container);
        Location origin = from == null ? null : Location.parse(from);
        if (tracked != null && tracked.pendingSequence() != 0) {
            return new MoveRefusal.MoveInProgress(number, tracked.pendingSequence());
        }
        if (tracked == null || !tracked.inTerminal()) {
            if (origin instanceof YardLocation || origin instanceof EquipmentLocation) {
                return new MoveRefusal.UnknownContainer(number);
            }
            if (master == null) {
                return new MoveRefusal.MasterDataMissing(number);
            }
            TrackedContainer arriving = new TrackedContainer(master, null, 0, seq);
            entry.setValue(arriving);
            return arriving;
        }
        if (origin == null || !origin.equals(tracked.location())) {
            return origin == null || origin instanceof GateLocation
                    ? new MoveRefusal.AlreadyInTerminal(number, tracked.location())
                    : new MoveRefusal.NotAtOrigin(number, origin, tracked.location());
        }
        TrackedContainer claimed = new TrackedContainer(tracked.container(), tracked.location(), tracked.sequence(), seq);
        entry.setValue(claimed);
        return claimed;
    }
}
