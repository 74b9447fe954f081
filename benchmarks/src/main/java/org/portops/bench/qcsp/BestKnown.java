package org.portops.bench.qcsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Best-known makespans from every {@code best_known.csv} under the instance folder (columns
 * {@code instance,file,tasks,cranes,best_known_objective,best_known_makespan}), keyed by instance file name.
 */
record BestKnown(Map<String, Entry> byFile) {

    record Entry(String name, double makespan) {
    }

    static BestKnown under(Path folder) {
        Map<String, Entry> entries = new HashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path csv : files.filter(p -> p.getFileName().toString().equals("best_known.csv")).toList()) {
                read(csv, entries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read best-known values under " + folder, e);
        }
        return new BestKnown(Map.copyOf(entries));
    }

    Optional<Entry> of(Path instanceFile) {
        return Optional.ofNullable(byFile.get(instanceFile.getFileName().toString()));
    }

    private static void read(Path csv, Map<String, Entry> entries) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            return;
        }
        List<String> header = List.of(lines.getFirst().split(","));
        int name = column(header, "instance", csv);
        int file = column(header, "file", csv);
        int makespan = column(header, "best_known_makespan", csv);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",");
            try {
                entries.put(cells[file].strip(), new Entry(cells[name].strip(), Double.parseDouble(cells[makespan].strip())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": cannot read '" + lines.get(i) + "'", e);
            }
        }
    }

    private static int column(List<String> header, String name, Path csv) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(csv + ": no column '" + name + "' in the header " + header);
        }
        return index;
    }
}
