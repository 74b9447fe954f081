package org.portops.yard.slot;

import org.portops.model.container.ImdgClass;

/**
 * The segregation two dangerous-goods classes need, from the IMDG Code segregation table (7.2.4) for packaged
 * goods in containers. Explosives among themselves are governed by compatibility groups (7.2.7), which the terminal
 * does not hold; they get {@link Segregation#SEPARATED_FROM}, which keeps every compatibility group apart. A
 * substance's own "segregation group" entries and special provisions in the Dangerous Goods List are not applied:
 * the yard knows only the class. Class {@code 1} without a division counts as 1.1 (the strictest).
 */
public final class ImdgSegregation {

    /** Table rows and columns: 1.1/1.2/1.5, 1.3/1.6, 1.4, 2.1, 2.2, 2.3, 3, 4.1, 4.2, 4.3, 5.1, 5.2, 6.1, 6.2, 7, 8, 9. */
    static final int[][] TABLE = {
            {2, 2, 2, 4, 2, 2, 4, 4, 4, 4, 4, 4, 2, 4, 2, 4, 0},
            {2, 2, 2, 4, 2, 2, 4, 3, 3, 4, 4, 4, 2, 4, 2, 2, 0},
            {2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 2, 2, 0, 4, 2, 2, 0},
            {4, 4, 2, 0, 0, 0, 2, 1, 2, 0, 2, 2, 0, 4, 2, 1, 0},
            {2, 2, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 2, 1, 0, 0},
            {2, 2, 1, 0, 0, 0, 2, 0, 2, 0, 0, 2, 0, 2, 1, 0, 0},
            {4, 4, 2, 2, 1, 2, 0, 0, 2, 1, 2, 2, 0, 3, 2, 0, 0},
            {4, 3, 2, 1, 0, 0, 0, 0, 1, 0, 1, 2, 0, 3, 2, 1, 0},
            {4, 3, 2, 2, 1, 2, 2, 1, 0, 1, 2, 2, 1, 3, 2, 1, 0},
            {4, 4, 2, 0, 0, 0, 1, 0, 1, 0, 2, 2, 0, 2, 2, 1, 0},
            {4, 4, 2, 2, 0, 0, 2, 1, 2, 2, 0, 2, 1, 3, 1, 2, 0},
            {4, 4, 2, 2, 1, 2, 2, 2, 2, 2, 2, 0, 1, 3, 2, 2, 0},
            {2, 2, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 0},
            {4, 4, 4, 4, 2, 2, 3, 3, 3, 2, 3, 3, 1, 0, 3, 3, 0},
            {2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 1, 2, 0, 3, 0, 2, 0},
            {4, 2, 2, 1, 0, 0, 0, 1, 1, 1, 2, 2, 0, 3, 2, 0, 0},
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    };

    private static final Segregation[] SEGREGATIONS = Segregation.values();

    private ImdgSegregation() {
    }

    /** The segregation between two classes; {@link Segregation#NONE} when either is null (no dangerous goods). */
    public static Segregation required(ImdgClass a, ImdgClass b) {
        if (a == null || b == null) {
            return Segregation.NONE;
        }
        return required(index(a), index(b));
    }

    /** By table rows ({@link #index}): for scans that compare one class with many. */
    static Segregation required(int row, int column) {
        return SEGREGATIONS[TABLE[row][column]];
    }

    static int index(ImdgClass imdg) {
        return switch (imdg.value()) {
            case "1", "1.1", "1.2", "1.5" -> 0;
            case "1.3", "1.6" -> 1;
            case "1.4" -> 2;
            case "2.1" -> 3;
            case "2.2" -> 4;
            case "2.3" -> 5;
            case "3" -> 6;
            case "4.1" -> 7;
            case "4.2" -> 8;
            case "4.3" -> 9;
            case "5.1" -> 10;
            case "5.2" -> 11;
            case "6.1" -> 12;
            case "6.2" -> 13;
            case "7" -> 14;
            case "8" -> 15;
            case "9" -> 16;
            default -> throw new IllegalArgumentException("no segregation table row for IMDG class " + imdg);
        };
    }
}
