package org.portops.model.work;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/** A truck lane at the gate, text {@code gate:IN-3}. */
public record GateLocation(String lane) implements Location {

    /** Lane ids: 1..16 letters, digits, '-' or '_'. */
    public static final Pattern LANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,15}");

    public GateLocation {
        Validation.matching(lane, LANE, "gate lane", "1..16 letters, digits, '-' or '_'");
    }

    @Override
    public String toString() {
        return "gate:" + lane;
    }
}
