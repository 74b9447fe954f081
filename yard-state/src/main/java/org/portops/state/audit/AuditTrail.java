package org.portops.state.audit;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import org.portops.state.store.AuditLog;

/**
 * The tamper-evident audit trail: plan changes, work-instruction state changes, manual overrides, EDI messages,
 * token issues and security events, each appended to {@code audit_log}. The database chains the rows as they are
 * written (one chain even under concurrent writers: the trigger holds an advisory lock until commit);
 * {@link #verify()} checks the chain independently of it.
 */
public final class AuditTrail {

    private final AuditLog log;
    private final AuditChain chain;
    private final Clock clock;

    public AuditTrail(Pool pool, Clock clock) {
        this.log = new AuditLog(pool);
        this.chain = new AuditChain(pool);
        this.clock = clock;
    }

    /** Appends {@code event}, stamped with the clock's time; completes once the row is committed. */
    public Future<AuditLog.AuditEntry> append(AuditEvent event) {
        return log.append(clock.instant(), event.actor(), event.action(), event.subject(), event.details());
    }

    /** Recomputes the whole chain; see {@link AuditChain}. */
    public Future<ChainCheck> verify() {
        return chain.verify();
    }
}
