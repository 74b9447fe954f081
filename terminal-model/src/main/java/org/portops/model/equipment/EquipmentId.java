package org.portops.model.equipment;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/** A machine's id, e.g. {@code QC01}, {@code RTG07}, {@code TT042}: 2..16 of {@code A-Z 0-9 -}. */
public record EquipmentId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9-]{2,16}");

    public EquipmentId {
        Validation.matching(value, FORMAT, "equipment id", "2..16 upper-case letters, digits or '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
