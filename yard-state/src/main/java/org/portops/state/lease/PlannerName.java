package org.portops.state.lease;

/** The planner a lease is for ({@code crane-scheduler}, {@code yard-planner}): one leader per name. */
public record PlannerName(String value) {

    public PlannerName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a planner name must not be blank");
        }
        if (value.length() > 100) {
            throw new IllegalArgumentException("a planner name has at most 100 characters, got " + value.length());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
