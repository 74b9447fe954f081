package org.portops.model.telemetry;

/** WGS84 latitude and longitude in decimal degrees. */
public record GeoPosition(double latitude, double longitude) {

    public GeoPosition {
        Header.range(latitude, -90, 90, "geo.lat");
        Header.range(longitude, -180, 180, "geo.lon");
    }
}
