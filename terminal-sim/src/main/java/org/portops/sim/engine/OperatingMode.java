package org.portops.sim.engine;

import java.util.Locale;

/**
 * Who decides what the simulated machines do. {@code AUTONOMOUS}: the simulator runs the terminal on its own and
 * rejects every order. {@code DIRECTED}: machines do nothing but the orders PortOps sends (vessels still berth, no
 * gate trucks come). {@code MIXED}: each machine works on its own until the first order for it arrives, then only
 * on orders; the demo's default.
 */
public enum OperatingMode {
    AUTONOMOUS,
    DIRECTED,
    MIXED;

    /** Parses {@code autonomous}, {@code directed} or {@code mixed}, any case; the message lists them otherwise. */
    public static OperatingMode parse(String text) {
        for (OperatingMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("operating mode must be autonomous, directed or mixed, was '" + text + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
