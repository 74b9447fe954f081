package org.portops.crane.dispatch;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Why a dispatch constraint matched, in operator language, naming the job it concerns. Score analysis hands these
 * out per match; {@link TransportDispatcher#decisions} groups them by job for the decision journal.
 */
public sealed interface DispatchJustification extends ConstraintJustification
        permits DispatchJustification.CannotCarry, DispatchJustification.CraneWaits, DispatchJustification.EmptyDrive,
        DispatchJustification.Reassigned, DispatchJustification.YardShiftLate {

    TransportJobId job();

    String describe();

    record CannotCarry(TransportJobId job, EquipmentId vehicle, EquipmentKind kind, Set<EquipmentKind> carriers)
            implements DispatchJustification {
        public CannotCarry {
            carriers = Collections.unmodifiableSet(EnumSet.copyOf(carriers));
        }

        @Override
        public String describe() {
            return vehicle + " (" + kind + ") cannot carry job " + job + ", which needs one of " + carriers;
        }
    }

    /** The vehicle reaches the crane {@code seconds} after the crane needs it: the crane waits that long. */
    record CraneWaits(TransportJobId job, EquipmentId vehicle, CraneMove move, int seconds)
            implements DispatchJustification {
        @Override
        public String describe() {
            return vehicle + " arrives " + seconds + " s late for " + move.crane() + " move " + move.sequence();
        }
    }

    record EmptyDrive(TransportJobId job, EquipmentId vehicle, String from, String to, int seconds)
            implements DispatchJustification {
        @Override
        public String describe() {
            return vehicle + " drives empty " + seconds + " s from " + from + " to " + to + " for job " + job;
        }
    }

    /** The job was published to {@code before} and is now planned on {@code now}. */
    record Reassigned(TransportJobId job, EquipmentId before, EquipmentId now) implements DispatchJustification {
        @Override
        public String describe() {
            return "job " + job + " moves from " + before + " to " + now;
        }
    }

    record YardShiftLate(TransportJobId job, EquipmentId vehicle, int seconds) implements DispatchJustification {
        @Override
        public String describe() {
            return vehicle + " finishes yard shift " + job + " " + seconds + " s late";
        }
    }
}
