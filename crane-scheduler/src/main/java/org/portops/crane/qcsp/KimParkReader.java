package org.portops.crane.qcsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a QCSP instance in the Kim &amp; Park (2004) text format, ten lines:
 * <pre>
 * n  b  q  t  s  [p_1,...,p_n]  [l_1,...,l_n]  [[i,j],...]  [r_1,...,r_q]  [l0_1,...,l0_q]
 * </pre>
 * (tasks, bays, cranes, travel time per bay, safety margin, processing times, task bays, precedence pairs, crane
 * ready times, crane initial bays). Blank lines are skipped. Every error names the line and the field.
 */
public final class KimParkReader {
    private static final String[] FIELDS = {"number of tasks", "number of bays", "number of cranes",
            "travel time per bay", "safety margin", "processing times", "task bays", "precedences",
            "crane ready times", "crane initial bays"};

    private KimParkReader() {
    }

    /** Reads a file; the instance is named after the file without its extension. */
    public static QcspInstance read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read QCSP instance " + file, e);
        }
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return parse(dot > 0 ? fileName.substring(0, dot) : fileName, text);
    }

    public static QcspInstance parse(String name, String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\\R", -1);
        for (int i = 0; i < raw.length; i++) {
            if (!raw[i].isBlank()) {
                lines.add(new Line(i + 1, raw[i].strip()));
            }
        }
        if (lines.size() < FIELDS.length) {
            int lastLine = lines.isEmpty() ? 1 : lines.getLast().number() + 1;
            throw new InstanceFormatException(name, lastLine, FIELDS[lines.size()],
                    "missing: the file has " + lines.size() + " of the " + FIELDS.length + " lines");
        }
        if (lines.size() > FIELDS.length) {
            Line extra = lines.get(FIELDS.length);
            throw new InstanceFormatException(name, extra.number(), "end of file",
                    "unexpected extra content '" + abbreviate(extra.text()) + "'");
        }
        Parser parser = new Parser(name, lines);
        int n = parser.count(0, 0);
        int b = parser.count(1, 1);
        int q = parser.count(2, 1);
        int t = parser.count(3, 0);
        int s = parser.count(4, 0);
        int[] processing = parser.list(5, n, 0, Integer.MAX_VALUE);
        int[] taskBays = parser.list(6, n, 1, b);
        List<int[]> pairs = parser.pairs(7, n);
        int[] ready = parser.list(8, q, 0, Integer.MAX_VALUE);
        int[] initial = parser.list(9, q, 1, Integer.MAX_VALUE);

        List<CraneTask> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(new CraneTask(i + 1, processing[i], taskBays[i]));
        }
        List<QuayCrane> cranes = new ArrayList<>();
        for (int k = 0; k < q; k++) {
            cranes.add(new QuayCrane(k + 1, ready[k], initial[k]));
        }
        List<Precedence> precedences = pairs.stream().map(pair -> new Precedence(pair[0], pair[1])).toList();
        try {
            return new QcspInstance(name, b, t, s, tasks, cranes, precedences);
        } catch (IllegalArgumentException e) {
            throw new InstanceFormatException(name, "inconsistent instance: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private record Line(int number, String text) {
    }

    private record Parser(String source, List<Line> lines) {

        int count(int field, int minimum) {
            Line line = lines.get(field);
            int value = integer(line, field, line.text(), "a whole number");
            if (value < minimum) {
                throw error(field, "must be " + minimum + " or more, was " + value);
            }
            return value;
        }

        int[] list(int field, int expectedSize, int minimum, int maximum) {
            Line line = lines.get(field);
            List<String> items = items(field, line.text());
            if (items.size() != expectedSize) {
                throw error(field, "expected " + expectedSize + " values, found " + items.size());
            }
            int[] values = new int[expectedSize];
            for (int i = 0; i < expectedSize; i++) {
                values[i] = integer(line, field, items.get(i), "value " + (i + 1) + " a whole number");
                if (values[i] < minimum || values[i] > maximum) {
                    throw error(field, "value " + (i + 1) + " must be " + range(minimum, maximum) + ", was " + values[i]);
                }
            }
            return values;
        }

        List<int[]> pairs(int field, int taskCount) {
            Line line = lines.get(field);
            String text = line.text().replace(" ", "");
            if (!text.startsWith("[") || !text.endsWith("]")) {
                throw error(field, "expected [[i,j],...], found '" + abbreviate(line.text()) + "'");
            }
            String inner = text.substring(1, text.length() - 1);
            List<int[]> result = new ArrayList<>();
            if (inner.isEmpty()) {
                return result;
            }
            if (!inner.startsWith("[") || !inner.endsWith("]")) {
                throw error(field, "expected [[i,j],...], found '" + abbreviate(line.text()) + "'");
            }
            String[] parts = inner.substring(1, inner.length() - 1).split("\\],\\[", -1);
            for (int p = 0; p < parts.length; p++) {
                String[] numbers = parts[p].split(",", -1);
                if (numbers.length != 2) {
                    throw error(field, "pair " + (p + 1) + " must have two task numbers, found '" + parts[p] + "'");
                }
                int before = integer(line, field, numbers[0], "pair " + (p + 1) + " a whole number");
                int after = integer(line, field, numbers[1], "pair " + (p + 1) + " a whole number");
                for (int task : new int[] {before, after}) {
                    if (task < 1 || task > taskCount) {
                        throw error(field, "pair " + (p + 1) + " names task " + task + ", outside 1.." + taskCount);
                    }
                }
                if (before == after) {
                    throw error(field, "pair " + (p + 1) + " makes task " + before + " precede itself");
                }
                result.add(new int[] {before, after});
            }
            return result;
        }

        private List<String> items(int field, String text) {
            String compact = text.replace(" ", "");
            if (!compact.startsWith("[") || !compact.endsWith("]")) {
                throw error(field, "expected a list [v1,...], found '" + abbreviate(text) + "'");
            }
            String inner = compact.substring(1, compact.length() - 1);
            return inner.isEmpty() ? List.of() : List.of(inner.split(",", -1));
        }

        private int integer(Line line, int field, String text, String what) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw error(field, "expected " + what + ", found '" + abbreviate(text.strip()) + "'");
            }
        }

        private InstanceFormatException error(int field, String problem) {
            return new InstanceFormatException(source, lines.get(field).number(), FIELDS[field], problem);
        }

        private static String range(int minimum, int maximum) {
            return maximum == Integer.MAX_VALUE ? minimum + " or more" : minimum + ".." + maximum;
        }
    }
}
