package org.portops.model.yard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portops.model.Validation;

/**
 * One position in the yard: a stack and a tier. Text {@code A01-05-03-2} (block-bay-row-tier).
 *
 * <p>Yard convention: a yard bay is one 20-foot ground position. A 20' container occupies the slot's bay only.
 * A 40' or 45' container placed at a slot with bay {@code b} occupies bays {@code b} and {@code b+1} of the same
 * row and tier, and {@code b} must be odd (bays pair as 1-2, 3-4, ...). So a 40' at {@code A01-05-03-2} also
 * covers {@code A01-06-03-2}.
 */
public record YardSlot(StackId stack, Tier tier) {

    private static final Pattern TEXT =
            Pattern.compile("([A-Z][A-Z0-9]{0,5})-(\\d{1,2})-(\\d{1,2})-(\\d)");

    public YardSlot {
        Validation.notNull(stack, "stack");
        Validation.notNull(tier, "tier");
    }

    public static YardSlot of(String block, int bay, int row, int tier) {
        return new YardSlot(StackId.of(block, bay, row), new Tier(tier));
    }

    /** Parses {@code A01-05-03-2} (block-bay-row-tier). */
    public static YardSlot parse(String text) {
        Validation.notNull(text, "yard slot");
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "yard slot must look like A01-05-03-2 (block-bay-row-tier), was '" + text + "'");
        }
        return of(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
    }

    public BlockId block() {
        return stack.block();
    }

    public YardBay bay() {
        return stack.bay();
    }

    public YardRow row() {
        return stack.row();
    }

    @Override
    public String toString() {
        return stack + "-" + tier;
    }
}
