package org.portops.ingest.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * PEM files of the terminal's certificates ({@code CERTIFICATE}) and keys (unencrypted PKCS#8 {@code PRIVATE KEY},
 * the form OpenSSL, Mosquitto and Vert.x read). Read with the JDK alone, so a machine's client needs no
 * BouncyCastle. Keys are written readable by their owner only (0600), created so from the start.
 */
public final class Pem {

    private static final String KEY_LABEL = "PRIVATE KEY";
    private static final String CERTIFICATE_LABEL = "CERTIFICATE";

    private Pem() {
    }

    public static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        try {
            Files.writeString(file, encode(CERTIFICATE_LABEL, certificate.getEncoded()), StandardCharsets.US_ASCII);
        } catch (CertificateEncodingException e) {
            throw new IOException("cannot encode the certificate of " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** Writes a certificate revocation list (PEM {@code X509 CRL}), replacing the file. */
    public static void writeCrl(Path file, X509CRL crl) throws IOException {
        try {
            Files.writeString(file, encode("X509 CRL", crl.getEncoded()), StandardCharsets.US_ASCII);
        } catch (CRLException e) {
            throw new IOException("cannot encode the CRL of " + crl.getIssuerX500Principal(), e);
        }
    }

    /** Writes the key with owner-only permissions; an existing file is replaced, and keeps no wider permissions. */
    public static void writeKey(Path file, PrivateKey key) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, encode(KEY_LABEL, key.getEncoded()), StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The certificates of a PEM file, in file order (a chain: the certificate first, then its issuers). */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file))).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IOException(file + ": not a PEM certificate: " + e.getMessage(), e);
        }
    }

    public static X509Certificate readCertificate(Path file) throws IOException {
        List<X509Certificate> all = readCertificates(file);
        if (all.isEmpty()) {
            throw new IOException(file + ": holds no certificate");
        }
        return all.getFirst();
    }

    /** An EC or RSA key in unencrypted PKCS#8 PEM. */
    public static PrivateKey readKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + KEY_LABEL + "-----";
        String end = "-----END " + KEY_LABEL + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + ": no '" + begin + "' block (an unencrypted PKCS#8 key is expected; convert "
                    + "others with 'openssl pkcs8 -topk8 -nocrypt')");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next one
            }
        }
        throw new IOException(file + ": the key is neither an EC nor an RSA PKCS#8 key");
    }

    private static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
