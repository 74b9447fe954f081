package org.portops.app;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code portops run}: starts PortOps and keeps it running until SIGTERM or Ctrl-C. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = PortOpsCli.ManifestVersion.class,
        description = {
            "Starts PortOps: an embedded PostgreSQL, MQTT broker and Hazelcast member unless external ones",
            "are configured, the live yard, the telemetry ingest, and the HTTP server with /health, /metrics",
            "and /api/yard/summary. Stops gracefully on SIGTERM or Ctrl-C."},
        footer = {"",
            "Every setting comes, in this order of precedence, from its option, its PORTOPS_* environment",
            "variable, the --config file (properties format: key=value with the file keys above) or its default.",
            "Exit codes: 0 stopped normally, 1 did not start, 2 invalid command line or configuration."})
final class RunCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    RunCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        return Serve.serve(spec, environment, PortOps.Mode.RUN, config -> Clock.systemUTC());
    }
}
