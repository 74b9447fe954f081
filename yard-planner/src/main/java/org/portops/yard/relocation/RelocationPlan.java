package org.portops.yard.relocation;

import java.util.List;

/** A complete answer to a {@link BlocksInstance}: every move in order. */
public record RelocationPlan(List<RelocationOp> ops) {

    public RelocationPlan {
        ops = List.copyOf(ops);
    }

    public int relocations() {
        return (int) ops.stream().filter(op -> op instanceof RelocationOp.Relocate).count();
    }
}
