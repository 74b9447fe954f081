package org.portops.model.yard;

import org.portops.model.Validation;

/** A stacking level in the yard, 1..9, 1 being the ground. */
public record Tier(int level) {

    public static final Tier GROUND = new Tier(1);

    public Tier {
        Validation.inRange(level, 1, 9, "tier");
    }

    public boolean isGround() {
        return level == 1;
    }

    /** The tier directly below; refused on the ground. */
    public Tier below() {
        if (isGround()) {
            throw new IllegalStateException("the ground tier has nothing below it");
        }
        return new Tier(level - 1);
    }

    @Override
    public String toString() {
        return Integer.toString(level);
    }
}
