package org.portops.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.portops.app.config.ConfigException;
import org.portops.app.config.ConfigProblem;
import org.portops.app.config.ConfigResolver;
import org.portops.app.config.PortOpsConfig;
import org.portops.app.logging.Logging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code portops run}: starts PortOps and keeps it running until SIGTERM or Ctrl-C. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = PortOpsCli.ManifestVersion.class,
        description = {
            "Starts PortOps: an embedded PostgreSQL, MQTT broker and Hazelcast member unless external ones",
            "are configured, the live yard, and the HTTP server with /health, /metrics and /api/yard/summary.",
            "Stops gracefully on SIGTERM or Ctrl-C."},
        footer = {"",
            "Every setting comes, in this order of precedence, from its option, its PORTOPS_* environment",
            "variable, the --config file (properties format: key=value with the file keys above) or its default.",
            "Exit codes: 0 stopped normally, 1 did not start, 2 invalid command line or configuration."})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    RunCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        PortOpsConfig config;
        try {
            config = ConfigResolver.resolve(SettingOptions.given(spec), environment);
        } catch (ConfigException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("portops: the configuration is invalid:");
            for (ConfigProblem problem : e.problems()) {
                err.println("  " + problem.describe());
            }
            err.flush();
            return 2;
        }
        Logging.use(config.logFormat());
        PortOps portops = new PortOps(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("portops-shutdown").unstarted(portops::stop));
        try {
            portops.start();
        } catch (StartupException e) {
            LOG.error("{}", e.getMessage(), e.getCause());
            portops.stop();
            return 1;
        }
        portops.awaitStopped();
        return 0;
    }
}
