package org.portops.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.portops.app.config.PortOpsConfig;
import org.portops.ingest.IngestConfig;
import org.portops.ingest.check.KnownSenders;
import org.portops.ingest.tls.CertificateDirectory;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code portops certs}: a terminal CA, a server certificate and one client certificate per machine, for MQTT over
 * mutual TLS ({@code mqtt.tls.dir}) and HTTPS ({@code http.tls.cert}, {@code http.tls.key}).
 */
@Command(name = "certs",
        mixinStandardHelpOptions = true,
        versionProvider = PortOpsCli.ManifestVersion.class,
        description = {
            "Creates a terminal CA (kept if the directory has one), a server certificate for the MQTT broker and the",
            "HTTPS service (names: http.host, localhost, 127.0.0.1, ::1 and --host), and a client certificate per",
            "machine whose common name is the machine id: every machine and reefer monitor of the layout, or",
            "--machine. PEM files; private keys readable by their owner only. Then run with",
            "--mqtt-tls-dir DIR (and --http-tls-cert DIR/server.pem --http-tls-key DIR/server-key.pem for HTTPS).",
            "--revoke ID,... puts machines' certificates on the deny list the embedded broker checks at every connect",
            "and on the CA's CRL (DIR/crl.pem, for Mosquitto's crlfile; reload Mosquitto after a revocation)."},
        footer = {"", "Exit codes: 0 written, 2 invalid command line or configuration, 3 the files could not be "
                + "written."})
final class CertsCommand implements Callable<Integer> {

    /** Addresses that mean "every interface", which no certificate can name. */
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]");

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the certificates go (default: DATA_DIR/certs).")
    private Path dir;

    @Option(names = "--machine", split = ",", paramLabel = "ID",
            description = "Machines to issue client certificates for (default: the layout's machines and reefer "
                    + "monitors).")
    private List<String> machines;

    @Option(names = "--host", split = ",", paramLabel = "NAME",
            description = "More host names or addresses of the server certificate, e.g. portops.terminal.example.")
    private List<String> hosts;

    @Option(names = "--revoke", split = ",", paramLabel = "ID",
            description = "Revokes these machines' certificates instead: the embedded broker refuses them from their "
                    + "next connect on.")
    private List<String> revoke;

    @Option(names = "--days", defaultValue = "365", paramLabel = "DAYS",
            description = "Validity of the server and client certificates (default: 365; the CA: twice that).")
    private int days;

    CertsCommand(Map<String, String> environment) {
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
        TerminalLayout layout;
        List<String> identities;
        try {
            layout = layout(config);
            identities = machines == null ? layoutSpeakers(layout) : checkedMachines(machines);
        } catch (RuntimeException e) {
            err.println("portops: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (days < 1) {
            err.println("portops: --days: at least 1, was " + days);
            err.flush();
            return 2;
        }
        CertificateDirectory certificates = new CertificateDirectory(dir != null ? dir
                : config.dataDir().resolve("certs"));
        if (revoke != null) {
            return revoke(certificates, out, err);
        }
        List<String> names = serverNames(config.httpHost());
        String terminal = layout.terminalCode();
        try {
            List<String> issued = certificates.issue(terminal, names, identities, Instant.now(),
                    Duration.ofDays(days));
            out.println("terminal CA      " + certificates.caCertificate() + " (key " + certificates.caKey()
                    + ": keep it offline once every machine has its certificate)");
            out.println("server           " + certificates.serverCertificate() + " for " + String.join(", ", names));
            out.println("client certificates (" + issued.size() + ") in " + certificates.root().resolve("clients")
                    + ": " + String.join(", ", issued));
            out.println("use: --mqtt-tls-dir " + certificates.root() + " --http-tls-cert "
                    + certificates.serverCertificate() + " --http-tls-key " + certificates.serverKey());
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("portops: could not write the certificates to " + certificates.root() + ": "
                    + e.getMessage());
            err.flush();
            return 3;
        }
    }

    private int revoke(CertificateDirectory certificates, PrintWriter out, PrintWriter err) {
        for (String identity : revoke) {
            try {
                BigInteger serial = certificates.revoke(identity.strip(), Instant.now());
                out.println("revoked " + identity.strip() + " (serial " + serial.toString(16) + ") in "
                        + certificates.revocations() + " and " + certificates.crl());
            } catch (IOException | IllegalArgumentException e) {
                err.println("portops: " + e.getMessage());
                err.flush();
                return 3;
            }
        }
        out.flush();
        return 0;
    }

    private static TerminalLayout layout(PortOpsConfig config) {
        return config.layoutFile() == null ? TerminalLayoutLoader.sample()
                : TerminalLayoutLoader.load(config.layoutFile());
    }

    /** Every machine and reefer monitor of the layout: all who publish in their own name. */
    private static List<String> layoutSpeakers(TerminalLayout layout) {
        KnownSenders senders = new KnownSenders(layout,
                IngestConfig.defaults("tcp://unused", "unused").gatewayIds());
        Set<String> ids = new LinkedHashSet<>();
        senders.equipment().stream().map(EquipmentId::value).sorted().forEach(ids::add);
        senders.reeferMonitors().stream().map(EquipmentId::value).sorted().forEach(ids::add);
        return new ArrayList<>(ids);
    }

    private static List<String> checkedMachines(List<String> given) {
        List<String> ids = new ArrayList<>();
        for (String machine : given) {
            ids.add(new EquipmentId(machine.strip()).value());
        }
        return ids;
    }

    private List<String> serverNames(String httpHost) {
        Set<String> names = new LinkedHashSet<>();
        if (!WILDCARDS.contains(httpHost)) {
            names.add(httpHost);
        }
        names.addAll(List.of("localhost", "127.0.0.1", "::1"));
        if (hosts != null) {
            hosts.stream().map(String::strip).filter(Pattern.compile(".+").asPredicate()).forEach(names::add);
        }
        return new ArrayList<>(names);
    }
}
