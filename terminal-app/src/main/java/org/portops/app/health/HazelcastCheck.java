package org.portops.app.health;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;

/** The member's lifecycle is running and its cluster accepts work; both are local reads. */
public final class HazelcastCheck implements ComponentCheck {

    private final HazelcastInstance hazelcast;

    public HazelcastCheck(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    @Override
    public String name() {
        return "hazelcast";
    }

    @Override
    public String target() {
        return hazelcast.getConfig().getClusterName() + "@" + hazelcast.getCluster().getLocalMember().getAddress();
    }

    @Override
    public Future<ComponentHealth> check() {
        if (!hazelcast.getLifecycleService().isRunning()) {
            return Future.succeededFuture(ComponentHealth.down("member is not running"));
        }
        ClusterState state = hazelcast.getCluster().getClusterState();
        int members = hazelcast.getCluster().getMembers().size();
        String detail = "member running, cluster state " + state + ", " + members + " member(s)";
        return Future.succeededFuture(state == ClusterState.ACTIVE ? ComponentHealth.up(detail)
                : ComponentHealth.down(detail));
    }
}
