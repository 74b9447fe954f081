package org.portops.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.portops.vessel.edi.EdiCheck;
import org.portops.vessel.edi.EdiIntake;
import org.portops.vessel.edi.PartnerProfile;
import org.portops.vessel.edi.PartnerProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code portops edi ...}: EDIFACT tools that work offline. */
@Command(name = "edi", mixinStandardHelpOptions = true, description = "EDIFACT tools (offline).",
        subcommands = EdiCommand.Check.class)
final class EdiCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: check");
    }

    /** {@code portops edi check FILE}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Reads an EDIFACT file (BAPLIE, MOVINS, COPRAR, VERMAS, COARRI, CODECO) as the inbox would",
                "and prints message type and version, sender, vessel and voyage, containers, reefers, dangerous",
                "goods, and every error and repair with its segment and position; the last line is the same as JSON.",
                "Nothing is stored or applied."},
            footer = {"", "Exit codes: 0 accepted, 1 refused, 2 file not readable or invalid command line."})
    static final class Check implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the EDIFACT interchange to check")
        private Path file;

        @Option(names = "--profile", paramLabel = "lenient|strict", defaultValue = "lenient",
                description = "repairs for every partner: lenient repairs counts, stray FTX and unknown DTM/RFF "
                        + "qualifiers; strict repairs nothing (default: ${DEFAULT-VALUE})")
        private String profile;

        @Option(names = "--profiles", paramLabel = "FILE",
                description = "per-partner profiles in properties format (see docs/edifact.md); overrides --profile")
        private Path profilesFile;

        @Override
        public Integer call() {
            PartnerProfiles profiles = profiles();
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
            }
            EdiIntake.Read read = EdiIntake.read(content, profiles);
            PrintWriter out = spec.commandLine().getOut();
            out.print(EdiCheck.report(file.toString(), read));
            out.flush();
            return read.accepted() ? 0 : 1;
        }

        private PartnerProfiles profiles() {
            if (profilesFile != null) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(profilesFile)) {
                    properties.load(in);
                    return PartnerProfiles.fromProperties(properties);
                } catch (IOException | IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--profiles " + profilesFile + ": "
                            + e.getMessage());
                }
            }
            return switch (profile) {
                case "lenient" -> PartnerProfiles.all(PartnerProfile.DEFAULT);
                case "strict" -> PartnerProfiles.all(PartnerProfile.STRICT);
                default -> throw new ParameterException(spec.commandLine(), "--profile must be lenient or strict, was '"
                        + profile + "'");
            };
        }
    }
}
