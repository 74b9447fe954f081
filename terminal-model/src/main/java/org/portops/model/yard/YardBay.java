package org.portops.model.yard;

import org.portops.model.Validation;

/** A yard bay, 1..99: one 20-foot ground position along a block. Text is two digits, {@code 05}. */
public record YardBay(int number) {

    public YardBay {
        Validation.inRange(number, 1, 99, "yard bay");
    }

    /** Odd bays start a 40'/45' pair (bays b and b+1). */
    public boolean isOdd() {
        return number % 2 == 1;
    }

    @Override
    public String toString() {
        return String.format("%02d", number);
    }
}
