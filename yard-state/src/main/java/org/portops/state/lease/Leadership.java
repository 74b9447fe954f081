package org.portops.state.lease;

/**
 * What a node does when it starts and stops leading a planner; called on the {@link LeaderElector}'s context, so
 * it must hand off and return (deploy the planner, undeploy it), never block.
 */
public interface Leadership {

    /** This node leads from now on; every plan write of the term carries {@code lease} (its token). */
    void onElected(Lease lease);

    /**
     * This node no longer leads, or can no longer be sure it does: stop planning. A write still in flight is
     * refused by the fence if another node took over.
     */
    void onRevoked(Lease lease, String reason);
}
