package org.portops.model.container;

import java.util.Set;
import org.portops.model.Validation;

/** IMDG Code hazard class or division of dangerous goods, e.g. {@code 3} or {@code 2.1}. */
public record ImdgClass(String value) {

    private static final Set<String> KNOWN = Set.of("1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2",
            "2.3", "3", "4.1", "4.2", "4.3", "5.1", "5.2", "6.1", "6.2", "7", "8", "9");

    public ImdgClass {
        Validation.notNull(value, "IMDG class");
        if (!KNOWN.contains(value)) {
            throw new IllegalArgumentException("IMDG class must be one of 1, 1.1..1.6, 2.1..2.3, 3, 4.1..4.3, "
                    + "5.1, 5.2, 6.1, 6.2, 7, 8, 9, was '" + value + "'");
        }
    }

    /** The class without its division: 2 for {@code 2.1}. */
    public int primaryClass() {
        return value.charAt(0) - '0';
    }

    @Override
    public String toString() {
        return value;
    }
}
