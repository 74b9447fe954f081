package org.portops.sim.twin;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.yard.BlockId;

import java.time.Duration;

/**
 * One thing that happens in a what-if scenario, at a time counted from the start of the run. Each event checks its
 * own values; the run checks them against the terminal (a crane it does not have, a block it does not have).
 */
public sealed interface ScenarioEvent {

    /** When it happens, from the start of the run. */
    Duration at();

    /** The text form {@link Scenario#parse} reads, for reports and for the command line. */
    String describe();

    /** A crane (or any machine) breaks down at {@code at} and is repaired {@code repairAfter} later. */
    record Breakdown(EquipmentId machine, Duration at, Duration repairAfter) implements ScenarioEvent {
        public Breakdown {
            notNegative(at, "breakdown time");
            positive(repairAfter, "repair time of " + machine.value());
        }

        @Override
        public String describe() {
            return "breakdown:" + machine.value() + "@" + Scenario.text(at) + "+" + Scenario.text(repairAfter);
        }
    }

    /**
     * A vessel call arrives {@code shift} later (negative: earlier) than planned: its ETA, berthing and departure move
     * by that much. Applies at the start of the run, to a call not yet alongside.
     */
    record VesselShift(VesselCallId call, Duration shift) implements ScenarioEvent {
        public VesselShift {
            if (shift.isZero()) {
                throw new IllegalArgumentException("vessel " + call.value() + ": a shift of 0 changes nothing");
            }
        }

        @Override
        public Duration at() {
            return Duration.ZERO;
        }

        @Override
        public String describe() {
            return "vessel:" + call.value() + (shift.isNegative() ? "-" : "+") + Scenario.text(shift.abs());
        }
    }

    /** A yard block takes no new box and gives no box to the gate from {@code at}, for {@code duration}. */
    record BlockClosed(BlockId block, Duration at, Duration duration) implements ScenarioEvent {
        public BlockClosed {
            notNegative(at, "closing time of block " + block.value());
            positive(duration, "closure of block " + block.value());
        }

        @Override
        public String describe() {
            return "block-closed:" + block.value() + "@" + Scenario.text(at) + "+" + Scenario.text(duration);
        }
    }

    /** Trucks arrive {@code factor} times as often as usual from {@code at}, for {@code duration}. */
    record GateSurge(double factor, Duration at, Duration duration) implements ScenarioEvent {
        public GateSurge {
            if (!(factor > 0 && factor <= 20)) {
                throw new IllegalArgumentException("gate surge factor must be above 0 and at most 20, was " + factor);
            }
            notNegative(at, "gate surge time");
            positive(duration, "gate surge");
        }

        @Override
        public String describe() {
            return "gate-surge:" + factor + "@" + Scenario.text(at) + "+" + Scenario.text(duration);
        }
    }

    /**
     * {@code tractors} terminal tractors stop (the lowest ids, so the same ones every run) from {@code at}, for
     * {@code duration}: drivers missing, vehicles in the workshop.
     */
    record TractorShortage(int tractors, Duration at, Duration duration) implements ScenarioEvent {
        public TractorShortage {
            if (tractors < 1) {
                throw new IllegalArgumentException("a tractor shortage takes at least 1 tractor, was " + tractors);
            }
            notNegative(at, "tractor shortage time");
            positive(duration, "tractor shortage");
        }

        @Override
        public String describe() {
            return "tractors-out:" + tractors + "@" + Scenario.text(at) + "+" + Scenario.text(duration);
        }
    }

    private static void notNegative(Duration duration, String what) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + duration);
        }
    }

    private static void positive(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must last more than 0, was " + duration);
        }
    }
}
