package org.portops.ingest.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundInput;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundOutput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.ModifiableUserProperties;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import java.io.IOException;
import org.portops.ingest.Inbound;
import org.portops.ingest.tls.CertificateDirectory;
import org.portops.ingest.tls.TerminalPki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A HiveMQ extension that stamps every PUBLISH with who sent it: the common name of the client certificate of the
 * sender's TLS connection, as the MQTT 5 user property {@value Inbound#CERTIFICATE_PROPERTY}. A subscriber cannot see the
 * publisher's connection; the stamp is how ingest learns which machine's certificate a reading came through, and so
 * can refuse a reading on another machine's topic. A property of that name sent by the client itself is removed
 * first, so it cannot be forged, and a connection without a client certificate gets no stamp. Wills are stamped too.
 * With TLS it also refuses, at CONNECT, a client whose certificate is on the directory's list of revoked ones.
 */
final class CertificateIdentity implements ExtensionMain {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateIdentity.class);

    /** Where the deny list of revoked certificates is; null: plain TCP, nothing to check. */
    private final CertificateDirectory certificates;

    CertificateIdentity(CertificateDirectory certificates) {
        this.certificates = certificates;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.initializerRegistry().setClientInitializer((initializer, client) ->
                client.addPublishInboundInterceptor(CertificateIdentity::stamp));
        // A will is composed at CONNECT and published by the broker later, without passing the publish interceptor.
        Services.interceptorRegistry().setConnectInboundInterceptorProvider(provider -> CertificateIdentity::stampWill);
        if (certificates != null) {
            Services.securityRegistry().setAuthenticatorProvider(provider -> (SimpleAuthenticator) this::refuseRevoked);
        }
    }

    /**
     * Refuses a client whose certificate was revoked ({@code portops certs --revoke}). The deny list is read at every
     * CONNECT, so a revocation takes effect without restarting the broker; a connection already open stays open.
     */
    private void refuseRevoked(SimpleAuthInput input, SimpleAuthOutput output) {
        var certificate = input.getConnectionInformation().getClientTlsInformation()
                .flatMap(ClientTlsInformation::getClientCertificate);
        if (certificate.isEmpty()) {
            output.authenticateSuccessfully();
            return;
        }
        try {
            if (certificates.revokedSerials().contains(certificate.get().getSerialNumber())) {
                LOG.warn("refused {}: its certificate (serial {}) is revoked", TerminalPki.commonName(
                        certificate.get()), certificate.get().getSerialNumber().toString(16));
                output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "certificate revoked");
                return;
            }
        } catch (IOException e) {
            // Without the deny list nobody can be told apart from a revoked machine: refuse rather than let one in.
            LOG.error("refused a client: the list of revoked certificates cannot be read: {}", e.getMessage());
            output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "revocation list unreadable");
            return;
        }
        output.authenticateSuccessfully();
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // nothing held
    }

    private static void stamp(PublishInboundInput input, PublishInboundOutput output) {
        stamp(input.getConnectionInformation(), output.getPublishPacket().getUserProperties());
    }

    private static void stampWill(ConnectInboundInput input, ConnectInboundOutput output) {
        output.getConnectPacket().getModifiableWillPublish()
                .ifPresent(will -> stamp(input.getConnectionInformation(), will.getUserProperties()));
    }

    private static void stamp(ConnectionInformation connection, ModifiableUserProperties properties) {
        properties.removeName(Inbound.CERTIFICATE_PROPERTY);
        connection.getClientTlsInformation()
                .flatMap(ClientTlsInformation::getClientCertificate)
                .map(TerminalPki::commonName)
                .ifPresent(name -> properties.addUserProperty(Inbound.CERTIFICATE_PROPERTY, name));
    }
}
