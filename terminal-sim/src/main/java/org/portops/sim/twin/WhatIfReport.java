package org.portops.sim.twin;

import org.portops.model.vessel.VesselCallId;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The side-by-side report of a what-if: a text table (one row per KPI, one column per scenario, each scenario's
 * change against the baseline) and an SVG picture: the vessels' stays along a time axis per scenario, and one bar
 * chart per terminal KPI.
 */
public final class WhatIfReport {
    private static final String[] COLOURS = {"#5b6770", "#d9534f", "#2a9d8f", "#e9a23b", "#6f5bd6", "#3a86ff"};
    private static final int WIDTH = 960;

    private WhatIfReport() {
    }

    /** A KPI: its label, unit, and how to read it from a run. */
    private record Kpi(String label, String unit, ToDoubleFunction<TwinKpis> value) {
    }

    private static final List<Kpi> KPIS = List.of(
            new Kpi("Vessel moves", "", k -> k.vesselMoves()),
            new Kpi("Gross moves per crane-hour", "", TwinKpis::grossMovesPerCraneHour),
            new Kpi("Crane hours waiting for transport", "h", TwinKpis::craneWaitingHours),
            new Kpi("Trucks served", "", k -> k.trucksServed()),
            new Kpi("Truck turn, mean", "min", TwinKpis::truckTurnMeanMinutes),
            new Kpi("Truck turn, p95", "min", TwinKpis::truckTurnP95Minutes),
            new Kpi("Yard fill at the end", "%", k -> 100 * k.yardFill()));

    /** The table: KPI rows, scenario columns, each non-baseline value with its change against the baseline. */
    public static String table(List<TwinKpis> runs) {
        List<String> header = new ArrayList<>();
        header.add("KPI");
        runs.forEach(run -> header.add(run.scenario()));
        List<List<String>> rows = new ArrayList<>();
        TwinKpis baseline = runs.getFirst();
        for (Kpi kpi : KPIS) {
            List<String> row = new ArrayList<>();
            row.add(kpi.label() + (kpi.unit().isEmpty() ? "" : " (" + kpi.unit() + ")"));
            for (TwinKpis run : runs) {
                row.add(withChange(kpi.value().applyAsDouble(run), kpi.value().applyAsDouble(baseline), run == baseline));
            }
            rows.add(row);
        }
        for (VesselCallId call : calls(runs)) {
            List<String> row = new ArrayList<>();
            row.add(call.value() + " sails at (h)");
            for (TwinKpis run : runs) {
                Double sailed = run.vessel(call).sailedHour();
                Double base = baseline.vessel(call).sailedHour();
                row.add(sailed == null ? "after the run" : withChange(sailed, base == null ? Double.NaN : base,
                        run == baseline));
            }
            rows.add(row);
        }
        return format(header, rows);
    }

    private static String withChange(double value, double baseline, boolean isBaseline) {
        String text = number(value);
        if (isBaseline || Double.isNaN(value) || Double.isNaN(baseline)) {
            return text;
        }
        double change = value - baseline;
        return text + " (" + (change >= 0 ? "+" : "") + number(change) + ")";
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.2f", value);
    }

    private static String format(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                text.append(c == 0 ? String.format("%-" + widths[c] + "s", cell)
                        : "  " + String.format("%" + widths[c] + "s", cell));
            }
            text.append('\n');
            if (r == 0) {
                text.append("-".repeat(text.length() - 1)).append('\n');
            }
        }
        return text.toString();
    }

    private static Set<VesselCallId> calls(List<TwinKpis> runs) {
        Set<VesselCallId> calls = new LinkedHashSet<>();
        runs.forEach(run -> run.vessels().stream().filter(v -> v.berthedHour() != null || v.sailedHour() != null)
                .forEach(v -> calls.add(v.call())));
        return calls;
    }

    /** The picture: vessel stays per scenario on a time axis, then a bar chart per KPI. */
    public static String svg(List<TwinKpis> runs) {
        List<VesselCallId> calls = List.copyOf(calls(runs));
        double hours = runs.getFirst().hours();
        int left = 150;
        int plot = WIDTH - left - 30;
        int rowHeight = 12;
        int stayTop = 60;
        int stayHeight = Math.max(1, calls.size()) * (runs.size() * rowHeight + 10);
        int kpiTop = stayTop + stayHeight + 50;
        int kpiHeight = 40 + runs.size() * 16;
        int height = kpiTop + KPIS.size() * kpiHeight + 20;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append(text(20, 24, "What-if: " + runs.size() + " scenarios over " + number(hours) + " h (seed "
                + runs.getFirst().seed() + ")", 16, "bold"));
        for (int s = 0; s < runs.size(); s++) {
            int x = 20 + s * 150;
            svg.append("<rect x=\"").append(x).append("\" y=\"34\" width=\"10\" height=\"10\" fill=\"")
                    .append(colour(s)).append("\"/>");
            svg.append(text(x + 14, 43, runs.get(s).scenario(), 11, "normal"));
        }
        svg.append(text(20, stayTop - 6, "Vessel stays (berthed to sailed; pale: still alongside at the end)", 12, "bold"));
        for (int h = 0; h <= (int) hours; h += Math.max(1, (int) Math.ceil(hours / 12))) {
            double x = left + plot * h / hours;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e3e3\"/>",
                    x, stayTop, x, stayTop + stayHeight));
            svg.append(text(x - 6, stayTop + stayHeight + 12, h + "h", 10, "normal"));
        }
        int y = stayTop;
        for (VesselCallId call : calls) {
            svg.append(text(20, y + runs.size() * rowHeight / 2 + 4, call.value(), 11, "normal"));
            for (int s = 0; s < runs.size(); s++) {
                TwinKpis.VesselOutcome outcome = runs.get(s).vessel(call);
                if (outcome.berthedHour() != null || outcome.sailedHour() != null) {
                    double from = outcome.berthedHour() == null ? 0 : Math.max(0, outcome.berthedHour());
                    double to = outcome.sailedHour() == null ? hours : outcome.sailedHour();
                    svg.append(String.format(Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" fill-opacity=\"%s\"/>",
                            left + plot * from / hours, y + s * rowHeight, Math.max(1, plot * (to - from) / hours),
                            rowHeight - 2, colour(s), outcome.sailedHour() == null ? "0.35" : "0.9"));
                }
            }
            y += runs.size() * rowHeight + 10;
        }
        for (int k = 0; k < KPIS.size(); k++) {
            Kpi kpi = KPIS.get(k);
            int top = kpiTop + k * kpiHeight;
            svg.append(text(20, top, kpi.label() + (kpi.unit().isEmpty() ? "" : " (" + kpi.unit() + ")"), 12, "bold"));
            double max = runs.stream().mapToDouble(kpi.value()).filter(v -> !Double.isNaN(v)).max().orElse(0);
            for (int s = 0; s < runs.size(); s++) {
                double value = kpi.value().applyAsDouble(runs.get(s));
                double width = max <= 0 || Double.isNaN(value) ? 0 : plot * value / max;
                int barY = top + 8 + s * 16;
                svg.append(text(20, barY + 11, runs.get(s).scenario(), 10, "normal"));
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"13\" fill=\"%s\"/>",
                        left, barY, width, colour(s)));
                svg.append(text(left + width + 4, barY + 11, number(value), 10, "normal"));
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    private static String text(double x, double y, String text, int size, String weight) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\">%s</text>\n",
                x, y, size, weight, escape(text));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
