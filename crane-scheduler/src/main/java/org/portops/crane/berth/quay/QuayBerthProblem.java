package org.portops.crane.berth.quay;

import org.portops.model.vessel.VesselCallId;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One berth planning problem on the continuous quay: the quay, the settings, the moment of planning, the calls,
 * and the berthing times last published per call (what the stability cost measures changes against; empty for a
 * first plan). Times inside the planner are whole minutes from {@link #epoch()}: the planning moment rounded down
 * to the settings' time step, counted from the Unix epoch, so berthing times of plans made at different moments
 * lie on one grid and a plan can start from the last one.
 */
public record QuayBerthProblem(QuayLayout quay, BerthSettings settings, Instant now, List<BerthCall> calls,
                               Map<VesselCallId, Instant> published) {

    public QuayBerthProblem {
        calls = List.copyOf(calls);
        published = Map.copyOf(published);
        Set<VesselCallId> ids = new HashSet<>();
        for (BerthCall call : calls) {
            if (!ids.add(call.id())) {
                throw new IllegalArgumentException("vessel call " + call.id() + " appears twice in the berth problem");
            }
            if (call.lengthMeters() > quay.lengthMeters()) {
                throw new IllegalArgumentException("vessel call " + call.id() + " (" + call.vesselName() + ", "
                        + call.lengthMeters() + " m) is longer than the quay's " + quay.lengthMeters() + " m");
            }
        }
    }

    public Instant epoch() {
        long minutes = now.truncatedTo(ChronoUnit.MINUTES).getEpochSecond() / 60;
        return Instant.ofEpochSecond((minutes - Math.floorMod(minutes, settings.timeStepMinutes())) * 60);
    }

    /** {@code instant} in minutes from the epoch, rounded up (a vessel cannot berth before it is there). */
    public int minute(Instant instant) {
        return (int) Math.ceilDiv(Duration.between(epoch(), instant).getSeconds(), 60);
    }

    public Instant instant(int minute) {
        return epoch().plus(Duration.ofMinutes(minute));
    }

    /**
     * The first minute the call can berth: when it lies alongside already, since then; else the first time on the
     * grid at or after both its ETA and now.
     */
    public int earliestBerthing(BerthCall call) {
        if (call.isAlongside()) {
            return minute(call.alongside().since());
        }
        int step = settings.timeStepMinutes();
        return Math.ceilDiv(Math.max(minute(now), minute(call.eta())), step) * step;
    }

    /** Whether a planned slot lies on the call's search grid and within its ranges (a plan can start from it). */
    public boolean onGrid(BerthCall call, QuaySlot slot) {
        return slot.startMinute() >= earliestBerthing(call) && slot.startMinute() <= latestBerthing(call)
                && Math.floorMod(slot.startMinute(), settings.timeStepMinutes()) == 0
                && slot.fromMeter() % settings.positionStepMeters() == 0
                && slot.fromMeter() + call.lengthMeters() <= quay.lengthMeters()
                && slot.cranes() >= 1 && slot.cranes() <= maxCranes(call);
    }

    public int latestBerthing(BerthCall call) {
        return call.isAlongside() ? earliestBerthing(call)
                : earliestBerthing(call) + settings.horizonHours() * 60;
    }

    public int maxCranes(BerthCall call) {
        return Math.min(call.maxCranes(), Math.max(1, quay.quayCranes()));
    }
}
