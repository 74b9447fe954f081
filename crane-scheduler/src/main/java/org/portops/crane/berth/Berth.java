package org.portops.crane.berth;

/** A berth of the quay: vessels can lie alongside it from {@code opens} until {@code closes}, one at a time. */
public record Berth(int number, int opens, int closes) {
    public Berth {
        if (number < 1) {
            throw new IllegalArgumentException("berth number must be 1 or more, was " + number);
        }
        if (opens < 0) {
            throw new IllegalArgumentException("berth " + number + " opens at " + opens + ", before time 0");
        }
        if (closes < opens) {
            throw new IllegalArgumentException("berth " + number + " closes at " + closes + ", before it opens at " + opens);
        }
    }
}
