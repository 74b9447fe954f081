package org.portops.crane.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import org.portops.crane.qcsp.QcspInstance;

import java.util.List;

/**
 * The QCSP solution of a re-plan: the same model plus, as facts, each crane's started work ({@link PinnedPlace}) and
 * the last published plan's assignments ({@link PublishedAssignment}), so started work stays put and moving planned
 * work to another crane has a price.
 */
@PlanningSolution
public class ReplanSolution extends QcspSolution {
    @ProblemFactCollectionProperty
    private List<PublishedAssignment> publishedAssignments;
    @ProblemFactCollectionProperty
    private List<PinnedPlace> pinnedPlaces;

    public ReplanSolution() {
    }

    public ReplanSolution(QcspInstance instance, List<PlannedCrane> cranes, List<PlannedTask> tasks,
                          List<PublishedAssignment> publishedAssignments, List<PinnedPlace> pinnedPlaces) {
        super(instance, cranes, tasks);
        this.publishedAssignments = List.copyOf(publishedAssignments);
        this.pinnedPlaces = List.copyOf(pinnedPlaces);
    }

    public List<PublishedAssignment> getPublishedAssignments() {
        return publishedAssignments;
    }

    public void setPublishedAssignments(List<PublishedAssignment> publishedAssignments) {
        this.publishedAssignments = publishedAssignments;
    }

    public List<PinnedPlace> getPinnedPlaces() {
        return pinnedPlaces;
    }

    public void setPinnedPlaces(List<PinnedPlace> pinnedPlaces) {
        this.pinnedPlaces = pinnedPlaces;
    }
}
