package org.portops.model.telemetry;

/** What an {@link InstantAction} asks: stop at once (emergency, needs a resume), pause after the current motion, resume. */
public enum InstantActionType {
    STOP,
    PAUSE,
    RESUME
}
