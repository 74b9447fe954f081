package org.portops.app;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.portops.app.config.PortOpsConfig;
import org.portops.app.logging.Logging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;

/** What {@code run} and {@code demo} share: resolve the configuration, start, and wait for SIGTERM or Ctrl-C. */
final class Serve {

    private static final Logger LOG = LoggerFactory.getLogger(Serve.class);

    private Serve() {
    }

    /**
     * @param clock the clock PortOps runs on, given the resolved configuration
     * @return the exit code: 0 stopped normally, 1 did not start, 2 invalid configuration
     */
    static int serve(CommandSpec spec, Map<String, String> environment, PortOps.Mode mode,
                     Function<PortOpsConfig, Clock> clock) throws InterruptedException {
        Optional<PortOpsConfig> resolved = SettingOptions.resolve(spec, environment);
        if (resolved.isEmpty()) {
            return 2;
        }
        PortOpsConfig config = resolved.get();
        Logging.use(config.logFormat());
        PortOps portops = new PortOps(config, clock.apply(config), mode);
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
