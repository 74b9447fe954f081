package org.portops.vessel.edi.outbound;

import java.time.Instant;

/** The UNB of an outbound interchange: who sends, to whom, its control reference and when it was prepared. */
public record Envelope(String sender, String recipient, String controlReference, Instant prepared) {
}
