package org.portops.model.telemetry;

/** VDA 5050 connection states: ONLINE and OFFLINE are sent by the machine, CONNECTIONBROKEN is its last will. */
public enum ConnectionState {
    ONLINE,
    OFFLINE,
    CONNECTIONBROKEN
}
