package org.portops.app.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by PortOps itself, on 127.0.0.1, with its data in a directory that is kept
 * across restarts: a restart finds the same database again (initdb runs only on an empty directory).
 * The server's own log is appended to {@code postgres.log} beside the data directory.
 */
final class EmbeddedPostgresServer implements PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";
    /** The lock file zonky holds while its server runs; held means another PortOps uses the directory. */
    private static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the server on {@code port} (0 = a free port) with its data in {@code dataDirectory}.
     *
     * @throws IOException when the server does not start; its log file says why
     */
    static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        stopLeftoverServer(dataDirectory);
        Path serverLog = dataDirectory.resolveSibling("postgres.log");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // the launcher's own shutdown hook stops the server after the services using it
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(45))
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky turns this off for test speed; an acknowledged move must survive a crash
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(Redirect.appendTo(serverLog.toFile()))
                .setErrorRedirector(Redirect.appendTo(serverLog.toFile()));
        if (port != 0) {
            builder.setPort(port);
        }
        return new EmbeddedPostgresServer(builder.start(), dataDirectory);
    }

    /**
     * A launcher killed with SIGKILL leaves its PostgreSQL running (pg_ctl detaches it), which would
     * make the next start fail on the taken data directory. Such a server is stopped here, unless a
     * live launcher still holds the directory's lock.
     */
    private static void stopLeftoverServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = leftoverPostmaster(pidFile);
        if (leftover.isEmpty()) {
            return;
        }
        ensureNotLocked(dataDirectory.resolve(LOCK_FILE));
        ProcessHandle process = leftover.get();
        LOG.warn("Stopping PostgreSQL (pid {}) left running in {} by a PortOps that did not shut down",
                process.pid(), dataDirectory);
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL pid " + process.pid() + " left running in " + dataDirectory
                    + " did not stop within 30 s; stop it by hand", e);
        }
    }

    private static Optional<ProcessHandle> leftoverPostmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().trim().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    private static void ensureNotLocked(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileOutputStream stream = new FileOutputStream(lockFile.toFile(), true);
             FileLock lock = stream.getChannel().tryLock()) {
            if (lock == null) {
                throw new IOException(lockFile.getParent() + " is used by another running PortOps");
            }
        } catch (OverlappingFileLockException e) {
            throw new IOException(lockFile.getParent() + " is used by another PortOps in this JVM", e);
        }
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String database() {
        return DATABASE;
    }

    @Override
    public String user() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL on 127.0.0.1:" + port() + ", data in " + dataDirectory;
    }

    /** Stops the server with a fast shutdown, which checkpoints: everything committed is on disk. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
