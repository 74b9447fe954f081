package org.portops.model.container;

/** ISO 6346 type group: the third character of a size-type code. */
public enum TypeGroup {
    /** {@code G}: general purpose, no ventilation. */
    GENERAL,
    /** {@code V}: general purpose, ventilated. */
    VENTILATED,
    /** {@code B}: dry bulk. */
    BULK,
    /** {@code S}: named cargo (livestock, automobiles). */
    NAMED_CARGO,
    /** {@code R}: refrigerated (a reefer, needs a plug) or {@code H}: insulated / heated. */
    THERMAL,
    /** {@code U}: open top. */
    OPEN_TOP,
    /** {@code P} with detail {@code 0}: platform. */
    PLATFORM,
    /** {@code P} with detail {@code 1}..{@code 9}: flat rack (fixed or collapsible ends). */
    FLAT_RACK,
    /** {@code T}: tank. */
    TANK,
    /** {@code A}: air/surface and other special containers. */
    SPECIAL
}
