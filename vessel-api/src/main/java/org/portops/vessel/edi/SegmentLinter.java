package org.portops.vessel.edi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lint and repair: checks a message against its {@link MessageSpec} and the partner's {@link PartnerProfile},
 * splits it into header and equipment groups, repairs what the profile allows (each repair reported) and reports
 * everything else as an error naming segment, position and reason.
 */
public final class SegmentLinter {

    private static final String COUNT_MISMATCH = "control count does not match actual count";

    private SegmentLinter() {
    }

    /** The header, the equipment groups, and the findings of one message. */
    public record Linted(List<Segment> header, List<List<Segment>> groups, List<EdiError> errors,
                         List<EdiRepair> repairs) {
    }

    public static Linted lint(EdiMessage message, MessageSpec spec, PartnerProfile profile) {
        List<EdiError> errors = new ArrayList<>();
        List<EdiRepair> repairs = new ArrayList<>();
        controlCounts(message, profile, errors, repairs);
        List<Segment> header = new ArrayList<>();
        List<List<Segment>> groups = new ArrayList<>();
        List<Segment> current = null;
        for (Segment original : message.body()) {
            Segment segment = alias(original, profile, repairs);
            if (spec.startsGroup(segment)) {
                current = new ArrayList<>();
                groups.add(current);
            }
            Map<String, Set<String>> allowed = current == null ? spec.header() : spec.group();
            String section = current == null ? "header" : "equipment group";
            if (keep(segment, allowed, section, spec, profile, errors, repairs)) {
                (current == null ? header : current).add(segment);
            }
        }
        return new Linted(header, groups, errors, repairs);
    }

    /** A wrong UNT count (the segments are all there, the partner's counter is off) or any other envelope error. */
    private static void controlCounts(EdiMessage message, PartnerProfile profile, List<EdiError> errors,
                                      List<EdiRepair> repairs) {
        for (EdiError error : message.syntaxErrors()) {
            if (error.at().tag().equals("UNT") && error.reason().startsWith(COUNT_MISMATCH)
                    && profile.fixControlCounts()) {
                Segment unt = message.segments().getLast();
                repairs.add(new EdiRepair(error.at(), "UNT segment count " + unt.value(1)
                        + " replaced by the true count " + message.segments().size()));
            } else {
                errors.add(error);
            }
        }
    }

    private static Segment alias(Segment segment, PartnerProfile profile, List<EdiRepair> repairs) {
        if (profile.qualifierAliases().isEmpty()) {
            return segment;
        }
        String standard = profile.qualifierAliases().get(segment.tag() + "+" + segment.qualifier());
        if (standard == null) {
            return segment;
        }
        repairs.add(new EdiRepair(SegmentRef.of(segment, 1), "qualifier " + segment.qualifier()
                + " read as " + standard + " (partner profile " + profile.partner() + ")"));
        return segment.withValue(1, 1, standard);
    }

    private static boolean keep(Segment segment, Map<String, Set<String>> allowed, String section, MessageSpec spec,
                                PartnerProfile profile, List<EdiError> errors, List<EdiRepair> repairs) {
        Set<String> qualifiers = allowed.get(segment.tag());
        if (qualifiers == null) {
            if (segment.tag().equals("FTX") && profile.dropStrayFtx()) {
                repairs.add(new EdiRepair(SegmentRef.of(segment), "stray FTX in the " + section + " dropped: "
                        + segment.text()));
                return false;
            }
            errors.add(new EdiError(SegmentRef.of(segment), segment.tag() + " is not part of the " + section + " of "
                    + spec.type() + " (" + spec.guide() + ")"));
            return false;
        }
        if (qualifiers.isEmpty() || qualifiers.contains(segment.qualifier())) {
            return true;
        }
        if (profile.droppableUnknownQualifiers().contains(segment.tag())) {
            repairs.add(new EdiRepair(SegmentRef.of(segment, 1), "unknown qualifier '" + segment.qualifier()
                    + "' in " + segment.tag() + ": segment dropped (" + segment.text() + ")"));
            return false;
        }
        errors.add(new EdiError(SegmentRef.of(segment, 1), "unknown qualifier '" + segment.qualifier() + "' in "
                + segment.tag() + " of the " + section + " (known: " + String.join(", ", new TreeSet<>(qualifiers))
                + ")"));
        return false;
    }
}
