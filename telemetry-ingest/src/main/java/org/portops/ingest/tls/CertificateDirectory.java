package org.portops.ingest.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory {@code ./portops certs} fills and TLS is configured from:
 * <pre>
 *   ca.pem, ca-key.pem             the terminal CA (keep ca-key.pem offline once the machines have their certificates)
 *   server.pem, server-key.pem     the broker's and the HTTPS service's certificate, signed by the CA
 *   clients/ID.pem, ID-key.pem     one client certificate per machine (CN = the machine id) and for PortOps itself
 *   revoked-serials.txt            serial numbers of revoked client certificates, which the embedded broker refuses
 *   crl.pem                        the same as the CA's certificate revocation list, for other brokers
 * </pre>
 * Certificates are PEM, keys unencrypted PKCS#8 PEM readable by their owner only.
 */
public final class CertificateDirectory {

    /** The client identity PortOps's own MQTT clients (ingest, order publisher) present. */
    public static final String PORTOPS_CLIENT = "portops";
    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String TLS = "TLSv1.3";
    private static final Pattern REVOKED_AT = Pattern.compile("revoked (\\S+)");
    private static final Logger LOG = LoggerFactory.getLogger(CertificateDirectory.class);

    private final Path root;

    public CertificateDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path caCertificate() {
        return root.resolve("ca.pem");
    }

    public Path caKey() {
        return root.resolve("ca-key.pem");
    }

    public Path serverCertificate() {
        return root.resolve("server.pem");
    }

    public Path serverKey() {
        return root.resolve("server-key.pem");
    }

    public Path clientCertificate(String identity) {
        return root.resolve("clients").resolve(checked(identity) + ".pem");
    }

    public Path clientKey(String identity) {
        return root.resolve("clients").resolve(checked(identity) + "-key.pem");
    }

    /**
     * Issues what the directory lacks: the CA when there is none (an existing CA is kept, so machines added later
     * are trusted along with those issued before), and a new server certificate and new client certificates for the
     * names given.
     *
     * @param serverNames host names and addresses of the broker and the HTTPS service
     * @param clients     identities of client certificates, the machine ids; {@link #PORTOPS_CLIENT} is always added
     * @return the identities issued
     */
    public List<String> issue(String terminal, List<String> serverNames, List<String> clients, Instant now,
                              Duration validity) throws IOException {
        clients.forEach(CertificateDirectory::checked);
        Files.createDirectories(root.resolve("clients"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        TerminalPki.Issued ca;
        if (Files.exists(caCertificate())) {
            ca = new TerminalPki.Issued(Pem.readCertificate(caCertificate()), Pem.readKey(caKey()));
        } else {
            ca = TerminalPki.certificateAuthority(terminal, now, validity.multipliedBy(2));
            Pem.writeKey(caKey(), ca.key());
            Pem.writeCertificate(caCertificate(), ca.certificate());
        }
        TerminalPki.Issued server = TerminalPki.server(ca, terminal, serverNames, now, validity);
        Pem.writeKey(serverKey(), server.key());
        Pem.writeCertificate(serverCertificate(), server.certificate());
        List<String> issued = new ArrayList<>(clients);
        if (!issued.contains(PORTOPS_CLIENT)) {
            issued.add(PORTOPS_CLIENT);
        }
        for (String identity : issued) {
            TerminalPki.Issued client = TerminalPki.client(ca, terminal, identity, now, validity);
            Pem.writeKey(clientKey(identity), client.key());
            Pem.writeCertificate(clientCertificate(identity), client.certificate());
        }
        if (!Files.exists(crl())) {
            writeCrl(ca, now);
        }
        return issued;
    }

    /**
     * The CA's certificate revocation list (PEM), for brokers that check CRLs (Mosquitto's {@code crlfile}); written
     * with the CA and again at every {@link #revoke}, listing what the deny list lists.
     */
    public Path crl() {
        return root.resolve("crl.pem");
    }

    private void writeCrl(TerminalPki.Issued ca, Instant now) throws IOException {
        Pem.writeCrl(crl(), TerminalPki.crl(ca, revokedAt(now), now));
    }

    /** The deny list's serial numbers and when each was revoked ({@code now} for a line that does not say). */
    private Map<BigInteger, Instant> revokedAt(Instant now) throws IOException {
        Map<BigInteger, Instant> revoked = new TreeMap<>();
        if (!Files.exists(revocations())) {
            return revoked;
        }
        for (String line : Files.readAllLines(revocations(), StandardCharsets.US_ASCII)) {
            String serial = line.replaceFirst("#.*", "").strip();
            if (serial.isEmpty()) {
                continue;
            }
            Matcher when = REVOKED_AT.matcher(line);
            Instant at = now;
            if (when.find()) {
                try {
                    at = Instant.parse(when.group(1));
                } catch (DateTimeParseException e) {
                    at = now;
                }
            }
            revoked.put(parseSerial(serial), at);
        }
        return revoked;
    }

    /** The deny list: serial numbers of revoked client certificates, one per line in hexadecimal. */
    public Path revocations() {
        return root.resolve("revoked-serials.txt");
    }

    /**
     * Revokes the client certificate of {@code identity}: its serial number joins the deny list the embedded broker
     * checks at every CONNECT, and its files are removed (issue it anew to let the machine back in).
     *
     * @return the revoked serial number
     */
    public BigInteger revoke(String identity, Instant now) throws IOException {
        Path certificate = clientCertificate(identity);
        if (!Files.exists(certificate)) {
            throw new IOException("no client certificate of '" + identity + "' in " + root);
        }
        BigInteger serial = Pem.readCertificate(certificate).getSerialNumber();
        Files.writeString(revocations(), serial.toString(16) + " # " + identity + ", revoked " + now + "\n",
                StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.delete(certificate);
        Files.deleteIfExists(clientKey(identity));
        if (Files.exists(caKey())) {
            writeCrl(new TerminalPki.Issued(Pem.readCertificate(caCertificate()), Pem.readKey(caKey())), now);
        } else {
            LOG.warn("{} is not here (kept offline?): the deny list lists serial {} but {} was not signed again; sign "
                    + "it where the CA key is", caKey(), serial.toString(16), crl());
        }
        return serial;
    }

    /** The serial numbers on the deny list; empty when nothing was revoked. */
    public Set<BigInteger> revokedSerials() throws IOException {
        if (!Files.exists(revocations())) {
            return Set.of();
        }
        Set<BigInteger> serials = new HashSet<>();
        for (String line : Files.readAllLines(revocations(), StandardCharsets.US_ASCII)) {
            String serial = line.replaceFirst("#.*", "").strip();
            if (!serial.isEmpty()) {
                serials.add(parseSerial(serial));
            }
        }
        return serials;
    }

    private BigInteger parseSerial(String serial) throws IOException {
        try {
            return new BigInteger(serial, 16);
        } catch (NumberFormatException e) {
            throw new IOException(revocations() + ": '" + serial + "' is not a hexadecimal serial number", e);
        }
    }

    /** TLS for an MQTT client speaking as {@code identity}: its certificate, and trust in the terminal CA only. */
    public SSLContext clientContext(String identity) throws IOException {
        KeyStore keys = keyStore(Pem.readCertificate(clientCertificate(identity)), clientKey(identity), new char[0]);
        return context(keys, new char[0]);
    }

    /** The server's key and certificate (followed by the CA) as a PKCS#12 store, for servers that read only those. */
    public KeyStore serverKeyStore(char[] password) throws IOException {
        return keyStore(Pem.readCertificate(serverCertificate()), serverKey(), password);
    }

    /** The terminal CA alone, as a PKCS#12 trust store. */
    public KeyStore trustStore() throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("terminal-ca", Pem.readCertificate(caCertificate()));
            return store;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build a trust store of " + caCertificate() + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code store} with owner-only permissions. */
    public static void save(KeyStore store, Path file, char[] password) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A random password for a key store that lives as long as one start of a server. */
    public static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[32];
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (int i = 0; i < password.length; i++) {
            password[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return password;
    }

    private KeyStore keyStore(X509Certificate certificate, Path key, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", Pem.readKey(key), password,
                    new Certificate[] {certificate, Pem.readCertificate(caCertificate())});
            return store;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load " + key + " with its certificate: " + e.getMessage(), e);
        }
    }

    private SSLContext context(KeyStore keys, char[] password) throws IOException {
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore());
            SSLContext context = SSLContext.getInstance(TLS);
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS from " + root + ": " + e.getMessage(), e);
        }
    }

    private static String checked(String identity) {
        if (identity == null || !IDENTITY.matcher(identity).matches()) {
            throw new IllegalArgumentException("certificate identity '" + identity + "': 1..64 letters, digits, '.', "
                    + "'_' or '-', starting with a letter or digit (it names files in the certificate directory)");
        }
        return identity;
    }
}
