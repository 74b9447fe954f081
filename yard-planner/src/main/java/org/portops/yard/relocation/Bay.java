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
    final int maxHeight;
    final int empty;
    int next = 1;
    int relocations;

    private Bay(int[][] cells, int[] height, int[] min, int maxHeight, int empty) {
        this.cells = cells;
        this.height = height;
        this.min = min;
        this.maxHeight = maxHeight;
        this.empty = empty;
    }

    static Bay of(BlocksInstance instance) {
        int stacks = instance.stacks().size();
        Bay bay = new Bay(new int[stacks][instance.maxHeight()], new int[stacks], new int[stacks],
                instance.maxHeight(), instance.containers() + 1);
        for (int s = 0; s < stacks; s++) {
            List<Integer> stack = instance.stacks().get(s);
            bay.height[s] = stack.size();
            bay.min[s] = bay.empty;
            for (int i = 0; i < stack.size(); i++) {
                bay.cells[s][i] = stack.get(i);
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
        Bay bay = new Bay(cellsCopy, height.clone(), min.clone(), maxHeight, empty);
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
        for (int s = 0; s < min.length; s++) {
            if (min[s] == next) {
                return s;
            }
        }
        throw new IllegalStateException("container " + next + " is in no stack");
    }

    boolean canReceive(int stack, int from) {
        return stack != from && height[stack] < maxHeight;
    }

    void relocate(int from, int to, List<RelocationOp> sink) {
        int container = cells[from][--height[from]];
        cells[to][height[to]++] = container;
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
