package org.portops.ingest.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the terminal's certificates with BouncyCastle: a terminal CA, a server certificate for the broker and the
 * HTTPS service (its names as subject alternative names), and one client certificate per machine whose common name
 * is the machine id, which is what binds a TLS connection to the machine it may speak for. Keys are EC P-256,
 * signatures ECDSA with SHA-256.
 */
public final class TerminalPki {

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate and its private key. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
        public Issued {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
        }
    }

    private TerminalPki() {
    }

    /** A self-signed CA for {@code terminal}, valid from a minute before {@code now} for {@code validity}. */
    public static Issued certificateAuthority(String terminal, Instant now, Duration validity) {
        KeyPair pair = newKeyPair();
        X500Name name = name("PortOps terminal CA " + terminal, terminal);
        return sign(name, pair, name, pair.getPrivate(), now, validity, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
    }

    /**
     * A server certificate signed by {@code ca}, for the broker and the HTTPS service.
     *
     * @param names host names and IP addresses (literal addresses become IP subject alternative names)
     */
    public static Issued server(Issued ca, String terminal, List<String> names, Instant now, Duration validity) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one host name or address");
        }
        List<GeneralName> alternatives = new ArrayList<>();
        for (String name : names) {
            alternatives.add(isAddress(name) ? new GeneralName(GeneralName.iPAddress, name)
                    : new GeneralName(GeneralName.dNSName, name));
        }
        KeyPair pair = newKeyPair();
        return sign(name(names.getFirst(), terminal), pair, issuer(ca), ca.key(), now, validity, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(alternatives.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions().createAuthorityKeyIdentifier(ca.certificate()));
        });
    }

    /** A client certificate signed by {@code ca} whose common name is {@code identity} (a machine id). */
    public static Issued client(Issued ca, String terminal, String identity, Instant now, Duration validity) {
        KeyPair pair = newKeyPair();
        return sign(name(identity, terminal), pair, issuer(ca), ca.key(), now, validity, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions().createAuthorityKeyIdentifier(ca.certificate()));
        });
    }

    /**
     * A certificate revocation list of the CA, listing {@code revoked} (serial number and when), issued {@code now}
     * and valid until the CA itself expires: a broker checking CRLs refuses every client once its CRL is out of date,
     * and a new one is written at every revocation anyway.
     */
    public static X509CRL crl(Issued ca, Map<BigInteger, Instant> revoked, Instant now) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer(ca), Date.from(now));
        builder.setNextUpdate(ca.certificate().getNotAfter());
        revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions().createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(SIGNATURE)
                    .build(ca.key())));
        } catch (CertIOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the CRL of " + ca.certificate().getSubjectX500Principal()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The common name of a certificate's subject, e.g. the machine id of a client certificate. */
    public static String commonName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        if (name.getRDNs(BCStyle.CN).length == 0) {
            throw new IllegalArgumentException(certificate.getSubjectX500Principal() + " has no common name");
        }
        return name.getRDNs(BCStyle.CN)[0].getFirst().getValue().toString();
    }

    @FunctionalInterface
    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException, GeneralSecurityException;
    }

    private static Issued sign(X500Name subject, KeyPair pair, X500Name issuer, PrivateKey issuerKey, Instant now,
                               Duration validity, Extensions extensions) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive, was " + validity);
        }
        // Clocks of machines on the quay drift: a certificate valid from a minute ago is not refused as not yet valid.
        Instant from = now.minus(Duration.ofMinutes(1));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(
                BigInteger.ONE), Date.from(from), Date.from(now.plus(validity)), subject, pair.getPublic());
        try {
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions().createSubjectKeyIdentifier(pair.getPublic()));
            extensions.add(builder);
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
            return new Issued(certificate, pair.getPrivate());
        } catch (CertIOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the certificate of " + subject + ": " + e.getMessage(), e);
        }
    }

    private static X500Name name(String commonName, String terminal) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "PortOps " + terminal)
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static X500Name issuer(Issued ca) {
        return X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
    }

    private static JcaX509ExtensionUtils extensions() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 for key identifiers is missing from this JDK", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is missing from this JDK", e);
        }
    }

    /** Decided by the text alone: a host name is never resolved to find out what it is. */
    private static boolean isAddress(String name) {
        return name.matches("[0-9.]+") || name.contains(":");
    }
}
