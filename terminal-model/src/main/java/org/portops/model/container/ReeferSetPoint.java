package org.portops.model.container;

import org.portops.model.Validation;

/** The temperature a reefer must keep, in degrees Celsius, -70.0..+40.0. */
public record ReeferSetPoint(double celsius) {

    public ReeferSetPoint {
        Validation.inRange(celsius, -70.0, 40.0, "reefer set point in °C");
    }

    @Override
    public String toString() {
        return celsius + " °C";
    }
}
