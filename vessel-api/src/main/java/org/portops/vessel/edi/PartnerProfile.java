package org.portops.vessel.edi;

import java.util.Map;
import java.util.Set;

/**
 * What a partner's known quirks are and which of them may be repaired. Every repair is reported; what a profile
 * does not allow stays an error and the message is refused.
 *
 * @param partner               UNB sender id the profile is for, {@code *} for the default
 * @param fixControlCounts      a wrong UNT segment count or UNZ message count is replaced by the true count
 *                              (the segments are all there; only the partner's counter is off)
 * @param dropStrayFtx          an FTX where the message's guide allows none is dropped (free text never carries
 *                              data PortOps reads)
 * @param droppableUnknownQualifiers segment tags whose occurrences with an unknown qualifier may be dropped because
 *                              PortOps reads nothing from them ({@code DTM}, {@code RFF}); others are errors
 * @param qualifierAliases      a partner's private qualifier read as the standard one, keyed {@code TAG+QUALIFIER}
 *                              ({@code MEA+VGM} → {@code WT} for an SMDG 2.1 sender writing 2.2's qualifier)
 */
public record PartnerProfile(String partner, boolean fixControlCounts, boolean dropStrayFtx,
                             Set<String> droppableUnknownQualifiers, Map<String, String> qualifierAliases) {

    /** No repairs at all: every deviation is an error. */
    public static final PartnerProfile STRICT = new PartnerProfile("*", false, false, Set.of(), Map.of());

    /** The repairs that are safe for any partner: counts, stray free text, unknown references and dates. */
    public static final PartnerProfile DEFAULT = new PartnerProfile("*", true, true, Set.of("DTM", "RFF"), Map.of());

    public PartnerProfile {
        droppableUnknownQualifiers = Set.copyOf(droppableUnknownQualifiers);
        qualifierAliases = Map.copyOf(qualifierAliases);
    }
}
