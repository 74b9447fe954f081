package org.portops.app;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.portops.app.config.ConfigException;
import org.portops.app.config.ConfigProblem;
import org.portops.app.config.ConfigResolver;
import org.portops.app.config.PortOpsConfig;
import org.portops.app.config.Setting;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds one command-line option per {@link Setting} to a command, so that {@code run} and {@code demo}
 * share the same flags and help texts, generated from the
 * one list of settings.
 */
final class SettingOptions {

    private SettingOptions() {
    }

    /** Adds the settings' options; the simulated terminal's only where {@code withDemoSettings}. */
    static void addTo(CommandSpec command, boolean withDemoSettings) {
        for (Setting setting : Setting.values()) {
            if (setting.demoOnly() && !withDemoSettings) {
                continue;
            }
            command.addOption(OptionSpec.builder(setting.cliFlag())
                    .paramLabel(setting.paramLabel())
                    .type(String.class)
                    .description(helpText(setting))
                    .build());
        }
    }

    /** The settings given on this command's command line. */
    static Map<Setting, String> given(CommandSpec command) {
        Map<Setting, String> given = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            OptionSpec option = command.findOption(setting.cliFlag());
            if (option != null && command.commandLine().getParseResult().hasMatchedOption(option)) {
                given.put(setting, option.getValue());
            }
        }
        return given;
    }

    /**
     * The configuration this command's options and the environment give; empty after every problem was printed to
     * the command's error stream (the command then exits with 2).
     */
    static Optional<PortOpsConfig> resolve(CommandSpec command, Map<String, String> environment) {
        try {
            return Optional.of(ConfigResolver.resolve(given(command), environment));
        } catch (ConfigException e) {
            PrintWriter err = command.commandLine().getErr();
            err.println("portops: the configuration is invalid:");
            for (ConfigProblem problem : e.problems()) {
                err.println("  " + problem.describe());
            }
            err.flush();
            return Optional.empty();
        }
    }

    static String helpText(Setting setting) {
        String byDefault = setting.defaultValue().isEmpty() ? "not set" : setting.defaultValue();
        return setting.description() + "%n  Env: " + setting.envVar() + "; file key: " + setting.key()
                + "; default: " + byDefault + ".";
    }
}
