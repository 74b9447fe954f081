package org.portops.crane.berth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a discrete dynamic berth allocation instance in the format of Lalla-Ruiz et al. (2012), whitespace
 * separated, one field per line:
 * <pre>
 * N                      number of vessels
 * M                      number of berths
 * a_1 ... a_N            arrival times
 * s_1 ... s_M            berth opening times
 * h_i1 ... h_iM          N lines: handling time of vessel i at each berth, 99999 = not allowed there
 * e_1 ... e_M            berth closing times
 * d_1 ... d_N            latest departures
 * </pre>
 * The published files carry surplus trailing values on the closing-time and departure lines; those two lines are
 * read for their first M and N values. Blank lines are skipped. Every error names the file, the line and the field.
 */
public final class LallaRuizReader {
    /** The handling time the format uses for a berth the vessel cannot use. */
    public static final int FORBIDDEN = 99999;

    private LallaRuizReader() {
    }

    /** Reads a file; the instance is named after the file without its extension, errors name the file. */
    public static BerthInstance read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read berth allocation instance " + file, e);
        }
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return parse(dot > 0 ? fileName.substring(0, dot) : fileName, fileName, text);
    }

    /** Parses text; {@code source} is what errors name (the file). */
    public static BerthInstance parse(String name, String source, String text) {
        Lines lines = new Lines(source, text);
        int n = lines.count("number of vessels");
        int m = lines.count("number of berths");
        int[] arrivals = lines.values("arrival times", n, false);
        int[] opens = lines.values("berth opening times", m, false);
        List<Map<Integer, Integer>> handling = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            handling.add(lines.handlingTimes("handling times of vessel " + i, m));
        }
        int[] closes = lines.values("berth closing times", m, true);
        int closingLine = lines.lineOfLastField();
        int[] departures = lines.values("latest departures", n, true);
        int departureLine = lines.lineOfLastField();
        lines.expectEnd();

        List<Berth> berths = new ArrayList<>();
        for (int b = 0; b < m; b++) {
            if (closes[b] < opens[b]) {
                throw lines.error(closingLine, "berth closing times",
                        "berth " + (b + 1) + " closes at " + closes[b] + ", before it opens at " + opens[b]);
            }
            berths.add(new Berth(b + 1, opens[b], closes[b]));
        }
        List<CallingVessel> vessels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (departures[i] < arrivals[i]) {
                throw lines.error(departureLine, "latest departures", "vessel " + (i + 1) + " must leave by "
                        + departures[i] + ", before it arrives at " + arrivals[i]);
            }
            vessels.add(new CallingVessel(i + 1, arrivals[i], departures[i], handling.get(i)));
        }
        return new BerthInstance(name, vessels, berths);
    }

    private static final class Lines {
        private final String source;
        private final List<String> texts = new ArrayList<>();
        private final List<Integer> numbers = new ArrayList<>();
        private int next;
        private final int endLine;

        Lines(String source, String text) {
            this.source = source;
            String[] raw = text.split("\\R", -1);
            for (int i = 0; i < raw.length; i++) {
                if (!raw[i].isBlank()) {
                    texts.add(raw[i].strip());
                    numbers.add(i + 1);
                }
            }
            endLine = raw.length;
        }

        int lineOfLastField() {
            return numbers.get(next - 1);
        }

        int count(String field) {
            String[] items = take(field);
            if (items.length != 1) {
                throw error(lineOfLastField(), field, "expected one whole number, found " + items.length + " values");
            }
            int value = integer(field, items[0], "a whole number");
            if (value < 1) {
                throw error(lineOfLastField(), field, "must be 1 or more, was " + value);
            }
            return value;
        }

        int[] values(String field, int expected, boolean surplusAllowed) {
            String[] items = take(field);
            int line = lineOfLastField();
            if (items.length < expected || (!surplusAllowed && items.length > expected)) {
                throw error(line, field, "expected " + expected + " values, found " + items.length);
            }
            int[] values = new int[expected];
            for (int i = 0; i < expected; i++) {
                values[i] = integer(field, items[i], "value " + (i + 1) + " a whole number");
                if (values[i] < 0) {
                    throw error(line, field, "value " + (i + 1) + " must be 0 or more, was " + values[i]);
                }
            }
            return values;
        }

        Map<Integer, Integer> handlingTimes(String field, int berths) {
            int[] times = values(field, berths, false);
            int line = lineOfLastField();
            Map<Integer, Integer> allowed = new HashMap<>();
            for (int b = 0; b < berths; b++) {
                if (times[b] == 0) {
                    throw error(line, field, "berth " + (b + 1) + ": handling time must be 1 or more (" + FORBIDDEN
                            + " = not allowed), was 0");
                }
                if (times[b] != FORBIDDEN) {
                    allowed.put(b + 1, times[b]);
                }
            }
            if (allowed.isEmpty()) {
                throw error(line, field, "the vessel is allowed at no berth (every value is " + FORBIDDEN + ")");
            }
            return allowed;
        }

        void expectEnd() {
            if (next < texts.size()) {
                throw error(numbers.get(next), "end of file", "unexpected extra content '" + abbreviate(texts.get(next)) + "'");
            }
        }

        private String[] take(String field) {
            if (next >= texts.size()) {
                throw error(endLine, field, "missing: the file ends before it");
            }
            return texts.get(next++).split("\\s+");
        }

        private int integer(String field, String text, String what) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw error(lineOfLastField(), field, "expected " + what + ", found '" + abbreviate(text) + "'");
            }
        }

        BerthInstanceFormatException error(int line, String field, String problem) {
            return new BerthInstanceFormatException(source, line, field, problem);
        }

        private static String abbreviate(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "…";
        }
    }
}
