package org.portops.state.store;

/** Another writer took the move log's lease: this one may not append any more. */
public final class WriterFencedException extends IllegalStateException {

    public WriterFencedException(long epoch) {
        super("this yard writer (lease epoch " + epoch + ") was replaced by a newer writer; its moves are refused");
    }
}
