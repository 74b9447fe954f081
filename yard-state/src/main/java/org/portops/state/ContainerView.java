package org.portops.state;

import org.portops.model.container.Container;
import org.portops.model.work.Location;

/**
 * A container in the terminal and where it is.
 *
 * @param sequence the move-log sequence of the move that brought it there
 */
public record ContainerView(Container container, Location location, long sequence) {
}
