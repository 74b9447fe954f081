package org.portops.state;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import org.portops.state.alert.AlertBoard;
import org.portops.state.alert.AlertSerializers;
import org.portops.state.block.BlockSerializers;
import org.portops.state.hazelcast.ModelSerializers;
import org.portops.state.hazelcast.RefusalSerializer;
import org.portops.state.hazelcast.StateSerializers;
import org.portops.state.query.ContainerAttributes;
import org.portops.state.query.QuerySerializers;

import java.util.ArrayList;
import java.util.List;

/**
 * Hazelcast member configuration for the live yard: compact serializers (explicit type names, nothing Java
 * serialized), the yard's maps in {@code OBJECT} format because entry processors change them in place, work
 * instructions and vessel calls indexed by container number ({@link ContainerAttributes}), one
 * backup each, phone-home and multicast off, TCP/IP join to the listed members only.
 */
public final class YardHazelcast {

    private YardHazelcast() {
    }

    /**
     * A member configuration.
     *
     * @param clusterName unique per deployment (and per test)
     * @param port        first port to try; the next free one is taken when it is busy
     * @param members     {@code host} or {@code host:port} of the members to join, one by one (ranges are not
     *                    accepted by Hazelcast); empty = 127.0.0.1. When every member is a loopback address the
     *                    member binds to loopback only.
     */
    public static Config memberConfig(String clusterName, int port, List<String> members) {
        List<String> joinMembers = members == null || members.isEmpty() ? List.of("127.0.0.1") : List.copyOf(members);
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(true).setPortCount(100);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(new ArrayList<>(joinMembers));
        if (joinMembers.stream().allMatch(YardHazelcast::isLoopback)) {
            config.setProperty("hazelcast.socket.bind.any", "false");
            network.getInterfaces().setEnabled(true).setInterfaces(List.of("127.0.0.1"));
        }
        return configure(config);
    }

    /**
     * Adds the live yard's serializers and map settings to a configuration built elsewhere (for instance one
     * that also carries Vert.x's cluster maps).
     */
    public static Config configure(Config config) {
        for (CompactSerializer<?> serializer : serializers()) {
            config.getSerializationConfig().getCompactSerializationConfig().addSerializer(serializer);
        }
        List<String> maps = new ArrayList<>(YardMaps.ALL);
        maps.add(AlertBoard.MAP);
        for (String name : maps) {
            MapConfig map = new MapConfig(name)
                    .setInMemoryFormat(InMemoryFormat.OBJECT)
                    .setBackupCount(1)
                    .setPerEntryStatsEnabled(false);
            switch (name) {
                case YardMaps.WORK_INSTRUCTIONS -> ContainerAttributes.indexInstructions(map);
                case YardMaps.VESSEL_CALLS -> ContainerAttributes.indexBayPlans(map);
                default -> { }
            }
            config.addMapConfig(map);
        }
        return config;
    }

    /** Every compact serializer of the live yard. */
    public static List<CompactSerializer<?>> serializers() {
        List<CompactSerializer<?>> all = new ArrayList<>();
        all.addAll(ModelSerializers.all());
        all.addAll(StateSerializers.all());
        all.addAll(BlockSerializers.all());
        all.addAll(RefusalSerializer.all());
        all.addAll(AlertSerializers.all());
        all.addAll(QuerySerializers.all());
        return all;
    }

    private static boolean isLoopback(String member) {
        String host = member.contains(":") ? member.substring(0, member.lastIndexOf(':')) : member;
        return host.startsWith("127.") || host.equals("localhost");
    }
}
