package org.portops.state.cluster;

import com.hazelcast.cluster.Address;
import com.hazelcast.instance.impl.DefaultNodeContext;
import com.hazelcast.instance.impl.DefaultNodeExtension;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.instance.impl.NodeExtension;
import com.hazelcast.internal.cluster.impl.JoinMessage;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hazelcast's default node, whose join check also refuses a member outside the {@link MemberAllowList}. The
 * cluster's master runs the check for every join request; a refused member is told why and shuts itself down.
 * This is Hazelcast's internal node-extension hook (the open-source edition offers no public one): every PortOps
 * member installs it, since any of them may be the master.
 */
final class AllowListNodeContext extends DefaultNodeContext {

    private static final Logger LOG = LoggerFactory.getLogger(AllowListNodeContext.class);

    private final MemberAllowList allowed;

    AllowListNodeContext(MemberAllowList allowed) {
        this.allowed = allowed;
    }

    @Override
    public NodeExtension createNodeExtension(Node node) {
        return new DefaultNodeExtension(node) {
            @Override
            public void validateJoinRequest(JoinMessage joinMessage) {
                super.validateJoinRequest(joinMessage);
                Address joiner = joinMessage.getAddress();
                String refusal;
                try {
                    refusal = allowed.refusal(joiner.getInetAddress(), joiner.getPort()).orElse(null);
                } catch (UnknownHostException e) {
                    refusal = "Hazelcast member " + joiner + " states an address that does not resolve: refused to join";
                }
                if (refusal != null) {
                    LOG.warn("denied a cluster join: {}", refusal);
                    throw new IllegalStateException(refusal);
                }
            }
        };
    }
}
