package org.portops.app.health;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.portops.app.config.MqttUrl;
import org.portops.ingest.tls.CertificateDirectory;

/**
 * An MQTT 3.1.1 CONNECT, answered by a CONNACK, then DISCONNECT: proves the broker speaks MQTT, not
 * only that its port is open. Any CONNACK counts as UP, a refusal too (return code 4 or 5 means the
 * broker works and wants credentials this check does not have).
 */
public final class MqttBrokerCheck implements ComponentCheck {

    private static final int CONNACK = 0x20;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 2_500;
    private static final Buffer DISCONNECT = Buffer.buffer(new byte[] {(byte) 0xE0, 0x00});

    private final MqttUrl url;
    private final NetClient client;

    public MqttBrokerCheck(Vertx vertx, MqttUrl url) {
        this(vertx, url, null);
    }

    /**
     * @param certificates over mutual TLS, the directory of {@code portops certs}: the check connects with PortOps's
     *                     own client certificate and trusts the terminal CA only; null: no client certificate
     */
    public MqttBrokerCheck(Vertx vertx, MqttUrl url, CertificateDirectory certificates) {
        this.url = url;
        NetClientOptions options = new NetClientOptions().setConnectTimeout(2_000).setSsl(url.tls())
                .setMetricsName("mqtt-health-check");
        if (certificates != null) {
            options.setKeyCertOptions(new PemKeyCertOptions()
                            .setCertPath(certificates.clientCertificate(CertificateDirectory.PORTOPS_CLIENT).toString())
                            .setKeyPath(certificates.clientKey(CertificateDirectory.PORTOPS_CLIENT).toString()))
                    .setTrustOptions(new PemTrustOptions().addCertPath(certificates.caCertificate().toString()))
                    .setHostnameVerificationAlgorithm("HTTPS");
        }
        this.client = vertx.createNetClient(options);
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public String target() {
        return url.clientUrl();
    }

    @Override
    public Future<ComponentHealth> check() {
        long start = System.nanoTime();
        return client.connect(url.port(), url.host())
                .compose(socket -> handshake(socket).timeout(HANDSHAKE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                        .eventually(socket::close))
                .map(returnCode -> {
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    return ComponentHealth.up(returnCode == 0
                            ? "CONNACK accepted in " + millis + " ms"
                            : "CONNACK refused with return code " + returnCode + " in " + millis
                                    + " ms (the broker answers; it wants credentials)");
                });
    }

    private Future<Integer> handshake(NetSocket socket) {
        Promise<Integer> connack = Promise.promise();
        Buffer received = Buffer.buffer();
        socket.handler(bytes -> {
            received.appendBuffer(bytes);
            if (received.length() >= 4) {
                if ((received.getUnsignedByte(0) & 0xF0) == CONNACK) {
                    connack.tryComplete((int) received.getUnsignedByte(3));
                    socket.end(DISCONNECT);
                } else {
                    connack.tryFail("answered with MQTT packet type " + (received.getUnsignedByte(0) >> 4)
                            + " instead of CONNACK");
                }
            }
        });
        socket.exceptionHandler(connack::tryFail);
        socket.closeHandler(closed -> connack.tryFail("closed the connection before CONNACK"));
        socket.write(connectPacket());
        return connack.future();
    }

    /** MQTT 3.1.1 CONNECT with a clean session and a random client id, so it never takes over a session. */
    static Buffer connectPacket() {
        byte[] clientId = ("portops-health-" + Long.toHexString(ThreadLocalRandom.current().nextLong()))
                .getBytes(StandardCharsets.US_ASCII);
        Buffer variable = Buffer.buffer()
                .appendUnsignedShort(4).appendString("MQTT", "US-ASCII")
                .appendByte((byte) 4)
                .appendByte((byte) 0x02)
                .appendUnsignedShort(30)
                .appendUnsignedShort(clientId.length).appendBytes(clientId);
        return Buffer.buffer().appendByte((byte) 0x10).appendByte((byte) variable.length()).appendBuffer(variable);
    }
}
