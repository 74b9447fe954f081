package org.portops.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.portops.app.config.Setting;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code portops} command line; {@code ./portops} runs {@code java -jar portops-app.jar ...}. */
@Command(name = "portops",
        mixinStandardHelpOptions = true,
        versionProvider = PortOpsCli.ManifestVersion.class,
        description = "PortOps, the open-source operating system of a container terminal.")
public final class PortOpsCli implements Runnable {

    /** Wide enough for a setting's description on one line. */
    private static final int HELP_WIDTH = 110;

    @Spec
    private CommandSpec spec;

    /** Runs the command line and exits with its exit code, unless it is a server that stops by itself. */
    public static void main(String[] args) {
        ensureCommonPoolParallelism();
        int exitCode = commandLine(System.getenv()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** The command line with its subcommands, reading settings from {@code environment}. */
    static CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new PortOpsCli());
        CommandLine run = new CommandLine(new RunCommand(environment));
        SettingOptions.addTo(run.getCommandSpec(), false);
        commandLine.addSubcommand("run", run);
        CommandLine demo = new CommandLine(new DemoCommand(environment));
        SettingOptions.addTo(demo.getCommandSpec(), true);
        commandLine.addSubcommand("demo", demo);
        commandLine.addSubcommand("token", new CommandLine(new TokenCommand(environment)));
        commandLine.addSubcommand("edi", new CommandLine(new EdiCommand()));
        commandLine.addSubcommand("twin", new CommandLine(new TwinCommand(Clock.systemUTC())));
        CommandLine certs = new CommandLine(new CertsCommand(environment));
        SettingOptions.addTo(certs.getCommandSpec(), false);
        commandLine.addSubcommand("certs", certs);
        CommandLine verify = new CommandLine(new AuditCommand.Verify(environment));
        SettingOptions.addTo(verify.getCommandSpec(), false);
        commandLine.addSubcommand("audit", new CommandLine(new AuditCommand()).addSubcommand("verify", verify));
        commandLine.getCommandSpec().usageMessage().footer(settingsFooter());
        commandLine.setUsageHelpWidth(HELP_WIDTH);
        return commandLine;
    }

    /** Without a subcommand there is nothing to do: say what there is. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: run, demo, token, edi, certs, audit or twin");
    }

    private static String[] settingsFooter() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Settings of 'run' and 'demo': option, environment variable, --config file key (default)");
        lines.add("Precedence: option > environment variable > --config file > default.");
        for (Setting setting : Setting.values()) {
            lines.add("  " + setting.cliFlag() + "=" + setting.paramLabel() + ", " + setting.envVar() + ", "
                    + setting.key() + " (" + (setting.defaultValue().isEmpty() ? "not set" : setting.defaultValue())
                    + ")");
            lines.add("      " + setting.description());
        }
        lines.add("");
        lines.add("'portops run --help' and 'portops demo --help' show them as options; the sim.* settings are demo's.");
        return lines.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new);
    }

    /** The version from the jar manifest, written by the build. */
    static final class ManifestVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PortOpsCli.class.getPackage().getImplementationVersion();
            return new String[] {"PortOps " + (version == null ? "(development build)" : version)};
        }
    }

    /**
     * Hazelcast completes its async calls on the common fork-join pool; where that pool has parallelism 1 (any
     * 2-core machine) it starts a new thread per callback instead, which costs the live yard's writer most of its
     * throughput. Must run before anything touches the pool; an explicit -D setting wins.
     */
    private static void ensureCommonPoolParallelism() {
        String property = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(property) == null) {
            System.setProperty(property, String.valueOf(Math.max(4, Runtime.getRuntime().availableProcessors())));
        }
    }
}
