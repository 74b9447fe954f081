package org.portops.model.container;

import org.portops.model.Validation;

/** Verified gross mass (SOLAS VGM) in kilograms, 1..50,000. */
public record VgmWeight(int kilograms) {

    public VgmWeight {
        Validation.inRange(kilograms, 1, 50_000, "VGM weight in kg");
    }

    @Override
    public String toString() {
        return kilograms + " kg";
    }
}
