package org.portops.vessel.edi;

import java.util.ArrayList;
import java.util.List;
import org.portops.vessel.edi.inbound.InboundMessage;
import org.portops.vessel.edi.inbound.InboundReader;

/**
 * Reads an interchange and every message in it with the sender's partner profile: the single way in for the
 * {@code edi check} command and the inbox alike, so both judge a file the same way.
 */
public final class EdiIntake {

    private static final String COUNT_MISMATCH = "control count does not match actual count";

    private EdiIntake() {
    }

    /** An interchange read: its messages, and the errors and repairs of its envelope (UNB, UNZ). */
    public record Read(Interchange interchange, List<InboundMessage> messages, List<EdiError> envelopeErrors,
                       List<EdiRepair> envelopeRepairs) {

        public Read {
            messages = List.copyOf(messages);
            envelopeErrors = List.copyOf(envelopeErrors);
            envelopeRepairs = List.copyOf(envelopeRepairs);
        }

        /** Nothing wrong anywhere: the envelope and every message are accepted. */
        public boolean accepted() {
            return envelopeErrors.isEmpty() && !messages.isEmpty() && messages.stream().allMatch(InboundMessage::accepted);
        }

        /** Every error, envelope first, then message by message. */
        public List<EdiError> allErrors() {
            List<EdiError> all = new ArrayList<>(envelopeErrors);
            messages.forEach(m -> all.addAll(m.errors()));
            return all;
        }

        public List<EdiRepair> allRepairs() {
            List<EdiRepair> all = new ArrayList<>(envelopeRepairs);
            messages.forEach(m -> all.addAll(m.repairs()));
            return all;
        }
    }

    public static Read read(byte[] content, PartnerProfiles profiles) {
        Interchange interchange = EdiReader.read(content);
        PartnerProfile profile = profiles.forPartner(interchange.sender());
        List<EdiError> errors = new ArrayList<>();
        List<EdiRepair> repairs = new ArrayList<>();
        for (EdiError error : interchange.envelopeErrors()) {
            if (error.at().tag().equals("UNZ") && error.reason().startsWith(COUNT_MISMATCH) && profile.fixControlCounts()) {
                repairs.add(new EdiRepair(error.at(), "UNZ message count replaced by the true count "
                        + interchange.messages().size()));
            } else {
                errors.add(error);
            }
        }
        if (interchange.messages().isEmpty() && errors.isEmpty()) {
            errors.add(new EdiError(new SegmentRef("UNB", 1, 0, 0), "the interchange holds no message (UNH ... UNT)"));
        }
        List<InboundMessage> messages = interchange.messages().stream()
                .map(m -> InboundReader.read(m, interchange.sender(), profile))
                .toList();
        return new Read(interchange, messages, errors, repairs);
    }
}
