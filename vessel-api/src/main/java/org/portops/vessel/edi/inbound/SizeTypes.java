package org.portops.vessel.edi.inbound;

import java.util.Map;
import java.util.regex.Pattern;
import org.portops.model.container.SizeTypeCode;

/**
 * Size-type codes as partners send them: ISO 6346 (1995) codes like {@code 45G1} as they are, and the older ISO 2716
 * (ISO 6346:1984) four-digit codes SMDG 2.0 files still carry, such as {@code 4200} or {@code 4532}, mapped to their
 * ISO 6346 equivalent. Length and height digits carry over unchanged (2 = 20', 4 = 40'; 0 = 8', 2 = 8'6", 5 = 9'6");
 * the two type digits map by group (00–03 general purpose G0–G3, 10–13 ventilated, 30–32 refrigerated, 50–51 open
 * top, 60–63 platforms and flat racks, 70–76 tanks, 80–81 bulk). A code outside these is refused, naming it.
 */
public final class SizeTypes {

    private static final Pattern ISO_6346 = Pattern.compile("[0-9A-Z][0-9A-Z][A-Z][0-9]");
    private static final Pattern ISO_2716 = Pattern.compile("[0-9]{4}");
    private static final Map<String, String> TYPE_DIGITS = Map.ofEntries(
            Map.entry("00", "G0"), Map.entry("01", "G1"), Map.entry("02", "G2"), Map.entry("03", "G3"),
            Map.entry("10", "V0"), Map.entry("11", "V0"), Map.entry("12", "V2"), Map.entry("13", "V4"),
            Map.entry("30", "R0"), Map.entry("31", "R0"), Map.entry("32", "R1"),
            Map.entry("50", "U0"), Map.entry("51", "U1"),
            Map.entry("60", "P0"), Map.entry("61", "P1"), Map.entry("62", "P2"), Map.entry("63", "P3"),
            Map.entry("70", "T0"), Map.entry("71", "T1"), Map.entry("72", "T2"), Map.entry("73", "T3"),
            Map.entry("74", "T4"), Map.entry("75", "T5"), Map.entry("76", "T6"),
            Map.entry("80", "B0"), Map.entry("81", "B1"));

    private SizeTypes() {
    }

    /** The result of reading one code: the ISO 6346 code, and the ISO 2716 code it came from (null if none). */
    public record Read(SizeTypeCode code, String iso2716) {
    }

    /** Reads a code; fails with {@link IllegalArgumentException} saying why a code cannot be read. */
    public static Read read(String text) {
        if (ISO_6346.matcher(text).matches() && !ISO_2716.matcher(text).matches()) {
            return new Read(new SizeTypeCode(text), null);
        }
        if (!ISO_2716.matcher(text).matches()) {
            throw new IllegalArgumentException("size-type '" + text + "' is neither ISO 6346 (e.g. 45G1) nor ISO 2716 "
                    + "(e.g. 4500)");
        }
        String type = TYPE_DIGITS.get(text.substring(2));
        if (type == null) {
            throw new IllegalArgumentException("ISO 2716 size-type " + text + ": type code " + text.substring(2)
                    + " has no ISO 6346 equivalent PortOps maps");
        }
        return new Read(new SizeTypeCode(text.substring(0, 2) + type), text);
    }
}
