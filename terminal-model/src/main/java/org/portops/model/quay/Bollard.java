package org.portops.model.quay;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/**
 * A bollard on the quay wall, where a vessel's mooring lines are made fast: its number as painted on the quay
 * ({@code 1}..{@code 8} letters or digits, e.g. {@code 31}) and its position along the quay in metres.
 */
public record Bollard(String id, double meter) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]{1,8}");

    public Bollard {
        Validation.matching(id, FORMAT, "bollard id", "1..8 letters or digits");
        if (!(meter >= 0)) {
            throw new IllegalArgumentException("bollard " + id + " must lie at metre 0 or more, was " + meter);
        }
    }
}
