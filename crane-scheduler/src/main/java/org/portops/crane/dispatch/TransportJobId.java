package org.portops.crane.dispatch;

/** A transport job's id, usually its work instruction's id: 1..40 printable characters without spaces. */
public record TransportJobId(String value) {
    public TransportJobId {
        if (value == null || value.isEmpty() || value.length() > 40 || !value.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("transport job id must be 1..40 printable characters without spaces, was "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
