package org.portops.app;

import java.util.Map;
import java.util.concurrent.Callable;
import org.portops.app.demo.SimulatedClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code portops demo}: everything {@code run} starts, plus the simulated terminal publishing to the broker. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = PortOpsCli.ManifestVersion.class,
        description = {
            "Starts PortOps as 'run' does, plus a simulated terminal: every machine of the layout (or",
            "--sim-machines of them) publishes telemetry to the broker and works vessels, yard and gate on its",
            "own, starting from the live yard as it stands, and executes the work instructions PortOps sends",
            "it (--sim-mode). With --sim-speed-up above 1 PortOps's clock runs at the simulator's pace, so",
            "telemetry timestamps stay inside the ingest's skew window.",
            "Stops gracefully on SIGTERM or Ctrl-C, the simulator first."},
        footer = {"",
            "Every setting comes, in this order of precedence, from its option, its PORTOPS_* environment",
            "variable, the --config file (properties format: key=value with the file keys above) or its default.",
            "Exit codes: 0 stopped normally, 1 did not start, 2 invalid command line or configuration."})
final class DemoCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    DemoCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        return Serve.serve(spec, environment, PortOps.Mode.DEMO,
                config -> SimulatedClock.startingNow(config.simulation().speedUp()));
    }
}
