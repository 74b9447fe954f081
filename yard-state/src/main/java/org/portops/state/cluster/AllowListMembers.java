package org.portops.state.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceFactory;

/** Starts Hazelcast members that admit only the members of a {@link MemberAllowList} into their cluster. */
public final class AllowListMembers {

    private AllowListMembers() {
    }

    /** A started member of {@code config}'s cluster that refuses to let members outside {@code allowed} join. */
    public static HazelcastInstance start(Config config, MemberAllowList allowed) {
        return HazelcastInstanceFactory.newHazelcastInstance(config, config.getInstanceName(),
                new AllowListNodeContext(allowed));
    }
}
