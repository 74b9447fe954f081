package org.portops.yard.relocation;

import java.util.Arrays;
import java.util.List;

/**
 * The solvers' mutable bay: stacks 0-based, each with its current minimum priority ({@code empty} = N + 1) so the
 * rules and bounds read it in constant time. Copies are cheap arrays; the checker never uses this class.
 */
final class Bay {
    final int[][] cells;
    final int[] height;
    final int[] min;
    /** The stack of each container by priority, so the target is found without a scan in every rollout step. */
    final int[] stackOf;
    final int maxHeight;
    final int empty;
    int next = 1;
    int relocations;

    private Bay(int[][] cells, int[] height, int[] min, int[] stackOf, int maxHeight, int empty) {
        this.cells = cells;
        this.height = height;
        this.min = min;
        this.stackOf = stackOf;
        this.maxHeight = maxHeight;
        this.empty = empty;
    }

    static Bay of(BlocksInstance instance) {
        int stacks = instance.stacks().size();
        Bay bay = new Bay(new int[stacks][instance.maxHeight()], new int[stacks], new int[stacks],
                new int[instance.containers() + 1], instance.maxHeight(), instance.containers() + 1);
        for (int s = 0; s < stacks; s++) {
            List<Integer> stack = instance.stacks().get(s);
            bay.height[s] = stack.size();
            bay.min[s] = bay.empty;
            for (int i = 0; i < stack.size(); i++) {
                bay.cells[s][i] = stack.get(i);
                bay.stackOf[stack.get(i)] = s;
                bay.min[s] = Math.min(bay.min[s], stack.get(i));
            }
        }
        return bay;
    }

    Bay copy() {
        int[][] cellsCopy = new int[cells.length][];
        for (int s = 0; s < cells.length; s++) {
            cellsCopy[s] = cells[s].clone();
        }
        Bay bay = new Bay(cellsCopy, height.clone(), min.clone(), stackOf.clone(), maxHeight, empty);
        bay.next = next;
        bay.relocations = relocations;
        return bay;
    }

    int stacks() {
        return cells.length;
    }

    boolean done() {
        return next == empty;
    }

    int top(int stack) {
        return cells[stack][height[stack] - 1];
    }

    /** The stack holding the next container due; only meaningful while not {@link #done()}. */
    int targetStack() {
        return stackOf[next];
    }

    boolean canReceive(int stack, int from) {
        return stack != from && height[stack] < maxHeight;
    }

    void relocate(int from, int to, List<RelocationOp> sink) {
        int container = cells[from][--height[from]];
        cells[to][height[to]++] = container;
        stackOf[container] = to;
        min[to] = Math.min(min[to], container);
        min[from] = stackMin(from);
        relocations++;
        if (sink != null) {
            sink.add(new RelocationOp.Relocate(from + 1, to + 1));
        }
    }

    /** Takes out every container that is due and on top, so each returned state waits on a relocation (or is done). */
    void retrieveReady(List<RelocationOp> sink) {
        while (!done()) {
            int s = targetStack();
            if (top(s) != next) {
                return;
            }
            height[s]--;
            min[s] = stackMin(s);
            next++;
            if (sink != null) {
                sink.add(new RelocationOp.Retrieve(s + 1));
            }
        }
    }

    private int stackMin(int stack) {
        int m = empty;
        for (int i = 0; i < height[stack]; i++) {
            m = Math.min(m, cells[stack][i]);
        }
        return m;
    }

    /**
     * {@link #key()} as a 64-bit hash, for the beam's duplicate check, where a string per child would cost as much as
     * its rollout (the string is built only for two bays with one hash, to tell a duplicate from a collision): the
     * stacks' hashes are mixed and summed, so stack order does not change it.
     */
    long hash() {
        long sum = 0;
        for (int s = 0; s < cells.length; s++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int i = 0; i < height[s]; i++) {
                h = (h ^ cells[s][i]) * 0xBF58476D1CE4E5B9L;
                h ^= h >>> 31;
            }
            sum += mix(h + height[s]);
        }
        return sum;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Stack order does not matter to the cost still to come, so states equal up to it share this key. */
    String key() {
        String[] stacks = new String[cells.length];
        for (int s = 0; s < cells.length; s++) {
            stacks[s] = Arrays.toString(Arrays.copyOf(cells[s], height[s]));
        }
        Arrays.sort(stacks);
        return String.join("", stacks);
    }
}
