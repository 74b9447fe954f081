package org.portops.yard.slot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portops.model.container.ContainerNumber;
import org.portops.model.yard.YardSlot;
import org.portops.yard.slot.solver.SlotAllocation;
import org.portops.yard.slot.solver.SlotOption;

/**
 * Slot allocation as containers are announced. Each announcement is one decision: the announced containers, each
 * with its candidate slots pre-filtered from the whole yard ({@link SlotOptions}), solved by Timefold and written into
 * the planner's {@link YardModel} at once, so the next announcement sees it. The yard is never re-solved: a decision
 * made is a reservation the yard keeps, as it is for the machines that already drive there.
 */
public final class SlotPlanner {
    private final YardModel yard;
    private final Clock clock;
    private final SlotOptions.Limits limits;

    public SlotPlanner(YardModel yard, Clock clock) {
        this(yard, clock, SlotOptions.Limits.DEFAULT);
    }

    SlotPlanner(YardModel yard, Clock clock, SlotOptions.Limits limits) {
        this.yard = yard;
        this.clock = clock;
        this.limits = limits;
    }

    public YardModel yard() {
        return yard;
    }

    /** Plans one announced container. */
    public SlotDecision announce(SlotRequest request) {
        return announce(List.of(request)).getFirst();
    }

    /**
     * Plans containers announced together (a bay plan's discharge, a train) in one decision, so they do not take
     * each other's stacks or come too close as dangerous goods. Decisions come back in the order of the requests.
     */
    public List<SlotDecision> announce(List<SlotRequest> requests) {
        Instant now = clock.instant();
        Map<ContainerNumber, SlotDecision> decisions = new LinkedHashMap<>();
        List<SlotAllocation.Request> solvable = new ArrayList<>();
        for (SlotRequest request : requests) {
            YardBox box = YardBox.of(request);
            SlotOptions.Result options = SlotOptions.build(yard, box, request.origin(), now, limits);
            if (options.options().isEmpty()) {
                decisions.put(box.number(), new SlotDecision.NoSlot(box.number(), options.refusals()));
            } else {
                decisions.put(box.number(), null);
                solvable.add(new SlotAllocation.Request(box, options.options()));
            }
        }
        if (solvable.size() == 1) {
            SlotAllocation.Request only = solvable.getFirst();
            decisions.put(only.box().number(), place(only, now));
        } else if (!solvable.isEmpty() && !placeTogether(solvable, now, decisions)) {
            for (SlotRequest request : requests) {
                if (decisions.get(request.container().number()) == null) {
                    decisions.put(request.container().number(), one(request, now));
                }
            }
        }
        return List.copyOf(decisions.values());
    }

    /** Solves the batch in one problem; false (nothing placed) when it cannot keep every hard rule. */
    private boolean placeTogether(List<SlotAllocation.Request> requests, Instant now,
                                  Map<ContainerNumber, SlotDecision> decisions) {
        SlotAllocation.Outcome outcome = SlotAllocation.solve(requests);
        if (!outcome.feasible()) {
            return false;
        }
        for (int i = 0; i < requests.size(); i++) {
            SlotAllocation.Choice choice = outcome.choices().get(i);
            YardSlot slot = yard.place(requests.get(i).box(), choice.option().stackNumber(), now);
            decisions.put(choice.container(), new SlotDecision.Placed(choice.container(), slot, outcome.score(),
                    choice.reasons()));
        }
        return true;
    }

    private SlotDecision one(SlotRequest request, Instant now) {
        YardBox box = YardBox.of(request);
        SlotOptions.Result options = SlotOptions.build(yard, box, request.origin(), now, limits);
        if (options.options().isEmpty()) {
            return new SlotDecision.NoSlot(box.number(), options.refusals());
        }
        return place(new SlotAllocation.Request(box, options.options()), now);
    }

    private SlotDecision place(SlotAllocation.Request request, Instant now) {
        SlotAllocation.Outcome outcome = SlotAllocation.solve(List.of(request));
        SlotOption option = outcome.choices().getFirst().option();
        YardSlot slot = yard.place(request.box(), option.stackNumber(), now);
        return new SlotDecision.Placed(request.box().number(), slot, outcome.score(),
                outcome.choices().getFirst().reasons());
    }

    /** A container left the yard (loaded, gated out): its slot is free again. It must be on top of its stack. */
    public YardSlot retrieved(ContainerNumber container) {
        return yard.remove(container, clock.instant());
    }
}
