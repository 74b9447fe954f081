package org.portops.sim.mqtt;

import java.io.IOException;
import javax.net.SocketFactory;
import org.portops.model.equipment.EquipmentId;

/**
 * The sockets a machine's MQTT connection is made with: over mutual TLS, an {@code SSLSocketFactory} holding that
 * machine's own client certificate, so the broker knows which machine is speaking.
 */
@FunctionalInterface
public interface MachineSockets {

    SocketFactory of(EquipmentId machine) throws IOException;
}
