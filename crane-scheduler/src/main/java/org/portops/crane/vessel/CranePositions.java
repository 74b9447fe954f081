package org.portops.crane.vessel;

import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselBay;

import java.util.List;

/**
 * Where a quay crane stands to work a vessel bay. A crane works a 40' bay and the two 20' bays under it from one
 * position, so vessel bays 01, 02 and 03 are position 1, bays 05, 06 and 07 position 2, and so on along the ship.
 * Some ships number their 40' bays 04, 08, … instead (20' bay 01 alone, then 03 + 05 under 04): the pairing is
 * read from the 40' bays of the bay plan, and a plan that mixes both kinds is refused.
 *
 * @param fortyFootRemainder the remainder of the ship's 40' bay numbers divided by 4 (2 or 0)
 */
public record CranePositions(int fortyFootRemainder) {
    public static final CranePositions STANDARD = new CranePositions(2);

    public CranePositions {
        if (fortyFootRemainder != 2 && fortyFootRemainder != 0) {
            throw new IllegalArgumentException("40' bays are numbered 02, 06, … (remainder 2) or 04, 08, … (remainder 0),"
                    + " not with remainder " + fortyFootRemainder);
        }
    }

    /**
     * The pairing the 40' slots of a bay plan use.
     *
     * @throws VesselWorkException when 40' bays of both kinds appear, naming a slot of each
     */
    public static CranePositions of(List<StowageSlot> slots) {
        StowageSlot standard = null;
        StowageSlot shifted = null;
        for (StowageSlot slot : slots) {
            if (slot.bay().isFortyFootBay()) {
                if (slot.bay().number() % 4 == 2) {
                    standard = standard == null ? slot : standard;
                } else {
                    shifted = shifted == null ? slot : shifted;
                }
            }
        }
        if (standard != null && shifted != null) {
            throw new VesselWorkException(List.of("slot " + shifted + ": 40' bay " + shifted.bay()
                    + " does not lie over the same pair of 20' bays as 40' bay " + standard.bay() + " of slot " + standard
                    + " (40' bays are either 02, 06, 10, … or 04, 08, 12, …)"));
        }
        return shifted != null ? new CranePositions(0) : STANDARD;
    }

    /** The crane position (1 at the lowest bay numbers) of a vessel bay. */
    public int position(VesselBay bay) {
        int number = bay.number();
        int forty = number % 2 == 0 ? number : number % 4 == (fortyFootRemainder + 3) % 4 ? number + 1 : number - 1;
        // with remainder 0, a lone 20' bay 01 counts as under a 40' bay 00: position 1, before 03 + 05 under 04
        return forty / 4 + 1;
    }

    /** The 40' bay number of a position, for messages. */
    public int fortyFootBay(int position) {
        return fortyFootRemainder == 2 ? 4 * position - 2 : 4 * (position - 1);
    }
}
