package org.portops.model.vessel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.portops.model.Validation;
import org.portops.model.container.ContainerNumber;

/**
 * A vessel call's bay plan. A container appears at most once, and a stowage position is taken at most once on
 * each side of the call: among the containers on board on arrival (discharge, restow, remain on board) and among
 * those on board on departure (load, remain on board). Positions are compared in 20' bays, so a 40' container in
 * even bay 34 also takes bays 33 and 35 of its row and tier.
 */
public record BayPlan(List<BayPlanEntry> entries) {

    public static final BayPlan EMPTY = new BayPlan(List.of());

    public BayPlan {
        entries = List.copyOf(Validation.notNull(entries, "bay plan entries"));
        List<String> problems = problems(entries);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("bay plan: " + String.join("; ", problems));
        }
    }

    public List<BayPlanEntry> withAction(BayPlanAction action) {
        return entries.stream().filter(e -> e.action() == action).toList();
    }

    private static List<String> problems(List<BayPlanEntry> entries) {
        List<String> problems = new ArrayList<>();
        Map<ContainerNumber, BayPlanEntry> byContainer = new HashMap<>();
        Map<String, BayPlanEntry> arrival = new HashMap<>();
        Map<String, BayPlanEntry> departure = new HashMap<>();
        for (BayPlanEntry entry : entries) {
            BayPlanEntry same = byContainer.putIfAbsent(entry.container().number(), entry);
            if (same != null) {
                problems.add("container " + entry.container().number() + " appears twice (" + same.slot() + " "
                        + same.action() + ", " + entry.slot() + " " + entry.action() + ")");
            }
            if (entry.action().onBoardOnArrival()) {
                claim(arrival, entry, "on arrival", problems);
            }
            if (entry.action().onBoardOnDeparture()) {
                claim(departure, entry, "on departure", problems);
            }
        }
        return problems;
    }

    private static void claim(Map<String, BayPlanEntry> taken, BayPlanEntry entry, String side,
                              List<String> problems) {
        for (String position : twentyFootPositions(entry.slot())) {
            BayPlanEntry other = taken.putIfAbsent(position, entry);
            if (other != null) {
                problems.add("slot " + entry.slot() + " of " + entry.container().number() + " overlaps "
                        + other.slot() + " of " + other.container().number() + " " + side);
                return;
            }
        }
    }

    private static List<String> twentyFootPositions(StowageSlot slot) {
        int bay = slot.bay().number();
        String rowTier = "/" + slot.row() + slot.tier();
        if (slot.bay().isFortyFootBay()) {
            return List.of((bay - 1) + rowTier, (bay + 1) + rowTier);
        }
        return List.of(bay + rowTier);
    }
}
