package org.portops.vessel.edi;

import java.util.Map;
import java.util.Set;

/**
 * What a message type's implementation guide allows, as far as PortOps reads it: the segment that starts each
 * equipment group ({@code LOC+147} in BAPLIE, {@code EQD} in COARRI), the segments of the header and of a group, and
 * for each the qualifiers the guide defines (an empty set: any qualifier). A segment outside these is an error unless
 * the partner's profile repairs it.
 */
public record MessageSpec(String type, String guide, String groupTag, Set<String> groupQualifiers,
                          Map<String, Set<String>> header, Map<String, Set<String>> group) {

    public MessageSpec {
        groupQualifiers = Set.copyOf(groupQualifiers);
        header = Map.copyOf(header);
        group = Map.copyOf(group);
    }

    boolean startsGroup(Segment segment) {
        return segment.tag().equals(groupTag)
                && (groupQualifiers.isEmpty() || groupQualifiers.contains(segment.qualifier()));
    }
}
