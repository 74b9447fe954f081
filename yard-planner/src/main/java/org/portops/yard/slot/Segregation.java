package org.portops.yard.slot;

/**
 * The IMDG Code segregation terms (7.2.2 / the table of 7.2.4), translated into yard distances. A yard has no
 * holds or decks, so each term becomes a minimum spacing between the two containers' ground positions; the
 * translation is ours and errs towards more room than the ship rules:
 *
 * <ul>
 *   <li>{@link #NONE} ("X"): no rule.</li>
 *   <li>{@link #AWAY_FROM} (1): never adjacent — not in the same stack and not in any of the eight stacks around it
 *       (at least one 20' position between them in bay and row), or in another block.</li>
 *   <li>{@link #SEPARATED_FROM} (2): at least two 20' positions between them in the same block, or another block.</li>
 *   <li>{@link #SEPARATED_BY_COMPARTMENT} (3): different blocks.</li>
 *   <li>{@link #SEPARATED_LONGITUDINALLY} (4): different blocks and at least {@link #LONGITUDINAL_METRES} between the
 *       stacks' centres.</li>
 * </ul>
 */
public enum Segregation {
    NONE,
    AWAY_FROM,
    SEPARATED_FROM,
    SEPARATED_BY_COMPARTMENT,
    SEPARATED_LONGITUDINALLY;

    public static final double LONGITUDINAL_METRES = 50;

    /** Whether two containers this far apart keep this segregation. */
    public boolean keptAt(SlotDistance distance) {
        return switch (this) {
            case NONE -> true;
            case AWAY_FROM -> !distance.sameBlock() || distance.positions() >= 2;
            case SEPARATED_FROM -> !distance.sameBlock() || distance.positions() >= 3;
            case SEPARATED_BY_COMPARTMENT -> !distance.sameBlock();
            case SEPARATED_LONGITUDINALLY -> !distance.sameBlock() && distance.metres() >= LONGITUDINAL_METRES;
        };
    }
}
