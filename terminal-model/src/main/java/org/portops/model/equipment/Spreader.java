package org.portops.model.equipment;

/** A crane's spreader: twistlocks locked onto a container or not, and whether it is in twin-lift (2×20') mode. */
public record Spreader(boolean locked, boolean twin) {

    public static final Spreader UNLOCKED = new Spreader(false, false);
}
