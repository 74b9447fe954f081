package org.portops.app;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.portops.app.config.PortOpsConfig;
import org.portops.app.infra.PostgresServer;
import org.portops.app.logging.Logging;
import org.portops.state.audit.AuditChain;
import org.portops.state.audit.ChainCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code portops audit}: the audit trail's commands. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = PortOpsCli.ManifestVersion.class,
        description = "The tamper-evident audit trail in PostgreSQL.")
final class AuditCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: verify");
    }

    /** {@code portops audit verify}: recomputes the hash chain of the configured PostgreSQL's audit log. */
    @Command(name = "verify",
            mixinStandardHelpOptions = true,
            versionProvider = PortOpsCli.ManifestVersion.class,
            description = {
                "Recomputes every row's SHA-256 of the audit log, in Java rather than with the database's own",
                "function, and names the first row that was changed, deleted or reordered. Reads the PostgreSQL",
                "'run' would use: the embedded one in --data-dir (stop PortOps first, or give --pg-url), or --pg-url.",
                "Prints the last row's id and hash: keep them outside PortOps and pass them as --anchor later to",
                "also catch rows cut off the end or a chain rewritten with recomputed hashes."},
            footer = {"", "Exit codes: 0 the chain holds, 1 a row does not fit, 2 invalid command line or "
                    + "configuration, 3 the audit log could not be read."})
    static final class Verify implements Callable<Integer> {

        private static final long TIMEOUT_SECONDS = 600;

        private final Map<String, String> environment;

        @Spec
        private CommandSpec spec;

        @Option(names = "--anchor", paramLabel = "ID:HASH",
                description = "A row id and hash printed by an earlier verify, kept outside PortOps.")
        private String anchor;

        Verify(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<PortOpsConfig> resolved = SettingOptions.resolve(spec, environment);
            if (resolved.isEmpty()) {
                return 2;
            }
            PortOpsConfig config = resolved.get();
            AuditChain.Anchor expected;
            try {
                expected = anchor == null ? null : AuditChain.Anchor.parse(anchor);
            } catch (IllegalArgumentException e) {
                err.println("portops: --anchor: " + e.getMessage());
                err.flush();
                return 2;
            }
            Logging.use(config.logFormat());
            try (PostgresServer postgres = PostgresServer.start(config)) {
                return verify(postgres, expected, out, err);
            } catch (IOException | RuntimeException e) {
                err.println("portops: could not read the audit log: " + e.getMessage());
                err.flush();
                return 3;
            }
        }

        private static int verify(PostgresServer postgres, AuditChain.Anchor anchor, PrintWriter out,
                                  PrintWriter err) {
            Vertx vertx = Vertx.vertx();
            try {
                Pool pool = PgBuilder.pool().connectingTo(postgres.connectOptions()).using(vertx).build();
                boolean present = pool.query("select to_regclass('audit_log') is not null as present").execute()
                        .await(TIMEOUT_SECONDS, TimeUnit.SECONDS).iterator().next().getBoolean("present");
                if (!present) {
                    err.println("portops: no audit log in " + postgres.describe()
                            + ": PortOps has never run on this database");
                    err.flush();
                    return 3;
                }
                ChainCheck check = new AuditChain(pool).verify(anchor).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                report(check, anchor, postgres, out);
                return check.intact() ? 0 : 1;
            } catch (TimeoutException e) {
                err.println("portops: the audit log was not read within " + TIMEOUT_SECONDS + " s");
                err.flush();
                return 3;
            } finally {
                vertx.close().await();
            }
        }

        private static void report(ChainCheck check, AuditChain.Anchor anchor, PostgresServer postgres,
                                   PrintWriter out) {
            out.println("audit log in " + postgres.describe());
            if (check.intact()) {
                out.println("intact: " + check.rowsChecked() + " rows" + (anchor == null ? "" : ", anchor "
                        + anchor.id() + " matches"));
            } else {
                ChainCheck.Break broken = check.firstBreak();
                out.println("BROKEN at row " + broken.id() + " (" + broken.problem() + "): " + broken.explanation());
                out.println(check.rowsChecked() + " rows before it fit");
            }
            out.println("head " + check.headId() + ":" + check.headHash());
            out.flush();
        }
    }
}
