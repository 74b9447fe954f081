package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.ingest.tls.CertificateDirectory;
import org.portops.ingest.tls.Pem;
import org.portops.ingest.tls.TerminalPki;
import org.portops.model.equipment.Equipment;
import org.portops.model.layout.TerminalLayoutLoader;
import picocli.CommandLine;

class CertsCommandTest {

    @TempDir
    Path folder;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = PortOpsCli.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void issuesACertificateForEveryMachineAndReeferMonitorOfTheLayoutByDefault() throws Exception {
        Path dataDir = folder.resolve("data");

        assertThat(execute("certs", "--data-dir", dataDir.toString())).as("%s", err).isZero();

        CertificateDirectory certificates = new CertificateDirectory(dataDir.resolve("certs"));
        X509Certificate ca = Pem.readCertificate(certificates.caCertificate());
        List<String> machines = TerminalLayoutLoader.sample().allEquipment().stream().map(Equipment::id)
                .map(id -> id.value()).toList();
        assertThat(machines).isNotEmpty();
        for (String machine : machines) {
            X509Certificate client = Pem.readCertificate(certificates.clientCertificate(machine));
            client.verify(ca.getPublicKey());
            assertThat(TerminalPki.commonName(client)).isEqualTo(machine);
        }
        try (Stream<Path> files = Files.list(dataDir.resolve("certs/clients"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("RMS-") && name.endsWith("-key.pem"))
                    .contains("portops.pem", "portops-key.pem");
        }
        assertThat(out.toString()).contains("--mqtt-tls-dir " + certificates.root());
    }

    @Test
    void serverNamesComeFromHttpHostAndHostAndKeysAreOwnerOnly() throws Exception {
        Path dir = folder.resolve("certs");

        int exit = execute("certs", "--dir", dir.toString(), "--machine", "QC01,SC07", "--host",
                "portops.terminal.example", "--http-host", "localhost", "--days", "30");

        assertThat(exit).as("%s", err).isZero();
        CertificateDirectory certificates = new CertificateDirectory(dir);
        X509Certificate server = Pem.readCertificate(certificates.serverCertificate());
        assertThat(server.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList())
                .containsExactly("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "portops.terminal.example");
        try (Stream<Path> files = Files.list(dir.resolve("clients"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("QC01.pem",
                    "QC01-key.pem", "SC07.pem", "SC07-key.pem", "portops.pem", "portops-key.pem");
        }
        for (Path key : List.of(certificates.caKey(), certificates.serverKey(), certificates.clientKey("QC01"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        }
    }

    @Test
    void aMachineIdThatIsNoEquipmentIdIsRefusedAndNothingIsWritten() {
        Path dir = folder.resolve("certs");

        assertThat(execute("certs", "--dir", dir.toString(), "--machine", "qc 01")).isEqualTo(2);

        assertThat(err.toString()).contains("qc 01");
        assertThat(dir).doesNotExist();
    }

    @Test
    void revokePutsTheCertificateOnTheDenyList() throws Exception {
        Path dir = folder.resolve("certs");
        assertThat(execute("certs", "--dir", dir.toString(), "--machine", "QC01")).as("%s", err).isZero();
        CertificateDirectory certificates = new CertificateDirectory(dir);
        var serial = Pem.readCertificate(certificates.clientCertificate("QC01")).getSerialNumber();

        assertThat(execute("certs", "--dir", dir.toString(), "--revoke", "QC01")).as("%s", err).isZero();

        assertThat(certificates.revokedSerials()).containsExactly(serial);
        assertThat(out.toString()).contains("revoked QC01 (serial " + serial.toString(16) + ")");
        assertThat(execute("certs", "--dir", dir.toString(), "--revoke", "QC01")).isEqualTo(3);
    }
}
