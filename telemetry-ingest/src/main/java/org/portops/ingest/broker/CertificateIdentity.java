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
import org.portops.ingest.Inbound;
import org.portops.ingest.tls.TerminalPki;

/**
 * A HiveMQ extension that stamps every PUBLISH with who sent it: the common name of the client certificate of the
 * sender's TLS connection, as the MQTT 5 user property {@value Inbound#CERTIFICATE_PROPERTY}. A subscriber cannot see the
 * publisher's connection; the stamp is how ingest learns which machine's certificate a reading came through, and so
 * can refuse a reading on another machine's topic. A property of that name sent by the client itself is removed
 * first, so it cannot be forged, and a connection without a client certificate gets no stamp. Wills are stamped too.
 */
final class CertificateIdentity implements ExtensionMain {

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.initializerRegistry().setClientInitializer((initializer, client) ->
                client.addPublishInboundInterceptor(CertificateIdentity::stamp));
        // A will is composed at CONNECT and published by the broker later, without passing the publish interceptor.
        Services.interceptorRegistry().setConnectInboundInterceptorProvider(provider -> CertificateIdentity::stampWill);
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
