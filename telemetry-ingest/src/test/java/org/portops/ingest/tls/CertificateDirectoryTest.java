package org.portops.ingest.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path folder;

    @Test
    void issuesACaAServerCertificateAndOneClientCertificatePerMachineSignedByTheCa() throws Exception {
        CertificateDirectory certificates = new CertificateDirectory(folder.resolve("certs"));
        List<String> issued = certificates.issue("NQCT", List.of("portops.example", "127.0.0.1"),
                List.of("QC01", "SC07"), NOW, Duration.ofDays(30));

        assertThat(issued).containsExactly("QC01", "SC07", CertificateDirectory.PORTOPS_CLIENT);
        X509Certificate ca = Pem.readCertificate(certificates.caCertificate());
        assertThat(ca.getBasicConstraints()).isZero();
        ca.verify(ca.getPublicKey());
        for (String machine : issued) {
            X509Certificate client = Pem.readCertificate(certificates.clientCertificate(machine));
            client.verify(ca.getPublicKey());
            assertThat(TerminalPki.commonName(client)).isEqualTo(machine);
            assertThat(client.getBasicConstraints()).isEqualTo(-1);
            assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
            assertThat(client.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
            assertThat(Pem.readKey(certificates.clientKey(machine)).getAlgorithm()).isEqualTo("EC");
        }
        X509Certificate server = Pem.readCertificate(certificates.serverCertificate());
        server.verify(ca.getPublicKey());
        assertThat(server.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList())
                .containsExactly("portops.example", "127.0.0.1");
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void privateKeysAreReadableByTheirOwnerOnly() throws Exception {
        CertificateDirectory certificates = new CertificateDirectory(folder.resolve("certs"));
        certificates.issue("NQCT", List.of("localhost"), List.of("QC01"), NOW, Duration.ofDays(1));

        for (Path key : List.of(certificates.caKey(), certificates.serverKey(), certificates.clientKey("QC01"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).as(key.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certificates.root())))
                .isEqualTo("rwx------");
    }

    @Test
    void machinesAddedLaterAreSignedByTheSameCa() throws Exception {
        CertificateDirectory certificates = new CertificateDirectory(folder.resolve("certs"));
        certificates.issue("NQCT", List.of("localhost"), List.of("QC01"), NOW, Duration.ofDays(1));
        X509Certificate ca = Pem.readCertificate(certificates.caCertificate());

        certificates.issue("NQCT", List.of("localhost"), List.of("QC02"), NOW.plusSeconds(60), Duration.ofDays(1));

        assertThat(Pem.readCertificate(certificates.caCertificate())).isEqualTo(ca);
        Pem.readCertificate(certificates.clientCertificate("QC01")).verify(ca.getPublicKey());
        Pem.readCertificate(certificates.clientCertificate("QC02")).verify(ca.getPublicKey());
    }

    @Test
    void refusesAnIdentityThatCannotNameAFile() {
        CertificateDirectory certificates = new CertificateDirectory(folder.resolve("certs"));
        assertThatThrownBy(() -> certificates.issue("NQCT", List.of("localhost"), List.of("../QC01"), NOW,
                Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("certificate identity '../QC01'");
        assertThat(folder.resolve("certs")).doesNotExist();
    }

    @Test
    void aKeyFileWithoutAPkcs8BlockIsRefusedWithTheFix() throws Exception {
        Path key = Files.writeString(folder.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n"
                + "-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> Pem.readKey(key)).hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void aRevokedCertificateJoinsTheDenyListAndItsFilesAreRemoved() throws Exception {
        CertificateDirectory certificates = new CertificateDirectory(folder.resolve("certs"));
        certificates.issue("NQCT", List.of("localhost"), List.of("QC01", "QC02"), NOW, Duration.ofDays(1));
        var serial = Pem.readCertificate(certificates.clientCertificate("QC01")).getSerialNumber();
        assertThat(certificates.revokedSerials()).isEmpty();

        assertThat(certificates.revoke("QC01", NOW)).isEqualTo(serial);

        assertThat(certificates.revokedSerials()).containsExactly(serial);
        assertThat(certificates.clientCertificate("QC01")).doesNotExist();
        assertThat(certificates.clientKey("QC01")).doesNotExist();
        assertThat(certificates.clientCertificate("QC02")).exists();
        assertThatThrownBy(() -> certificates.revoke("QC01", NOW)).hasMessageContaining("no client certificate of 'QC01'");
    }

    @Test
    void theCaSignsACrlListingEveryRevokedCertificateWithItsDate() throws Exception {
        CertificateDirectory certificates = new CertificateDirectory(folder.resolve("crl"));
        certificates.issue("NQCT", List.of("localhost"), List.of("QC01", "QC02", "QC03"), NOW, Duration.ofDays(1));
        X509Certificate ca = Pem.readCertificate(certificates.caCertificate());
        X509Certificate qc01 = Pem.readCertificate(certificates.clientCertificate("QC01"));
        X509Certificate qc03 = Pem.readCertificate(certificates.clientCertificate("QC03"));
        assertThat(crl(certificates).getRevokedCertificates()).as("a new CA's CRL").isNull();

        certificates.revoke("QC01", NOW.plusSeconds(60));
        certificates.revoke("QC03", NOW.plusSeconds(120));

        X509CRL crl = crl(certificates);
        crl.verify(ca.getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(crl.getNextUpdate()).isEqualTo(ca.getNotAfter());
        assertThat(crl.getRevokedCertificates()).hasSize(2);
        assertThat(crl.getRevokedCertificate(qc01.getSerialNumber()).getRevocationDate().toInstant())
                .isEqualTo(NOW.plusSeconds(60));
        assertThat(crl.getRevokedCertificate(qc03.getSerialNumber()).getRevocationDate().toInstant())
                .isEqualTo(NOW.plusSeconds(120));
        assertThat(crl.isRevoked(qc03)).isTrue();
    }

    private static X509CRL crl(CertificateDirectory certificates) throws Exception {
        try (var in = Files.newInputStream(certificates.crl())) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }
}
