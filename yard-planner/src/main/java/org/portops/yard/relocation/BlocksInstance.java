package org.portops.yard.relocation;

import java.util.ArrayList;
import java.util.List;

/**
 * One blocks relocation problem: a bay of {@code stacks.size()} stacks, each listed bottom to top by retrieval
 * priority (1 leaves first). {@code tiers} is H, the bay's initial tier count as the Caserta et al. instances
 * name it; stacks may grow to {@link #maxHeight()} = H + 2 while containers are relocated.
 */
public record BlocksInstance(String name, int tiers, List<List<Integer>> stacks) {

    public BlocksInstance {
        if (tiers < 1) {
            throw new IllegalArgumentException(name + ": tiers must be at least 1, was " + tiers);
        }
        if (stacks.size() < 2) {
            throw new IllegalArgumentException(name + ": a bay needs at least 2 stacks, has " + stacks.size());
        }
        List<List<Integer>> copy = new ArrayList<>();
        int count = 0;
        for (List<Integer> stack : stacks) {
            if (stack.size() > tiers + 2) {
                throw new IllegalArgumentException(name + ": stack " + (copy.size() + 1) + " holds " + stack.size()
                        + " containers, above the height limit " + (tiers + 2));
            }
            copy.add(List.copyOf(stack));
            count += stack.size();
        }
        boolean[] seen = new boolean[count + 1];
        for (List<Integer> stack : copy) {
            for (int priority : stack) {
                if (priority < 1 || priority > count || seen[priority]) {
                    throw new IllegalArgumentException(name + ": priorities must be 1.." + count + " each once; "
                            + priority + (priority >= 1 && priority <= count ? " repeats" : " is out of range"));
                }
                seen[priority] = true;
            }
        }
        stacks = List.copyOf(copy);
    }

    /** H + 2: the usual limit for this instance set (Caserta, Schwarze and Voß 2012; Expósito-Izquierdo et al.). */
    public int maxHeight() {
        return tiers + 2;
    }

    public int containers() {
        return stacks.stream().mapToInt(List::size).sum();
    }
}
