package org.portops.app.infra;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;

/** Starts this process's Hazelcast member, holding the live yard. */
public final class HazelcastMember {

    private HazelcastMember() {
    }

    /**
     * Starts a member from {@code config} with the launcher's process-wide choices added: logging
     * through SLF4J, no phone-home, and no Hazelcast shutdown hook, since the launcher's own hook
     * stops the member after the services that still write to it. A member without others to join
     * listens on 127.0.0.1 only: Hazelcast Community has no member authentication or TLS, so nothing
     * outside this machine should reach a member that needs no peers.
     */
    public static HazelcastInstance start(Config config, boolean alone) {
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        if (alone) {
            config.setProperty("hazelcast.socket.bind.any", "false");
            config.getNetworkConfig().getInterfaces().setEnabled(true).setInterfaces(List.of("127.0.0.1"));
        }
        return Hazelcast.newHazelcastInstance(config);
    }
}
