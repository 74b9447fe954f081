package org.portops.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One whole PortOps on default settings (free ports, a data directory and cluster of its own), shared by the test
 * classes that ask for a {@link Running} parameter: each launch of its own cost such a class about 10 s of start and
 * stop. Only classes that read it, or change what none of the others reads, may share it. The first class that asks
 * starts it; JUnit stops it (closing its root store) once every test class of the JVM has run.
 */
final class SharedLaunch implements ParameterResolver {

    /** The shared launch, its data directory and its MQTT port. */
    record Running(PortOps portops, Path dataDir, int mqttPort) implements AutoCloseable {

        private static Running start() {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("portops-shared-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int mqttPort = FreePorts.next();
            return new Running(Launch.start(Launch.isolated(dataDir, 0, mqttPort)), dataDir, mqttPort);
        }

        @Override
        public void close() throws IOException {
            portops.stop();
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Running resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedLaunch.class))
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }
}
