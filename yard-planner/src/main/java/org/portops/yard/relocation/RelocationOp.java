package org.portops.yard.relocation;

/** One crane move in a relocation plan; stacks are numbered from 1 as in the instance file. */
public sealed interface RelocationOp {

    /** Takes the top container of {@code stack} out of the bay. */
    record Retrieve(int stack) implements RelocationOp {
    }

    /** Moves the top container of {@code from} onto {@code to}. */
    record Relocate(int from, int to) implements RelocationOp {
    }
}
