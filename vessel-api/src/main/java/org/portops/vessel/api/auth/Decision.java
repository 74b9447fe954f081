package org.portops.vessel.api.auth;

/** The outcome of an access check: allowed, or refused with the reason a caller can act on. */
public sealed interface Decision {

    Decision ALLOWED = new Allowed();

    record Allowed() implements Decision {
    }

    record Refused(String reason) implements Decision {
    }

    static Decision refused(String reason) {
        return new Refused(reason);
    }
}
