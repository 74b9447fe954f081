package org.portops.sim.twin.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decision guardrails: what the planners may do alone. Each proposed {@link Decision} goes through the policy of its
 * kind: applied at once ({@link Autonomy.Automatic}), applied but open to a veto that puts the previous plan back
 * ({@link Autonomy.UnlessVetoed}), or held until an operator approves it ({@link Autonomy.AskFirst}). A decision
 * that would cross one of the kind's {@link Limit}s is escalated, held for approval whatever the autonomy, with the
 * reasons, the planner's explanation and the what-if of accepting versus rejecting it. Every choice, the planner's
 * and the operators', is in the audit trail with who made it and when. Safe to call from several threads.
 *
 * @param <P> the plan type the decisions carry
 */
public final class Guardrails<P> {
    private static final Logger LOG = LoggerFactory.getLogger(Guardrails.class);
    /** Who the audit trail names for what the guardrails did on their own. */
    public static final String AUTOMATIC = "automatic";

    /** What became of a proposal. */
    public sealed interface Outcome {
        /** In force now; {@code vetoUntil} is null when no veto is possible. */
        record Applied(Instant vetoUntil) implements Outcome {
        }

        /** Held for approval: because the kind asks first, or because of the limits it would cross (reasons). */
        record AwaitingApproval(List<String> reasons) implements Outcome {
            public AwaitingApproval {
                reasons = List.copyOf(reasons);
            }
        }
    }

    /** What became of an operator's choice: done, or refused with the reason. */
    public sealed interface Answer {
        record Done() implements Answer {
        }

        record Refused(String reason) implements Answer {
        }
    }

    /** A decision waiting for an operator, as the operator map shows it. */
    public record Escalation<P>(Decision<P> decision, List<String> reasons, Optional<P> inForce,
                                Optional<Foresight.Comparison> whatIf, Instant since) {
    }

    /** One line of the audit trail. */
    public record AuditEntry(Instant at, Decision.Id decision, DecisionKind kind, String subject, Action action,
                             String who, String reason) {
    }

    public enum Action {
        PROPOSED, APPLIED, ESCALATED, APPROVED, REJECTED, VETOED
    }

    private enum Status {
        PROPOSED, IN_FORCE, AWAITING_APPROVAL, REJECTED, VETOED
    }

    /** A decision's life: its status, the plan it replaced (to restore on a veto) and until when it can be vetoed. */
    private static final class Entry<P> {
        final Decision<P> decision;
        Status status = Status.PROPOSED;
        Optional<P> replaced = Optional.empty();
        Instant vetoUntil;
        Escalation<P> escalation;

        Entry(Decision<P> decision) {
            this.decision = decision;
        }
    }

    private record Subject(DecisionKind kind, String name) {
    }

    private final Map<DecisionKind, Policy> policies;
    private final Foresight<P> foresight;
    private final Clock clock;
    private final Map<Decision.Id, Entry<P>> decisions = new LinkedHashMap<>();
    private final Map<Subject, P> inForce = new HashMap<>();
    /** The decision whose plan is in force for a subject, so a veto of an older one cannot undo a newer one. */
    private final Map<Subject, Decision.Id> lastApplied = new HashMap<>();
    private final Map<Subject, Instant> appliedAt = new HashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();

    /**
     * @param policies  the operator's settings; a kind without one asks first
     * @param foresight the what-if of an escalated decision
     */
    public Guardrails(Map<DecisionKind, Policy> policies, Foresight<P> foresight, Clock clock) {
        this.policies = new EnumMap<>(DecisionKind.class);
        this.policies.putAll(policies);
        this.foresight = Objects.requireNonNull(foresight, "foresight");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The plan in force for a subject: the last applied or approved decision's, or what a veto restored. */
    public synchronized Optional<P> inForce(DecisionKind kind, String subject) {
        return Optional.ofNullable(inForce.get(new Subject(kind, subject)));
    }

    /**
     * Applies the decision or holds it for approval. The what-if of a held decision runs outside the guardrails'
     * lock, so other decisions and the operators' choices go on meanwhile; the decision shows as awaiting approval
     * once its what-if is there.
     *
     * @throws IllegalArgumentException when a decision with the same id was proposed before
     */
    public Outcome propose(Decision<P> decision) {
        Entry<P> entry;
        List<String> reasons;
        Optional<P> current;
        synchronized (this) {
            if (decisions.containsKey(decision.id())) {
                throw new IllegalArgumentException("decision " + decision.id().value() + " was proposed before");
            }
            entry = new Entry<>(decision);
            decisions.put(decision.id(), entry);
            record(decision, Action.PROPOSED, AUTOMATIC, decision.explanation());
            Policy policy = policies.getOrDefault(decision.kind(), Policy.ASK_FIRST);
            reasons = crossed(decision, policy.limits());
            if (reasons.isEmpty()) {
                switch (policy.autonomy()) {
                    case Autonomy.Automatic ignored -> {
                        apply(entry, AUTOMATIC, Action.APPLIED, "automatic");
                        return new Outcome.Applied(null);
                    }
                    case Autonomy.UnlessVetoed unless -> {
                        entry.vetoUntil = clock.instant().plus(unless.window());
                        apply(entry, AUTOMATIC, Action.APPLIED, "applied unless vetoed by " + entry.vetoUntil);
                        return new Outcome.Applied(entry.vetoUntil);
                    }
                    case Autonomy.AskFirst ignored -> reasons = List.of(decision.kind() + " asks first");
                }
            }
            current = Optional.ofNullable(inForce.get(new Subject(decision.kind(), decision.subject())));
        }
        Optional<Foresight.Comparison> whatIf;
        try {
            whatIf = Optional.of(foresight.foresee(decision, current));
        } catch (RuntimeException e) {
            // the operator must still decide; without the what-if, but told why it is missing
            LOG.warn("what-if of decision {} failed", decision.id().value(), e);
            reasons = new ArrayList<>(reasons);
            reasons.add("no what-if: " + e.getMessage());
            whatIf = Optional.empty();
        }
        synchronized (this) {
            entry.escalation = new Escalation<>(decision, reasons, current, whatIf, clock.instant());
            entry.status = Status.AWAITING_APPROVAL;
            record(decision, Action.ESCALATED, AUTOMATIC, String.join("; ", reasons));
        }
        return new Outcome.AwaitingApproval(reasons);
    }

    /** The decisions waiting for an operator, oldest first. */
    public synchronized List<Escalation<P>> awaitingApproval() {
        return decisions.values().stream().filter(e -> e.status == Status.AWAITING_APPROVAL)
                .map(e -> e.escalation).toList();
    }

    /** Puts a held decision's plan in force. */
    public synchronized Answer approve(Decision.Id id, String who) {
        Entry<P> entry = decisions.get(id);
        Optional<String> refusal = awaiting(id, entry, "approved");
        if (refusal.isPresent()) {
            return new Answer.Refused(refusal.get());
        }
        apply(entry, who, Action.APPROVED, "approved");
        return new Answer.Done();
    }

    /** Drops a held decision; the plan in force stays. */
    public synchronized Answer reject(Decision.Id id, String who, String reason) {
        Entry<P> entry = decisions.get(id);
        Optional<String> refusal = awaiting(id, entry, "rejected");
        if (refusal.isPresent()) {
            return new Answer.Refused(refusal.get());
        }
        entry.status = Status.REJECTED;
        record(entry.decision, Action.REJECTED, who, reason);
        return new Answer.Done();
    }

    /** Undoes a decision applied unless vetoed, within its window: the plan it replaced is in force again. */
    public synchronized Answer veto(Decision.Id id, String who, String reason) {
        Entry<P> entry = decisions.get(id);
        if (entry == null) {
            return new Answer.Refused("no decision " + id.value());
        }
        if (entry.vetoUntil == null || entry.status != Status.IN_FORCE) {
            return new Answer.Refused("decision " + id.value() + " is " + describe(entry) + "; only a decision "
                    + "applied unless vetoed can be vetoed");
        }
        Instant now = clock.instant();
        if (now.isAfter(entry.vetoUntil)) {
            return new Answer.Refused("the veto window of decision " + id.value() + " closed at " + entry.vetoUntil);
        }
        Subject subject = new Subject(entry.decision.kind(), entry.decision.subject());
        if (!id.equals(lastApplied.get(subject))) {
            return new Answer.Refused("decision " + id.value() + " was replaced by decision "
                    + lastApplied.get(subject).value() + " for " + entry.decision.subject() + "; veto that one");
        }
        entry.status = Status.VETOED;
        entry.replaced.ifPresentOrElse(previous -> inForce.put(subject, previous), () -> inForce.remove(subject));
        lastApplied.remove(subject);
        record(entry.decision, Action.VETOED, who, reason);
        return new Answer.Done();
    }

    public synchronized List<AuditEntry> audit() {
        return List.copyOf(audit);
    }

    private List<String> crossed(Decision<P> decision, List<Limit> limits) {
        List<String> reasons = new ArrayList<>();
        Instant now = clock.instant();
        for (Limit limit : limits) {
            switch (limit) {
                case Limit.OncePer once -> {
                    Instant last = appliedAt.get(new Subject(decision.kind(), decision.subject()));
                    if (last != null && now.isBefore(last.plus(once.period()))) {
                        reasons.add(decision.subject() + " had a " + decision.kind() + " "
                                + minutes(Duration.between(last, now)) + " ago; at most one in "
                                + minutes(once.period()));
                    }
                }
                case Limit.CompletionLaterThan later -> {
                    if (decision.completionLater().compareTo(later.threshold()) > 0) {
                        reasons.add("vessel completion moves " + minutes(decision.completionLater())
                                + " later; more than " + minutes(later.threshold()) + " needs an operator");
                    }
                }
            }
        }
        return reasons;
    }

    private void apply(Entry<P> entry, String who, Action action, String reason) {
        Subject subject = new Subject(entry.decision.kind(), entry.decision.subject());
        entry.replaced = Optional.ofNullable(inForce.put(subject, entry.decision.plan()));
        entry.status = Status.IN_FORCE;
        lastApplied.put(subject, entry.decision.id());
        appliedAt.put(subject, clock.instant());
        record(entry.decision, action, who, reason);
    }

    private static <P> Optional<String> awaiting(Decision.Id id, Entry<P> entry, String verb) {
        if (entry == null) {
            return Optional.of("no decision " + id.value());
        }
        if (entry.status != Status.AWAITING_APPROVAL) {
            return Optional.of("decision " + id.value() + " is " + describe(entry) + "; only a decision awaiting "
                    + "approval can be " + verb);
        }
        return Optional.empty();
    }

    private static String describe(Entry<?> entry) {
        return entry.status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private void record(Decision<P> decision, Action action, String who, String reason) {
        audit.add(new AuditEntry(clock.instant(), decision.id(), decision.kind(), decision.subject(), action, who,
                reason));
    }

    private static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
