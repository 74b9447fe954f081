package org.portops.crane.split;

import org.portops.crane.qcsp.CraneTask;
import org.portops.crane.qcsp.Precedence;
import org.portops.crane.vessel.VesselProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * A vessel's detailed work for the single-vessel QCSP: tasks (processing time in crane cycles, bay = crane position),
 * precedences, travel seconds per position and the safety margin in positions.
 */
public record VesselWorkPlan(int positions, List<CraneTask> tasks, List<Precedence> precedences, int travelPerPosition,
                             int safetyMargin) {
    public VesselWorkPlan {
        tasks = List.copyOf(tasks);
        precedences = List.copyOf(precedences);
    }

    /** The tasks and precedences the vessel mapper made from the call's bay plan. */
    public static VesselWorkPlan of(VesselProblem problem) {
        return new VesselWorkPlan(problem.instance().bays(), problem.instance().tasks(), problem.instance().precedences(),
                problem.instance().travelTimePerBay(), problem.instance().safetyMargin());
    }

    /**
     * Tasks from a work-per-bay profile: each position's cycles cut into tasks of at most {@code maxCyclesPerTask},
     * worked in order (one after the other, as the phases of one bay are).
     */
    public static VesselWorkPlan fromProfile(SplitVessel vessel, int maxCyclesPerTask, int travelPerPosition,
                                             int safetyMargin) {
        if (maxCyclesPerTask < 1) {
            throw new IllegalArgumentException("a task must hold 1 or more cycles, was " + maxCyclesPerTask);
        }
        List<CraneTask> tasks = new ArrayList<>();
        List<Precedence> precedences = new ArrayList<>();
        for (BayWork bay : vessel.bays()) {
            int previous = 0;
            for (int done = 0; done < bay.cycles(); done += maxCyclesPerTask) {
                int number = tasks.size() + 1;
                tasks.add(new CraneTask(number, Math.min(maxCyclesPerTask, bay.cycles() - done), bay.position()));
                if (previous != 0) {
                    precedences.add(new Precedence(previous, number));
                }
                previous = number;
            }
        }
        return new VesselWorkPlan(vessel.positions(), tasks, precedences, travelPerPosition, safetyMargin);
    }
}
