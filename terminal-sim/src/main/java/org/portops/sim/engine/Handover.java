package org.portops.sim.engine;

import org.portops.model.equipment.Position;

/** Where a carrier goes at a crane: the serving point when the crane works its job, else its place in the queue. */
final class Handover {

    private Handover() {
    }

    static Position atQuayCrane(Job job) {
        int rank = job.quayCrane.motion.rank(job);
        if (rank < 0) {
            return job.quayCrane.waitingPoint(job, job.quayCrane.motion.queued() + 1);
        }
        return rank > 0 ? job.quayCrane.waitingPoint(job, rank) : job.quayPoint;
    }

    static Position atYardCrane(Job job) {
        int rank = job.yardCrane.motion.rank(job);
        return rank > 0 ? job.yardCrane.waitingPoint(job, rank) : job.yardPoint;
    }
}
