package org.portops.model.vessel;

import org.portops.model.Validation;

/** A vessel bay, 1..99: odd numbers are 20' bays, even numbers the 40' bay spanning its two neighbours. */
public record VesselBay(int number) {

    public VesselBay {
        Validation.inRange(number, 1, 99, "vessel bay");
    }

    /** An even bay: a 40'/45' position covering bays {@code number-1} and {@code number+1}. */
    public boolean isFortyFootBay() {
        return number % 2 == 0;
    }

    @Override
    public String toString() {
        return String.format("%03d", number);
    }
}
