package org.portops.bench.support;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain text table with aligned columns, for benchmark results on stdout. */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header has " + header.size());
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell instanceof Double d ? String.format("%,.1f", d) : String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public void print(PrintStream out) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        printRow(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("-".repeat(width)).append("  ");
        }
        out.println(rule.toString().stripTrailing());
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
    }

    private static void printRow(PrintStream out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            // the first column is a label, the others are figures: right-align figures
            line.append(c == 0 ? String.format("%-" + widths[c] + "s", cell) : String.format("%" + widths[c] + "s", cell));
            line.append("  ");
        }
        out.println(line.toString().stripTrailing());
    }
}
