package org.portops.state.testsupport;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.portops.state.YardHazelcast;

import java.util.List;
import java.util.UUID;

/**
 * Hazelcast members for tests: a unique cluster name per test, port auto-increment from 5701, multicast off,
 * joining 127.0.0.1 only, phone-home off. Shut them down after the test ({@code hazelcast.shutdown()}).
 */
public final class TestHazelcast {

    private TestHazelcast() {
    }

    /** A cluster name no other test uses. */
    public static String uniqueClusterName(String test) {
        return "portops-test-" + test + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The live yard's configuration for a test member of {@code clusterName}. */
    public static Config config(String clusterName) {
        Config config = YardHazelcast.memberConfig(clusterName, 5701, List.of("127.0.0.1"));
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "20");
        config.setProperty("hazelcast.partition.count", "31");
        return config;
    }

    /** A started member of {@code clusterName}. */
    public static HazelcastInstance member(String clusterName) {
        return Hazelcast.newHazelcastInstance(config(clusterName));
    }
}
