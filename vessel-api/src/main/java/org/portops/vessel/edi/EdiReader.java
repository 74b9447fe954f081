package org.portops.vessel.edi;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an EDIFACT interchange with StAEDI into segments, keeping StAEDI's control-structure findings (UNT and UNZ
 * counts, control references) as errors with their segment and position. It reads no message schema: what a
 * message means is read by the mappers in {@code inbound}, which know the SMDG implementation guides. Control code
 * values (UNB partner-id qualifiers like {@code ZZ} or {@code 01}) are not checked: partners use private ones.
 */
public final class EdiReader {

    private static final EDIInputFactory FACTORY = factory();

    private EdiReader() {
    }

    public static Interchange read(byte[] content) {
        Builder builder = new Builder();
        try (EDIStreamReader reader = FACTORY.createEDIStreamReader(new ByteArrayInputStream(content),
                encoding(content))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                builder.on(event, reader);
            }
        } catch (EDIStreamException e) {
            builder.fatal(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.finish();
    }

    /**
     * The character encoding the UNB syntax identifier names: UTF-8 for UNOW and UNOY, ISO-8859-1 otherwise. UNOA and
     * UNOB are within it, UNOC is it, and for the rarer UNOD..UNOK it keeps every byte and every separator, so the
     * structure reads right; StAEDI's UTF-8 default would fail on a UNOC file's accented names.
     */
    static String encoding(byte[] content) {
        int limit = Math.min(content.length - 7, 256);
        for (int i = 0; i < limit; i++) {
            if (content[i] == 'U' && content[i + 1] == 'N' && content[i + 2] == 'B' && content[i + 4] == 'U'
                    && content[i + 5] == 'N' && content[i + 6] == 'O') {
                byte level = content[i + 7];
                return level == 'W' || level == 'Y' ? "UTF-8" : "ISO-8859-1";
            }
        }
        return "ISO-8859-1";
    }

    private static EDIInputFactory factory() {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        return factory;
    }

    /** Collects events into segments and messages. */
    private static final class Builder {
        private final List<Segment> interchangeSegments = new ArrayList<>();
        private final List<EdiMessage> messages = new ArrayList<>();
        private final List<EdiError> envelopeErrors = new ArrayList<>();
        private List<Segment> messageSegments;
        private List<EdiError> messageErrors;
        private String tag;
        private int position;
        private List<List<String>> elements;

        void on(EDIStreamEvent event, EDIStreamReader reader) {
            Location at = reader.getLocation();
            switch (event) {
                case START_SEGMENT -> {
                    tag = reader.getText();
                    position = at.getSegmentPosition();
                    elements = new ArrayList<>();
                    if (tag.equals("UNH")) {
                        messageSegments = new ArrayList<>();
                        messageErrors = new ArrayList<>();
                    }
                }
                case ELEMENT_DATA -> component(at.getElementPosition(), at.getComponentPosition(), reader.getText());
                case END_SEGMENT -> endSegment();
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(reader, at);
                default -> { }
            }
        }

        private void component(int element, int component, String text) {
            while (elements.size() < element) {
                elements.add(new ArrayList<>());
            }
            List<String> components = elements.get(element - 1);
            int index = Math.max(component, 1);
            while (components.size() < index) {
                components.add("");
            }
            components.set(index - 1, text);
        }

        private void endSegment() {
            for (List<String> element : elements) {
                if (element.isEmpty()) {
                    element.add("");
                }
            }
            Segment segment = new Segment(tag, position, elements);
            if (messageSegments != null) {
                messageSegments.add(segment);
                if (tag.equals("UNT")) {
                    endMessage();
                }
            } else {
                interchangeSegments.add(segment);
            }
        }

        private void endMessage() {
            Segment unh = messageSegments.getFirst();
            String version = unh.value(2, 2) + "." + unh.value(2, 3);
            messages.add(new EdiMessage(unh.value(1), unh.value(2, 1), version, unh.value(2, 5), messageSegments,
                    messageErrors));
            messageSegments = null;
            messageErrors = null;
        }

        private void error(EDIStreamReader reader, Location at) {
            String text = reader.hasText() ? reader.getText() : "";
            String kind = reader.getErrorType().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            EdiError error = new EdiError(new SegmentRef(at.getSegmentTag(), at.getSegmentPosition(),
                    Math.max(at.getElementPosition(), 0), Math.max(at.getComponentPosition(), 0)),
                    kind + (text.isEmpty() ? "" : " ('" + text + "')"));
            if (messageErrors != null && !"UNZ".equals(at.getSegmentTag())) {
                messageErrors.add(error);
            } else {
                envelopeErrors.add(error);
            }
        }

        void fatal(EDIStreamException e) {
            Location at = e.getLocation();
            SegmentRef where = at == null ? new SegmentRef("", 0, 0, 0)
                    : new SegmentRef(at.getSegmentTag() == null ? "" : at.getSegmentTag(), at.getSegmentPosition(),
                            Math.max(at.getElementPosition(), 0), Math.max(at.getComponentPosition(), 0));
            envelopeErrors.add(new EdiError(where, "not readable as EDIFACT: " + e.getMessage()));
            if (messageSegments != null && !messageSegments.isEmpty()) {
                messageErrors.add(new EdiError(where, "message cut short: " + e.getMessage()));
                endMessage();
            }
        }

        Interchange finish() {
            Segment unb = interchangeSegments.stream().filter(s -> s.tag().equals("UNB")).findFirst().orElse(null);
            if (unb == null && envelopeErrors.isEmpty()) {
                envelopeErrors.add(new EdiError(new SegmentRef("UNB", 1, 0, 0), "no UNB interchange header"));
            }
            return new Interchange(unb == null ? "" : unb.value(2), unb == null ? "" : unb.value(3),
                    unb == null ? "" : unb.value(5), messages, envelopeErrors);
        }
    }
}
