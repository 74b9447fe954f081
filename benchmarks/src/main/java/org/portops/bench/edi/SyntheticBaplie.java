package org.portops.bench.edi;

import org.portops.model.container.ContainerNumber;

/**
 * A BAPLIE (SMDG 2.2, D.95B) of any number of containers up to 10,080 for the benchmark: 20' containers in the odd
 * bays 01–39, 40' containers in the even bays 42, 46, ... 78 (so no two overlap), 21 rows, tiers 02–16 and 82–96;
 * every 10th a reefer with a set point, every 25th dangerous goods, half discharged here, half remaining on board.
 */
final class SyntheticBaplie {

    static final int MAX_CONTAINERS = 20 * 21 * 16 + 10 * 21 * 16;
    private static final int[] TIERS = {2, 4, 6, 8, 10, 12, 14, 16, 82, 84, 86, 88, 90, 92, 94, 96};

    private SyntheticBaplie() {
    }

    static String of(int containers, String voyage, String vesselName, String imo, String here) {
        if (containers < 1 || containers > MAX_CONTAINERS) {
            throw new IllegalArgumentException("containers must be 1.." + MAX_CONTAINERS + ", was " + containers);
        }
        StringBuilder body = new StringBuilder();
        int segments = 0;
        segments += line(body, "BGM++BENCH-" + voyage + "+9");
        segments += line(body, "DTM+137:202611241200:203");
        segments += line(body, "TDT+20+" + voyage + "+++BNC:172:20+++" + imo + ":146:11:" + vesselName);
        segments += line(body, "LOC+5+BEANR:139:6");
        segments += line(body, "LOC+61+" + here + ":139:6");
        for (int i = 0; i < containers; i++) {
            boolean forty = i >= 20 * 21 * 16;
            int index = forty ? i - 20 * 21 * 16 : i;
            int bay = forty ? 42 + 4 * (index / (21 * 16)) : 1 + 2 * (index / (21 * 16));
            int row = index / 16 % 21;
            int tier = TIERS[index % 16];
            boolean reefer = i % 10 == 0;
            String sizeType = (forty ? "45" : "22") + (reefer ? "R1" : "G1");
            segments += line(body, String.format("LOC+147+%03d%02d%02d::5", bay, row, tier));
            segments += line(body, "MEA+VGM++KGM:" + (8_000 + i % 20_000));
            if (reefer) {
                segments += line(body, "TMP+2+-18.0:CEL");
            }
            segments += line(body, "LOC+9+BEANR:139:6");
            segments += line(body, "LOC+11+" + (i % 2 == 0 ? here : "DEHAM") + ":139:6");
            segments += line(body, "RFF+BM:1");
            segments += line(body, "EQD+CN+" + ContainerNumber.fromParts("BNC", 'U', i) + "+" + sizeType + "+++5");
            segments += line(body, "NAD+CA+BNC:172:20");
            if (i % 25 == 0) {
                segments += line(body, "DGS+IMD+3+1263");
            }
        }
        return "UNB+UNOA:2+BNCU+PORTOPS+261124:1200+1'\nUNH+1+BAPLIE:D:95B:UN:SMDG22'\n" + body
                + "UNT+" + (segments + 2) + "+1'\nUNZ+1+1'\n";
    }

    private static int line(StringBuilder out, String segment) {
        out.append(segment).append("'\n");
        return 1;
    }
}
