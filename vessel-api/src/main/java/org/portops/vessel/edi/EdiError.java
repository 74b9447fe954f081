package org.portops.vessel.edi;

/** Something in a message that is wrong and was not repaired: the message is refused because of it. */
public record EdiError(SegmentRef at, String reason) {

    @Override
    public String toString() {
        return at + ": " + reason;
    }
}
