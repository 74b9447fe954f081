package org.portops.crane.live;

import org.portops.crane.journal.JournaledPlan;
import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.solver.CraneReplanning.Reason;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A published plan as the decision journal records it: one decision per instruction version published. */
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

    private static EquipmentId machine(WorkInstruction version) {
        return version.assigned().isEmpty() ? null : version.assigned().getFirst();
    }

    private static JournaledPlan.Justification justification(Reason reason) {
        return new JournaledPlan.Justification(reason.constraint(), reason.score(), reason.text());
    }
}
