package org.portops.state.audit;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;

/**
 * What the audit trail records, one record per kind the terminal must be able to account for. Each says who
 * acted ({@link #actor}), what happened ({@link #action}), to what ({@link #subject}) and the particulars
 * ({@link #details}) that an auditor needs to judge it.
 */
public sealed interface AuditEvent {

    /** A person, a machine or a module: {@code user:jdoe}, {@code machine:QC01}, {@code planner:crane}. */
    String actor();

    String action();

    String subject();

    JsonObject details();

    /** A planner published a new version of a plan. */
    record PlanChanged(String actor, String plan, long version, String why) implements AuditEvent {
        public PlanChanged {
            required(actor, "actor");
            required(plan, "plan");
            required(why, "why");
        }

        @Override
        public String action() {
            return "plan.changed";
        }

        @Override
        public String subject() {
            return plan;
        }

        @Override
        public JsonObject details() {
            return new JsonObject().put("version", version).put("why", why);
        }
    }

    /** A work instruction moved from one state to another; {@code from} is null for a new instruction. */
    record InstructionStateChanged(String actor, WorkInstructionId instruction, WorkInstructionState from,
                                   WorkInstructionState to, String reason) implements AuditEvent {
        public InstructionStateChanged {
            required(actor, "actor");
            Objects.requireNonNull(instruction, "instruction of a state change");
            Objects.requireNonNull(to, "new state of " + instruction);
            if (to == from) {
                throw new IllegalArgumentException("work instruction " + instruction + " stays " + to
                        + ": not a state change");
            }
        }

        @Override
        public String action() {
            return "instruction.state";
        }

        @Override
        public String subject() {
            return instruction.value();
        }

        @Override
        public JsonObject details() {
            JsonObject details = new JsonObject().put("from", from == null ? null : from.name()).put("to", to.name());
            return reason == null ? details : details.put("reason", reason);
        }
    }

    /** A person overrode what the system decided or recorded. */
    record ManualOverride(String actor, String subject, String what, String reason) implements AuditEvent {
        public ManualOverride {
            required(actor, "actor");
            required(subject, "subject");
            required(what, "what was overridden");
            required(reason, "reason of an override");
        }

        @Override
        public String action() {
            return "override";
        }

        @Override
        public JsonObject details() {
            return new JsonObject().put("what", what).put("reason", reason);
        }
    }

    /**
     * An EDI message received or sent. The trail keeps the message's digest, not its text: the digest proves
     * which message it was without copying commercial content into the log.
     */
    record EdiMessage(String actor, Direction direction, String messageType, String reference, String sha256)
            implements AuditEvent {
        public enum Direction { RECEIVED, SENT }

        public EdiMessage {
            required(actor, "actor");
            Objects.requireNonNull(direction, "direction of an EDI message");
            required(messageType, "message type");
            required(reference, "message reference");
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("EDI message " + reference
                        + " needs the SHA-256 of its content as 64 lower-case hex digits, was " + sha256);
            }
        }

        @Override
        public String action() {
            return "edi." + direction.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String subject() {
            return messageType + " " + reference;
        }

        @Override
        public JsonObject details() {
            return new JsonObject().put("type", messageType).put("reference", reference).put("sha256", sha256);
        }
    }

    /** A token was issued: to whom, for what role, bound to what, until when. */
    record TokenIssued(String actor, String holder, String role, String boundTo, Instant expiresAt)
            implements AuditEvent {
        public TokenIssued {
            required(actor, "actor");
            required(holder, "token holder");
            required(role, "role");
            Objects.requireNonNull(expiresAt, "expiry of the token of " + holder);
        }

        @Override
        public String action() {
            return "token.issued";
        }

        @Override
        public String subject() {
            return holder;
        }

        @Override
        public JsonObject details() {
            JsonObject details = new JsonObject().put("role", role).put("expiresAt", expiresAt.toString());
            return boundTo == null ? details : details.put("boundTo", boundTo);
        }
    }

    /** Refused or suspicious traffic: a spoofed or replayed reading, a denied request, a revoked certificate. */
    record SecurityEvent(String actor, String kind, String subject, String reason) implements AuditEvent {
        public SecurityEvent {
            required(actor, "actor");
            required(kind, "kind of security event");
            required(subject, "subject");
            required(reason, "reason");
        }

        @Override
        public String action() {
            return "security." + kind;
        }

        @Override
        public JsonObject details() {
            return new JsonObject().put("reason", reason);
        }
    }

    private static void required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " of an audit event must not be blank, was "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
