package org.portops.model.layout;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.LineOperator;
import org.portops.model.container.ReeferSetPoint;
import org.portops.model.container.UnLocode;

/** Reference data for generated samples: lines and their container owner codes, ports, cargo classes. */
final class SampleCatalog {

    /** A line, the BIC owner codes of its own boxes and its share of the boxes in the yard (weight). */
    record Line(LineOperator operator, List<String> ownerCodes, int weight) {
    }

    static final List<Line> LINES = List.of(
            line("MSCU", 24, "MSC", "MED"),
            line("MAEU", 20, "MSK", "MRK", "MAE"),
            line("CMDU", 16, "CMA", "CGM", "APZ"),
            line("HLCU", 12, "HLX", "HLB"),
            line("COSU", 11, "CSN", "CBH", "OOL"),
            line("ONEY", 9, "ONE", "NYK"),
            line("EGLV", 8, "EGH", "EIS", "EMC"));

    /** Owner codes of leasing companies: a fifth of a line's boxes are leased. */
    static final List<String> LESSOR_OWNER_CODES = List.of("TGH", "TCL", "TRL", "CAI", "FSC", "SEG");

    static final List<UnLocode> PORTS = ports("CNSHA", "CNNGB", "SGSIN", "KRPUS", "AEJEA", "INNSA", "USNYC",
            "USSAV", "BRSSZ", "ZADUR", "ESALG", "MAPTM", "GBFXT", "PLGDN", "DEHAM");

    /** Common set points: frozen, chilled meat, fruit, bananas. */
    private static final double[] SET_POINTS = {-25.0, -20.0, -18.0, -18.0, -1.0, 0.0, 2.0, 4.0, 6.0, 13.3};

    /** IMDG classes by frequency in container traffic: flammable liquids, miscellaneous and corrosives lead. */
    private static final String[] IMDG_CLASSES = {"3", "3", "3", "3", "3", "3", "3", "9", "9", "9", "9", "9",
            "8", "8", "8", "2.1", "2.1", "6.1", "6.1", "4.1", "5.1", "2.2"};

    private SampleCatalog() {
    }

    static Line line(Random random) {
        int total = LINES.stream().mapToInt(Line::weight).sum();
        int pick = random.nextInt(total);
        for (Line line : LINES) {
            pick -= line.weight();
            if (pick < 0) {
                return line;
            }
        }
        throw new IllegalStateException("line weights do not add up");
    }

    static UnLocode foreignPort(Random random, UnLocode home, UnLocode avoid) {
        List<UnLocode> candidates = PORTS.stream().filter(p -> !p.equals(home) && !p.equals(avoid)).toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    static ReeferSetPoint setPoint(Random random) {
        return new ReeferSetPoint(SET_POINTS[random.nextInt(SET_POINTS.length)]);
    }

    static ImdgClass imdgClass(Random random) {
        return new ImdgClass(IMDG_CLASSES[random.nextInt(IMDG_CLASSES.length)]);
    }

    private static Line line(String code, int weight, String... ownerCodes) {
        return new Line(new LineOperator(code), List.of(ownerCodes), weight);
    }

    private static List<UnLocode> ports(String... codes) {
        return Arrays.stream(codes).map(UnLocode::new).toList();
    }
}
