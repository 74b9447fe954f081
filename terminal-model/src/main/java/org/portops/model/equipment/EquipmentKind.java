package org.portops.model.equipment;

/** Container handling equipment (CHE) by the job it does. */
public enum EquipmentKind {
    /** Ship-to-shore gantry crane (QC / STS). */
    QUAY_CRANE,
    /** Rubber-tyred gantry crane. */
    RTG,
    /** Rail-mounted gantry crane. */
    RMG,
    /** Automated stacking crane. */
    ASC,
    STRADDLE_CARRIER,
    TERMINAL_TRACTOR,
    /** Automated guided vehicle. */
    AGV,
    REACH_STACKER;

    /** RTG, RMG or ASC. */
    public boolean isYardCrane() {
        return switch (this) {
            case RTG, RMG, ASC -> true;
            case QUAY_CRANE, STRADDLE_CARRIER, TERMINAL_TRACTOR, AGV, REACH_STACKER -> false;
        };
    }

    /** Carries containers between quay and yard: straddle carrier, terminal tractor or AGV. */
    public boolean isHorizontalTransport() {
        return switch (this) {
            case STRADDLE_CARRIER, TERMINAL_TRACTOR, AGV -> true;
            case QUAY_CRANE, RTG, RMG, ASC, REACH_STACKER -> false;
        };
    }

    public boolean isQuayCrane() {
        return this == QUAY_CRANE;
    }

    /** Can stack containers in a yard block: a yard crane, a straddle carrier or a reach stacker. */
    public boolean stacksInYard() {
        return isYardCrane() || this == STRADDLE_CARRIER || this == REACH_STACKER;
    }
}
