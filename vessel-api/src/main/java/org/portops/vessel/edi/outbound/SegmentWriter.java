package org.portops.vessel.edi.outbound;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes EDIFACT through StAEDI's writer, one segment per line: {@code segment("EQD", "CN", number,
 * composite("45G1", "102", "5"))}. Counts the
 * segments of the open message for its UNT.
 */
final class SegmentWriter {

    private static final EDIOutputFactory FACTORY = factory();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CCYYMMDDHHMM = DateTimeFormatter.ofPattern("uuuuMMddHHmm")
            .withZone(ZoneOffset.UTC);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EDIStreamWriter writer;
    private int messageSegments;
    private int messages;

    SegmentWriter(Envelope envelope) {
        writer = FACTORY.createEDIStreamWriter(out);
        try {
            writer.startInterchange();
        } catch (EDIStreamException e) {
            throw new IllegalStateException(e);
        }
        segment("UNB", composite("UNOA", "2"), envelope.sender(), envelope.recipient(),
                composite(DATE.format(envelope.prepared()), TIME.format(envelope.prepared())),
                envelope.controlReference());
    }

    private static EDIOutputFactory factory() {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        return factory;
    }

    static String time(Instant at) {
        return CCYYMMDDHHMM.format(at);
    }

    void startMessage(String reference, Composite type) {
        messageSegments = 0;
        messages++;
        segment("UNH", reference, type);
    }

    void endMessage(String reference) {
        segment("UNT", String.valueOf(messageSegments + 1), reference);
    }

    /** A composite element's components. */
    record Composite(List<String> components) {
    }

    static Composite composite(String... components) {
        return new Composite(List.of(components));
    }

    /** Writes a segment of simple elements (strings, "" or null for an empty one) and {@link Composite}s. */
    void segment(String tag, Object... elements) {
        try {
            writer.writeStartSegment(tag);
            for (Object element : elements) {
                if (element instanceof Composite composite) {
                    writer.writeStartElement();
                    for (String component : composite.components()) {
                        writer.writeComponent(component);
                    }
                    writer.endElement();
                } else if (element == null || element.toString().isEmpty()) {
                    writer.writeEmptyElement();
                } else {
                    writer.writeElement(element.toString());
                }
            }
            writer.writeEndSegment();
            messageSegments++;
        } catch (EDIStreamException e) {
            throw new IllegalStateException("writing " + tag + ": " + e.getMessage(), e);
        }
    }

    byte[] finish(String controlReference) {
        try {
            segment("UNZ", String.valueOf(messages), controlReference);
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
