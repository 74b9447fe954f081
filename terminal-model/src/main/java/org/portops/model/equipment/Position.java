package org.portops.model.equipment;

/** Terminal coordinates in metres: {@code x} along the quay, {@code y} inland from the quay wall. */
public record Position(double x, double y) {

    public static final Position ORIGIN = new Position(0, 0);

    public Position {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("position must have finite coordinates, was (" + x + ", " + y + ")");
        }
    }

    public double distanceTo(Position other) {
        return Math.hypot(other.x - x, other.y - y);
    }

    public Position plus(double dx, double dy) {
        return new Position(x + dx, y + dy);
    }
}
