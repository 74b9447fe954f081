package org.portops.state.custody;

import org.portops.model.container.Container;
import org.portops.model.work.Location;

/**
 * A container in the terminal's custody and where it is: the value of the containers map, keyed by container
 * number. This entry is the single linearization point of a move: a container is wherever its entry says, and
 * the entry changes in one atomic step ({@link SwitchLocation}).
 *
 * @param location        where it is; null while its arrival is being logged (not yet in the terminal)
 * @param sequence        the move-log sequence of the move that brought it there
 * @param pendingSequence the sequence of the move under way, 0 when none
 */
public record TrackedContainer(Container container, Location location, long sequence, long pendingSequence) {

    public boolean inTerminal() {
        return location != null;
    }
}
