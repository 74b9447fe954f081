package org.portops.model.container;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/** A shipping line (container operator): SCAC or short code, 2..4 upper-case letters or digits, e.g. {@code MSCU}. */
public record LineOperator(String code) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{2,4}");

    public LineOperator {
        Validation.matching(code, FORMAT, "line operator code", "2..4 upper-case letters or digits");
    }

    @Override
    public String toString() {
        return code;
    }
}
