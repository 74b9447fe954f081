package org.portops.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.portops.model.container.LineOperator;
import org.portops.model.equipment.EquipmentId;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.api.auth.TokenMinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code portops token}: mints a development bearer token with the embedded default's key (the one
 * {@code portops run} uses with the same data directory, or {@code PORTOPS_AUTH_HMAC_SECRET}) and prints it.
 */
@Command(name = "token",
        mixinStandardHelpOptions = true,
        versionProvider = PortOpsCli.ManifestVersion.class,
        description = {"Prints a development bearer token for the vessel API and the ops map, signed with the key of",
            "the embedded default in --data-dir (or PORTOPS_AUTH_HMAC_SECRET). Not for production: there, tokens",
            "come from your identity provider (PORTOPS_AUTH_JWKS_URL)."})
final class TokenCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
            description = "admin, operator, supervisor, planner, viewer, crane-driver, line or gate-clerk (comma-separated for several)")
    private List<String> roles;

    @Option(names = "--line", paramLabel = "CODE", description = "the line a line token acts for, e.g. MSCU")
    private String line;

    @Option(names = "--machine", paramLabel = "ID", description = "the machine a crane-driver token drives, e.g. QC01")
    private String machine;

    @Option(names = "--subject", paramLabel = "NAME", description = "who the token is for (default: dev-<role>)")
    private String subject;

    @Option(names = "--hours", defaultValue = "12", paramLabel = "HOURS", description = "lifetime (default: 12)")
    private int hours;

    @Option(names = "--data-dir", defaultValue = "./portops-data", paramLabel = "DIR",
            description = "the data directory of the PortOps the token is for (default: ./portops-data)")
    private Path dataDir;

    TokenCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Set<Role> parsed = new HashSet<>();
        for (String name : roles) {
            parsed.add(Role.fromClaim(name.strip()).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--role: no role '" + name + "'; one of admin, operator, supervisor, planner, viewer, crane-driver, line, gate-clerk")));
        }
        if (hours < 1) {
            throw new ParameterException(spec.commandLine(), "--hours: at least 1, was " + hours);
        }
        Caller caller;
        try {
            caller = new Caller(subject != null ? subject : "dev-" + String.join("-", roles), parsed,
                    line == null ? null : new LineOperator(line), machine == null ? null : new EquipmentId(machine));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (Caller.fromClaims(caller.toClaims().put("exp", 1L)) instanceof Caller.Claims.Invalid invalid) {
            throw new ParameterException(spec.commandLine(), invalid.reason());
        }
        AuthSettings settings = AuthSettings.resolve(environment, dataDir);
        spec.commandLine().getOut().println(new TokenMinter(settings, Clock.systemUTC())
                .mint(caller, Duration.ofHours(hours)));
        return 0;
    }
}
