package org.portops.vessel.edi;

/**
 * Where in an interchange something was found: the segment's tag, its position in the interchange (UNB = 1, as
 * StAEDI counts and as a reader of the file counts lines of one segment each), and the element and component
 * (1-based, 0 when the finding is about the whole segment or element).
 */
public record SegmentRef(String tag, int position, int element, int component) {

    public static SegmentRef of(Segment segment) {
        return new SegmentRef(segment.tag(), segment.position(), 0, 0);
    }

    public static SegmentRef of(Segment segment, int element) {
        return new SegmentRef(segment.tag(), segment.position(), element, 0);
    }

    public static SegmentRef of(Segment segment, int element, int component) {
        return new SegmentRef(segment.tag(), segment.position(), element, component);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(tag).append(" (segment ").append(position);
        if (element > 0) {
            text.append(", element ").append(element);
            if (component > 0) {
                text.append(" component ").append(component);
            }
        }
        return text.append(')').toString();
    }
}
