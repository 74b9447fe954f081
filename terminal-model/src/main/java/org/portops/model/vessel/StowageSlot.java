package org.portops.model.vessel;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/** A stowage position on board, ISO 9711 / BAPLIE text {@code BBBRRTT}: {@code 0340282} = bay 34, row 02, tier 82. */
public record StowageSlot(VesselBay bay, VesselRow row, VesselTier tier) {

    private static final Pattern TEXT = Pattern.compile("[0-9]{7}");

    public StowageSlot {
        Validation.notNull(bay, "vessel bay");
        Validation.notNull(row, "vessel row");
        Validation.notNull(tier, "vessel tier");
    }

    public static StowageSlot of(int bay, int row, int tier) {
        return new StowageSlot(new VesselBay(bay), new VesselRow(row), new VesselTier(tier));
    }

    /** Parses the 7-digit {@code BBBRRTT} form. */
    public static StowageSlot parse(String text) {
        Validation.matching(text == null ? null : text.strip(), TEXT, "stowage slot",
                "7 digits BBBRRTT (bay, row, tier), e.g. 0340282");
        String digits = text.strip();
        return of(Integer.parseInt(digits.substring(0, 3)), Integer.parseInt(digits.substring(3, 5)),
                Integer.parseInt(digits.substring(5, 7)));
    }

    @Override
    public String toString() {
        return bay.toString() + row + tier;
    }
}
