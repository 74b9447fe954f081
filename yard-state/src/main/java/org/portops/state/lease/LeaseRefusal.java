package org.portops.state.lease;

import java.time.Instant;

/** Why a plan write under a lease token was refused. */
public sealed interface LeaseRefusal {

    /** Operator-language reason, naming the term that now counts. */
    String reason();

    /** No node ever held this planner's lease. */
    record NeverLeased() implements LeaseRefusal {
        @Override
        public String reason() {
            return "no node ever held this planner's lease";
        }
    }

    /** A newer term took over: the token is stale. */
    record Superseded(long currentToken, NodeId currentHolder) implements LeaseRefusal {
        @Override
        public String reason() {
            return "superseded by token " + currentToken + " of node " + currentHolder;
        }
    }

    /** The term is still the latest but ran out without renewal; a takeover may come at any moment. */
    record Expired(Instant expiredAt) implements LeaseRefusal {
        @Override
        public String reason() {
            return "the lease expired at " + expiredAt + " without renewal";
        }
    }
}
