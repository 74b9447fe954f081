package org.portops.vessel.api.auth;

import java.util.Arrays;
import java.util.Optional;

/** Who a token holder is at the terminal; the {@code roles} claim holds the claim names. */
public enum Role {
    /** Users, keys and settings; everything else too. */
    ADMIN("admin"),
    OPERATOR("operator"),
    /** The shift supervisor: oversees the control room, overrides plans and acknowledges alerts; no gate work. */
    SUPERVISOR("supervisor"),
    PLANNER("planner"),
    /** Reads only: a wall screen, a visitor, a manager; changes nothing anywhere. */
    VIEWER("viewer"),
    /** Bound to one machine by the {@code machine} claim. */
    CRANE_DRIVER("crane-driver"),
    /** A shipping line's system, bound to one line code by the {@code line} claim; sees only its own business. */
    LINE("line"),
    GATE_CLERK("gate-clerk");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}
