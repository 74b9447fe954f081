package org.portops.model.yard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portops.model.Validation;

/** One stack: a block, bay and row. Text {@code A01-05-03}. */
public record StackId(BlockId block, YardBay bay, YardRow row) {

    private static final Pattern TEXT = Pattern.compile("([A-Z][A-Z0-9]{0,5})-(\\d{1,2})-(\\d{1,2})");

    public StackId {
        Validation.notNull(block, "block");
        Validation.notNull(bay, "yard bay");
        Validation.notNull(row, "yard row");
    }

    public static StackId of(String block, int bay, int row) {
        return new StackId(new BlockId(block), new YardBay(bay), new YardRow(row));
    }

    /** Parses {@code A01-05-03} (block-bay-row). */
    public static StackId parse(String text) {
        Validation.notNull(text, "stack id");
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("stack id must look like A01-05-03 (block-bay-row), was '" + text + "'");
        }
        return of(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** The slot of this stack at {@code tier}. */
    public YardSlot at(Tier tier) {
        return new YardSlot(this, tier);
    }

    @Override
    public String toString() {
        return block + "-" + bay + "-" + row;
    }
}
