package org.portops.vessel.edi;

import java.util.List;

/**
 * An EDIFACT interchange as read: UNB sender and recipient, control reference, its messages, and what was wrong
 * outside any message (UNB/UNZ, or text that is not EDIFACT at all).
 */
public record Interchange(String sender, String recipient, String controlReference, List<EdiMessage> messages,
                          List<EdiError> envelopeErrors) {

    public Interchange {
        messages = List.copyOf(messages);
        envelopeErrors = List.copyOf(envelopeErrors);
    }
}
