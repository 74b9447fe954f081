package org.portops.vessel.edi;

import java.util.List;

/**
 * One message of an interchange, UNH to UNT inclusive, with what the reader found wrong in its envelope
 * (StAEDI's control-structure checks, such as a UNT count that does not match).
 *
 * @param type        UNH message type, e.g. {@code BAPLIE}
 * @param version     directory version and release, e.g. {@code D.95B}
 * @param association the association-assigned code, e.g. {@code SMDG20}, "" when absent
 */
public record EdiMessage(String reference, String type, String version, String association,
                         List<Segment> segments, List<EdiError> syntaxErrors) {

    public EdiMessage {
        segments = List.copyOf(segments);
        syntaxErrors = List.copyOf(syntaxErrors);
    }

    /** The segments between UNH and UNT. */
    public List<Segment> body() {
        int end = segments.size() > 1 && segments.getLast().tag().equals("UNT") ? segments.size() - 1 : segments.size();
        return segments.subList(Math.min(1, end), end);
    }

    /** Version and association as partners name them: {@code D.95B SMDG20}. */
    public String versionText() {
        return association.isEmpty() ? version : version + " " + association;
    }
}
