package org.portops.model.yard;

import org.portops.model.Validation;

/** A row across a yard block, 1..20. Text is two digits, {@code 03}. */
public record YardRow(int number) {

    public YardRow {
        Validation.inRange(number, 1, 20, "yard row");
    }

    @Override
    public String toString() {
        return String.format("%02d", number);
    }
}
