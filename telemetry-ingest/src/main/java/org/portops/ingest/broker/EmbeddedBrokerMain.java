package org.portops.ingest.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.portops.ingest.tls.CertificateDirectory;

/**
 * The embedded MQTT broker's own JVM, started by {@link EmbeddedBroker}: HiveMQ on 127.0.0.1 and the port given, its
 * files under the directory given. It runs until its standard input closes, which the parent does to stop it and which
 * happens by itself when the parent JVM ends in any way, so the broker never outlives it. Its standard output
 * carries one line, {@link #READY} and the port, once HiveMQ listens; everything it logs goes to standard error.
 */
public final class EmbeddedBrokerMain {

    /** The word that tells PortOps the broker listens, followed by a space and the port. */
    static final String READY = "READY";
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final long STOP_TIMEOUT_SECONDS = 20;

    private EmbeddedBrokerMain() {
    }

    /**
     * Arguments: the broker's directory, its port (0: a free one, picked right before binding it), optionally its
     * {@link EmbeddedBroker.Delivery} (in-flight window and poll batch; HiveMQ's own without them) and, for mutual
     * TLS, the certificate directory after them.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 4 && args.length != 5) {
            System.err.println("usage: EmbeddedBrokerMain DIRECTORY PORT [INFLIGHT_WINDOW POLL_BATCH"
                    + " [CERTIFICATE-DIRECTORY]]");
            System.exit(2);
        }
        EmbeddedBroker.Delivery delivery = args.length >= 4
                ? new EmbeddedBroker.Delivery(Integer.parseInt(args[2]), Integer.parseInt(args[3]))
                : EmbeddedBroker.Delivery.HIVEMQ_DEFAULTS;
        delivery.apply();
        PrintStream toPortOps = System.out;
        System.setOut(System.err);
        int requested = Integer.parseInt(args[1]);
        int port = requested == 0 ? EmbeddedBroker.freeLoopbackPort() : requested;
        EmbeddedHiveMQ hivemq = EmbeddedBroker.build(Path.of(args[0]), port,
                args.length == 5 ? new CertificateDirectory(Path.of(args[4])) : null);
        int status = 0;
        try {
            hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            toPortOps.println(READY + " " + port);
            toPortOps.flush();
            while (System.in.read() != -1) {
                // Nothing is sent on standard input: its end is the signal to stop.
            }
            hivemq.stop().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            EmbeddedBroker.closeQuietly(hivemq);
        }
        System.exit(status);
    }
}
