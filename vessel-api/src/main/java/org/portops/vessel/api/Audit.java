package org.portops.vessel.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.portops.state.store.AuditLog;
import org.portops.vessel.api.auth.Caller;

/** Records every change made through the API in the audit log: who ({@code user:<sub>}), what, to what. */
public final class Audit {

    private final AuditLog log;
    private final Clock clock;

    public Audit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public Future<Void> record(Caller caller, String action, String subject, JsonObject details) {
        return log.append(clock.instant(), "user:" + caller.subject(), action, subject,
                details.copy().put("roles", caller.toClaims().getJsonArray("roles"))).mapEmpty();
    }
}
