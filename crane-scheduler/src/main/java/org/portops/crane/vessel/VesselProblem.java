package org.portops.crane.vessel;

import org.portops.crane.qcsp.CraneSchedule;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QcspSchedule;
import org.portops.crane.qcsp.Replanning;
import org.portops.crane.qcsp.ScheduledTask;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A vessel call as a crane scheduling problem: the QCSP instance (time in seconds from {@code planStart}, bays are
 * crane positions, work in crane cycles), each task's moves, and which terminal crane each QCSP crane is.
 */
public record VesselProblem(VesselCallId call, QcspInstance instance, List<VesselTask> tasks, List<EquipmentId> cranes,
                            CranePositions positions, Instant planStart) {
    public VesselProblem {
        tasks = List.copyOf(tasks);
        cranes = List.copyOf(cranes);
    }

    /**
     * The problem after a re-plan: {@code replanned} is its instance, and each task a wind stop cut keeps the cycles
     * done while the rest go to the new task.
     */
    public VesselProblem replanned(QcspInstance replanned, List<Replanning.Split> splits) {
        List<VesselTask> all = new ArrayList<>(tasks);
        for (Replanning.Split split : splits) {
            VesselTask whole = all.get(split.task() - 1);
            all.set(split.task() - 1, new VesselTask(split.task(), whole.position(), whole.phase(),
                    whole.cycles().subList(0, split.doneWork())));
            all.add(new VesselTask(split.rest(), whole.position(), whole.phase(),
                    whole.cycles().subList(split.doneWork(), whole.cycles().size())));
        }
        if (all.size() != replanned.tasks().size()) {
            throw new IllegalArgumentException("the re-planned instance of call " + call + " has " + replanned.tasks().size()
                    + " tasks but the moves make " + all.size() + ": map added moves with VesselCallMapper first");
        }
        return new VesselProblem(call, replanned, all, cranes, positions, planStart);
    }

    public VesselTask task(int number) {
        return tasks.get(number - 1);
    }

    public Instant timeOf(int seconds) {
        return planStart.plusSeconds(seconds);
    }

    /** One crane's moves in the order a schedule has it do them, each with its task's planned start. */
    public record CraneWorkList(EquipmentId crane, List<PlannedMove> moves) {
        public CraneWorkList {
            moves = List.copyOf(moves);
        }
    }

    public record PlannedMove(int task, Instant taskStart, CraneMove move) {
    }

    /** The work lists a schedule of this problem gives the cranes: what later becomes their work instructions. */
    public List<CraneWorkList> workLists(QcspSchedule schedule) {
        List<CraneWorkList> lists = new ArrayList<>();
        for (CraneSchedule crane : schedule.cranes()) {
            List<PlannedMove> moves = new ArrayList<>();
            for (ScheduledTask scheduled : crane.tasks()) {
                for (CraneMove move : task(scheduled.task()).moves()) {
                    moves.add(new PlannedMove(scheduled.task(), timeOf(scheduled.start()), move));
                }
            }
            lists.add(new CraneWorkList(cranes.get(crane.crane() - 1), moves));
        }
        return lists;
    }
}
