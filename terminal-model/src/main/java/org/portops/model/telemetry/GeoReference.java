package org.portops.model.telemetry;

import org.portops.model.equipment.Position;

/**
 * Ties terminal coordinates to WGS84: {@code origin} is where terminal (0, 0) lies, {@code quayBearingDegrees} the
 * compass bearing of the terminal's x axis (along the quay); y (inland) points 90° clockwise from it. A local flat
 * approximation, good to centimetres over a terminal's few kilometres.
 */
public record GeoReference(GeoPosition origin, double quayBearingDegrees) {

    private static final double METRES_PER_DEGREE_LATITUDE = 111_320.0;

    /** The sample terminal's reference: Maasvlakte, Rotterdam, quay running north-north-east. */
    public static final GeoReference SAMPLE = new GeoReference(new GeoPosition(51.9560, 4.0220), 20.0);

    public GeoReference {
        Header.required(origin, "origin");
        Header.range(quayBearingDegrees, 0, 360, "quayBearingDegrees");
    }

    public GeoPosition toWgs84(Position position) {
        double along = Math.toRadians(quayBearingDegrees);
        double inland = along + Math.PI / 2;
        double north = position.x() * Math.cos(along) + position.y() * Math.cos(inland);
        double east = position.x() * Math.sin(along) + position.y() * Math.sin(inland);
        double latitude = origin.latitude() + north / METRES_PER_DEGREE_LATITUDE;
        double longitude = origin.longitude()
                + east / (METRES_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(origin.latitude())));
        return new GeoPosition(latitude, longitude);
    }
}
