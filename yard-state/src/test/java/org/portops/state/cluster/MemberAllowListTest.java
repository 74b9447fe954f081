package org.portops.state.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portops.state.testsupport.TestHazelcast;

/**
 * Only the members of {@code hz.members} join PortOps's cluster: a member started with the allow-list admits a
 * listed member and refuses one that knows a member's address and the cluster name but is not listed.
 */
class MemberAllowListTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aListedAddressIsAdmittedOnItsPortOrAnyPortOfTheRangeAndAnyOtherIsRefusedWithTheList() throws Exception {
        MemberAllowList allowed = MemberAllowList.of(List.of("127.0.0.1:5801", " localhost "), 5901, 3);

        assertThat(allowed.refusal(LOOPBACK, 5801)).isEmpty();
        assertThat(allowed.refusal(LOOPBACK, 5901)).as("a host without a port: the range's first").isEmpty();
        assertThat(allowed.refusal(LOOPBACK, 5903)).as("and its last").isEmpty();
        assertThat(allowed.refusal(LOOPBACK, 5904)).hasValue("Hazelcast member 127.0.0.1:5904 is not in hz.members "
                + "[127.0.0.1:5801, localhost]: refused to join");
        assertThat(allowed.refusal(InetAddress.getByAddress(new byte[] {10, 0, 0, 99}), 5801)).isPresent();
        assertThatThrownBy(() -> MemberAllowList.of(List.of("127.0.0.1:58o1"), 5801, 100))
                .hasMessageContaining("'127.0.0.1:58o1' has no port number");
        assertThatThrownBy(() -> MemberAllowList.of(List.of("no-such-host.invalid"), 5801, 100))
                .hasMessageContaining("the host of 'no-such-host.invalid' does not resolve");
    }

    @Test
    void aMemberOutsideTheListCannotJoinWhileAListedOneDoes() throws IOException {
        String cluster = TestHazelcast.uniqueClusterName("allow-list");
        int[] ports = freePorts(3);
        String first = "127.0.0.1:" + ports[0];
        MemberAllowList allowed = MemberAllowList.of(List.of(first, "127.0.0.1:" + ports[1]), 5701, 100);
        List<HazelcastInstance> started = new ArrayList<>();
        try {
            HazelcastInstance a = AllowListMembers.start(config(cluster, ports[0], first), allowed);
            started.add(a);
            HazelcastInstance b = AllowListMembers.start(config(cluster, ports[1], first), allowed);
            started.add(b);
            assertThat(a.getCluster().getMembers()).hasSize(2);

            // an intruder: plain Hazelcast, the cluster name and a member's address, on a port not listed
            HazelcastInstance intruder = null;
            try {
                intruder = Hazelcast.newHazelcastInstance(config(cluster, ports[2], first));
                started.add(intruder);
            } catch (IllegalStateException refused) {
                // the master told it why and it shut itself down
            }
            assertThat(a.getCluster().getMembers()).extracting(Member::getAddress)
                    .extracting(address -> address.getPort()).containsExactlyInAnyOrder(ports[0], ports[1]);
            assertThat(intruder == null || !intruder.getLifecycleService().isRunning())
                    .as("refused, the intruder shut itself down").isTrue();
        } finally {
            started.forEach(HazelcastInstance::shutdown);
        }
    }

    private static Config config(String cluster, int port, String join) {
        Config config = TestHazelcast.config(cluster);
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setMembers(List.of(join));
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.max.join.seconds", "20");
        return config;
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, LOOPBACK));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
