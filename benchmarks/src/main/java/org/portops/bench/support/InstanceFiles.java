package org.portops.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The instance files of a benchmark: every regular file under a folder, recursively, with a given ending. */
public final class InstanceFiles {

    private InstanceFiles() {
    }

    /** Every regular file under {@code folder} whose name ends with {@code suffix}, in {@code order}. */
    public static List<Path> find(Path folder, String suffix, Comparator<Path> order) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted(order).toList();
        }
    }
}
