package org.portops.model.container;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/** A UN/LOCODE: ISO 3166 country (2 letters) and 3 characters of {@code A-Z 2-9}, e.g. {@code NLRTM}. */
public record UnLocode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[A-Z2-9]{3}");

    public UnLocode {
        Validation.matching(value, FORMAT, "UN/LOCODE", "2 country letters and 3 of A-Z, 2-9 (e.g. NLRTM)");
    }

    public String country() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
