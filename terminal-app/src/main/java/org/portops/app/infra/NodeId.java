package org.portops.app.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * This node's stable id, kept in {@code node-id} under the data directory: made once, then the same across
 * restarts, so the ingest resumes its persistent MQTT session (and the events queued in it) by client id, while
 * two nodes, each with its own data directory, never share one.
 */
public final class NodeId {

    private static final String FILE = "node-id";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{12}");

    private NodeId() {
    }

    public static String of(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!ID.matcher(id).matches()) {
                throw new IOException(file + " must hold 12 hex digits, holds '" + id + "'; delete it for a new one");
            }
            return id;
        }
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        Path written = Files.writeString(dataDir.resolve(FILE + ".new"), id + "\n", StandardCharsets.US_ASCII);
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }
}
