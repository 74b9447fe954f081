package org.portops.state.audit;

/**
 * The result of checking the audit chain.
 *
 * @param rowsChecked the rows that fit, before the first broken one
 * @param headId      the id of the last row that fits, 0 when none
 * @param headHash    the hash of the last row that fits: note it down elsewhere to notice later that rows after
 *                    it were cut off, which a chain alone cannot show
 * @param firstBreak  the first row that does not fit, null when the whole chain holds
 */
public record ChainCheck(long rowsChecked, long headId, String headHash, Break firstBreak) {

    /** Why a row does not fit. */
    public enum Problem {
        /** The row's content or id no longer gives its hash. */
        CONTENT_CHANGED,
        /** The row's hash is its own, but it does not name the hash of the row before it. */
        LINK_BROKEN,
        /** The anchored row is there, with another hash than the one noted down. */
        ANCHOR_MISMATCH,
        /** The anchored row is gone, or the chain ends before it. */
        CUT_OFF
    }

    /** The first broken row. */
    public record Break(long id, Problem problem, String explanation) {
    }

    public boolean intact() {
        return firstBreak == null;
    }
}
