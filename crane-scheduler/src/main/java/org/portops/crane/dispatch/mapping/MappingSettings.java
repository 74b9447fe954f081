package org.portops.crane.dispatch.mapping;

import java.time.Duration;

/**
 * How live state becomes a dispatch request: how long a yard crane takes at each yard end ({@code yardHandling}), how
 * long a vehicle may go unheard before it counts as stalled ({@code silentAfter}), and how far ahead a vehicle that is
 * not available (faulted, offline, stalled) is expected back, so it keeps its committed jobs but takes no new ones
 * ({@code unavailableFor}; longer than the dispatch horizon).
 */
public record MappingSettings(Duration yardHandling, Duration silentAfter, Duration unavailableFor) {

    public static final MappingSettings DEFAULTS =
            new MappingSettings(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofHours(2));

    public MappingSettings {
        if (yardHandling == null || yardHandling.isNegative()) {
            throw new IllegalArgumentException("yard handling time must be given and >= 0, was " + yardHandling);
        }
        if (silentAfter == null || !silentAfter.isPositive()) {
            throw new IllegalArgumentException("silence before a vehicle counts as stalled must be positive, was "
                    + silentAfter);
        }
        if (unavailableFor == null || !unavailableFor.isPositive()) {
            throw new IllegalArgumentException("time an unavailable vehicle is expected away must be positive, was "
                    + unavailableFor);
        }
    }
}
