package org.portops.state.lease;

/**
 * The PortOps node that holds or asks for a lease; unique per running process (host and pid, say), so the lease
 * row and the logs tell a restarted node's terms from its predecessor's.
 */
public record NodeId(String value) {

    public NodeId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a node id must not be blank");
        }
        if (value.length() > 200) {
            throw new IllegalArgumentException("a node id has at most 200 characters, got " + value.length());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
