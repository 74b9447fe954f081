package org.portops.bench.edi;

import java.util.ArrayList;
import java.util.List;
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
        List<String> body = new ArrayList<>();
        body.add("BGM++BENCH-" + voyage + "+9");
        body.add("DTM+137:202611241200:203");
        body.add("TDT+20+" + voyage + "+++BNC:172:20+++" + imo + ":146:11:" + vesselName);
        body.add("LOC+5+BEANR:139:6");
        body.add("LOC+61+" + here + ":139:6");
        for (int i = 0; i < containers; i++) {
            boolean forty = i >= 20 * 21 * 16;
            int index = forty ? i - 20 * 21 * 16 : i;
            int bay = forty ? 42 + 4 * (index / (21 * 16)) : 1 + 2 * (index / (21 * 16));
            int row = index / 16 % 21;
            int tier = TIERS[index % 16];
            boolean reefer = i % 10 == 0;
            String sizeType = (forty ? "45" : "22") + (reefer ? "R1" : "G1");
            body.add(String.format("LOC+147+%03d%02d%02d::5", bay, row, tier));
            body.add("MEA+VGM++KGM:" + (8_000 + i % 20_000));
            if (reefer) {
                body.add("TMP+2+-18.0:CEL");
            }
            body.add("LOC+9+BEANR:139:6");
            body.add("LOC+11+" + (i % 2 == 0 ? here : "DEHAM") + ":139:6");
            body.add("RFF+BM:1");
            body.add("EQD+CN+" + ContainerNumber.fromParts("BNC", 'U', i) + "+" + sizeType + "+++5");
            body.add("NAD+CA+BNC:172:20");
            if (i % 25 == 0) {
                body.add("DGS+IMD+3+1263");
            }
        }
        return "UNB+UNOA:2+BNCU+PORTOPS+261124:1200+1'\nUNH+1+BAPLIE:D:95B:UN:SMDG22'\n"
                + String.join("'\n", body) + "'\nUNT+" + (body.size() + 2) + "+1'\nUNZ+1+1'\n";
    }
}
