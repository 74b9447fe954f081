package org.portops.crane.live;

import org.portops.crane.dispatch.DispatchDecision;
import org.portops.crane.dispatch.DispatchFigures;
import org.portops.crane.dispatch.TransportJobId;
import org.portops.crane.dispatch.mapping.InstructionUpdate;
import org.portops.crane.dispatch.mapping.TransportRound;
import org.portops.crane.journal.JournaledPlan;
import org.portops.crane.journal.JournaledRound;
import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.solver.CraneReplanning.Reason;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A published crane plan or transport round as the decision journal records it: one decision per instruction version
 * published.
 */
final class JournalMapping {

    private JournalMapping() {
    }

    static JournaledPlan journaled(Published published, Replanner.Decisions decisions,
                                   Function<WorkInstructionId, TaskId> taskOf) {
        LivePlan plan = published.plan();
        Map<WorkInstructionId, EquipmentId> previous = new HashMap<>(published.diff().previousMachines());
        List<JournaledPlan.Decision> rows = published.diff().changed().stream().map(version -> {
            TaskId task = taskOf.apply(version.id());
            EquipmentId had = previous.put(version.id(), machine(version));
            return new JournaledPlan.Decision(version, had,
                    decisions.reasons().getOrDefault(task, List.of()).stream().map(JournalMapping::justification).toList(),
                    decisions.alternatives().getOrDefault(task, List.of()).stream()
                            .map(a -> new JournaledPlan.Alternative(a.crane(), a.score())).toList());
        }).toList();
        List<JournaledPlan.TaskMove> diff = published.diff().taskMoves().stream()
                .map(move -> new JournaledPlan.TaskMove(move.task().value(), move.from(), move.to(), move.openMoves()))
                .toList();
        return new JournaledPlan(plan.call(), plan.version(), plan.publishedAt(),
                new JournaledPlan.Trigger(published.event().kind(), published.event().describe()), plan.score(),
                (int) Duration.between(plan.publishedAt(), plan.completion()).toSeconds(), diff, rows);
    }

    /**
     * A published transport round as the decision journal records it: one decision per update live state applied,
     * with the vehicle it names, the vehicle it named before, and the reasons and alternatives of its job.
     */
    static JournaledRound round(JournaledPlan.Trigger trigger, TransportRound.Outcome outcome,
                                List<DispatchDecision> decisions, Instant at) {
        Map<TransportJobId, DispatchDecision> byJob = new HashMap<>();
        decisions.forEach(decision -> byJob.put(decision.job(), decision));
        List<JournaledRound.Decision> rows = outcome.applied().stream().map(update -> {
            WorkInstruction next = update.next();
            EquipmentId previous = switch (update) {
                case InstructionUpdate.Create created -> null;
                case InstructionUpdate.Change change -> outcome.vehicleOf(change.expected()).orElse(null);
            };
            DispatchDecision why = byJob.get(new TransportJobId(next.id().value()));
            return new JournaledRound.Decision(next, callOf(next), outcome.vehicleOf(next).orElse(null), previous,
                    why == null ? List.of() : why.reasons().stream().map(reason -> new JournaledPlan.Justification(
                            reason.constraint(), reason.score(), reason.text())).toList(),
                    why == null ? List.of() : why.alternatives().stream().map(alternative ->
                            new JournaledPlan.Alternative(alternative.vehicle(), alternative.scoreDifference())).toList());
        }).toList();
        DispatchFigures figures = outcome.plan().figures();
        return new JournaledRound(at, trigger, outcome.plan().score(), figures.craneWaiting().toSeconds(),
                figures.emptyDriving().toSeconds(), figures.dualCycles(), (int) outcome.changes().reassignments(), rows);
    }

    private static VesselCallId callOf(WorkInstruction move) {
        if (move.from() instanceof VesselLocation vessel) {
            return vessel.call();
        }
        return move.to() instanceof VesselLocation vessel ? vessel.call() : null;
    }

    private static EquipmentId machine(WorkInstruction version) {
        return version.assigned().isEmpty() ? null : version.assigned().getFirst();
    }

    private static JournaledPlan.Justification justification(Reason reason) {
        return new JournaledPlan.Justification(reason.constraint(), reason.score(), reason.text());
    }
}
