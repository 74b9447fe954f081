package org.portops.model.container;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/**
 * An ISO 6346 size-type code such as {@code 22G1}, {@code 45R1} or {@code L5G1}: length code, height/width
 * code, type group letter and detail digit. Length codes {@code 2} (20'), {@code 4} (40') and {@code L} (45')
 * are handled; type groups {@code G V B S R H U P T A}.
 */
public record SizeTypeCode(String code) {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z][0-9A-Z][A-Z][0-9]");
    private static final String HEIGHT_CODES = "0245689CDEFLMNP";
    private static final String HIGH_CUBE_CODES = "56EFNP";

    public SizeTypeCode {
        Validation.matching(code, FORMAT, "size-type code", "4 characters like 22G1, 45R1 or L5G1");
        length(code.charAt(0));
        if (HEIGHT_CODES.indexOf(code.charAt(1)) < 0) {
            throw new IllegalArgumentException("size-type code " + code + " has unknown height code '"
                    + code.charAt(1) + "' (known: " + HEIGHT_CODES + ")");
        }
        typeGroup(code);
    }

    public ContainerLength length() {
        return length(code.charAt(0));
    }

    /** 9'6" or taller. */
    public boolean highCube() {
        return HIGH_CUBE_CODES.indexOf(code.charAt(1)) >= 0;
    }

    public TypeGroup typeGroup() {
        return typeGroup(code);
    }

    /** An integral refrigerated container (type group letter {@code R}), which needs a reefer plug. */
    public boolean isReefer() {
        return code.charAt(2) == 'R';
    }

    public boolean isTank() {
        return typeGroup() == TypeGroup.TANK;
    }

    @Override
    public String toString() {
        return code;
    }

    private static ContainerLength length(char lengthCode) {
        return switch (lengthCode) {
            case '2' -> ContainerLength.TWENTY;
            case '4' -> ContainerLength.FORTY;
            case 'L' -> ContainerLength.FORTY_FIVE;
            default -> throw new IllegalArgumentException("size-type length code '" + lengthCode
                    + "' is not handled (2 = 20', 4 = 40', L = 45')");
        };
    }

    private static TypeGroup typeGroup(String code) {
        char letter = code.charAt(2);
        return switch (letter) {
            case 'G' -> TypeGroup.GENERAL;
            case 'V' -> TypeGroup.VENTILATED;
            case 'B' -> TypeGroup.BULK;
            case 'S' -> TypeGroup.NAMED_CARGO;
            case 'R', 'H' -> TypeGroup.THERMAL;
            case 'U' -> TypeGroup.OPEN_TOP;
            case 'P' -> code.charAt(3) == '0' ? TypeGroup.PLATFORM : TypeGroup.FLAT_RACK;
            case 'T' -> TypeGroup.TANK;
            case 'A' -> TypeGroup.SPECIAL;
            default -> throw new IllegalArgumentException("size-type code " + code + " has unknown type group '"
                    + letter + "' (known: G V B S R H U P T A)");
        };
    }
}
