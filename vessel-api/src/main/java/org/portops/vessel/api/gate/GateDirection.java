package org.portops.vessel.api.gate;

/** A truck entering with a container (IN) or leaving with one (OUT). */
public enum GateDirection {
    IN,
    OUT
}
