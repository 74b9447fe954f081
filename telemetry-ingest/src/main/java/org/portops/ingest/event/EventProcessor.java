package org.portops.ingest.event;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import org.portops.ingest.IngestMetrics;
import org.portops.ingest.alert.Alerts;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.event.AlertKind;
import org.portops.model.telemetry.EquipmentEvent;
import org.portops.model.telemetry.EquipmentEvent.SpreaderUnlocked;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.work.EquipmentLocation;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.LiveYard;
import org.portops.state.MoveRefusal;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns accepted events into their effects, one event after another in arrival order (a container's legs on
 * different machines depend on each other): the event is stored first (a redelivered one finds its row and is not
 * applied twice), then a spreader unlock is paired with its machine's pending lock and becomes one move in the
 * live yard and the move log, an instruction event moves its work instruction on, and the outcome is recorded.
 * The returned future completes only when all of that is durable: then, and only then, the caller acknowledges the
 * MQTT message. A refused move or instruction change is recorded (and audited) and completes normally: redelivery
 * would never make it succeed.
 *
 * <p>While PostgreSQL cannot be reached ({@link DatabaseFailures#unreachable}) an event is tried again, after 100 ms
 * doubling to {@link #MAX_RETRY_DELAY}, for as long as it takes, and the events after it wait: the broker sends an
 * unacknowledged message again only on a new connection, so an event given up on would sit in its session until the
 * ingest reconnects, and the events behind it would overtake it. Any other failure ends the event's future at once.
 */
public final class EventProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(EventProcessor.class);
    private static final String ACTOR = "telemetry-ingest";

    private final LiveYard yard;
    private final EventStore store;
    private final InstructionLifecycle lifecycle;
    private final AuditLog audit;
    private final Alerts alerts;
    private final IngestMetrics metrics;
    private final Clock clock;
    static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(2);

    private final Vertx vertx;
    private Future<Void> tail = Future.succeededFuture();

    public EventProcessor(Vertx vertx, LiveYard yard, EventStore store, Alerts alerts, IngestMetrics metrics,
                          Clock clock) {
        this.vertx = vertx;
        this.yard = yard;
        this.store = store;
        this.lifecycle = new InstructionLifecycle(yard);
        this.audit = yard.auditLog();
        this.alerts = alerts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Queues an accepted event; the future completes once its effect is durable, fails if it could not be. */
    public Future<EventOutcome> submit(EventMessage message, String json, Instant receivedAt) {
        Future<EventOutcome> done = tail.transform(previous -> untilReachable(message, json, receivedAt));
        tail = done.transform(result -> Future.succeededFuture());
        return done;
    }

    /** Completes when every event submitted so far is processed. */
    public Future<Void> idle() {
        return tail;
    }

    private Future<EventOutcome> untilReachable(EventMessage message, String json, Instant receivedAt) {
        Promise<EventOutcome> outcome = Promise.promise();
        attempt(message, json, receivedAt, FIRST_RETRY_DELAY, 1, outcome);
        return outcome.future();
    }

    private void attempt(EventMessage message, String json, Instant receivedAt, Duration delay, int attempt,
                         Promise<EventOutcome> outcome) {
        process(message, json, receivedAt).onComplete(result -> {
            if (result.succeeded() || !DatabaseFailures.unreachable(result.cause())) {
                if (attempt > 1) {
                    LOG.info("event {} #{} of {} processed at attempt {}, PostgreSQL reachable again",
                            message.event().type(), message.sequence(), message.machineId(), attempt);
                }
                outcome.handle(result);
                return;
            }
            if (attempt == 1) {
                LOG.warn("PostgreSQL unreachable ({}): event {} #{} of {} and the events after it wait, retrying "
                        + "every {} ms at most", result.cause().toString(), message.event().type(),
                        message.sequence(), message.machineId(), MAX_RETRY_DELAY.toMillis());
            }
            Duration next = delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY
                    : delay.multipliedBy(2);
            vertx.setTimer(delay.toMillis(), timer -> attempt(message, json, receivedAt, next, attempt + 1,
                    outcome));
        });
    }

    private Future<EventOutcome> process(EventMessage message, String json, Instant receivedAt) {
        EventOutcome initial = initialOutcome(message.event());
        return store.store(message, json, receivedAt, initial).compose(stored -> {
            if (stored.settled()) {
                // Stored with its outcome at once (a lock, a fault), or a redelivery of an event already applied.
                if (stored.outcome() == initial) {
                    recorded(message);
                }
                return Future.succeededFuture(stored.outcome());
            }
            return effect(stored.id(), message);
        }).onSuccess(outcome -> metrics.eventOutcome(outcome.name())).onFailure(e -> {
                    if (!DatabaseFailures.unreachable(e)) {
                        LOG.warn("event {} #{} of {} not processed: {}", message.event().type(),
                                message.sequence(), message.machineId(), e.toString());
                    }
                });
    }

    private static EventOutcome initialOutcome(EquipmentEvent event) {
        return switch (event) {
            case EquipmentEvent.SpreaderLocked e -> EventOutcome.LOCK_PENDING;
            case EquipmentEvent.FaultRaised e -> EventOutcome.RECORDED;
            case EquipmentEvent.FaultCleared e -> EventOutcome.RECORDED;
            case EquipmentEvent.ReeferAlarmRaised e -> EventOutcome.RECORDED;
            case SpreaderUnlocked e -> null;
            case EquipmentEvent.InstructionAccepted e -> null;
            case EquipmentEvent.InstructionRejected e -> null;
            case EquipmentEvent.InstructionProgress e -> null;
            case EquipmentEvent.InstructionCompleted e -> null;
        };
    }

    private void recorded(EventMessage message) {
        if (message.event() instanceof EquipmentEvent.ReeferAlarmRaised alarm) {
            alerts.raise(AlertKind.REEFER_ALARM, alarm.container().value(), alarm.alarm() + " on " + alarm.container()
                    + " reported by " + message.machineId() + ": " + alarm.text());
        }
    }

    private Future<EventOutcome> effect(long id, EventMessage message) {
        EquipmentId machine = message.machineId();
        Instant at = message.timestamp();
        return switch (message.event()) {
            case SpreaderUnlocked unlock -> unlock(id, machine, unlock);
            // Each machine of an instruction accepts its own order: the first starts it, the others change nothing.
            case EquipmentEvent.InstructionAccepted e -> instruction(id, machine, lifecycle.apply(machine,
                    e.instruction(), wi -> wi.state() == WorkInstructionState.IN_PROGRESS ? wi : wi.start(at)));
            case EquipmentEvent.InstructionProgress e -> instruction(id, machine, lifecycle.apply(machine,
                    e.instruction(), wi -> wi.state() == WorkInstructionState.DISPATCHED ? wi.start(at) : wi));
            case EquipmentEvent.InstructionCompleted e -> instruction(id, machine, lifecycle.apply(machine,
                    e.instruction(), wi -> wi.complete(at)));
            case EquipmentEvent.InstructionRejected e -> instruction(id, machine, lifecycle.apply(machine,
                    e.instruction(), wi -> wi.state() == WorkInstructionState.IN_PROGRESS
                            ? wi.fail(rejection(machine, e.reason()), at)
                            : wi.suspend(rejection(machine, e.reason()), at)));
            case EquipmentEvent.SpreaderLocked e -> settle(id, EventOutcome.LOCK_PENDING, null, null, null, null);
            case EquipmentEvent.FaultRaised e -> settle(id, EventOutcome.RECORDED, null, null, null, null);
            case EquipmentEvent.FaultCleared e -> settle(id, EventOutcome.RECORDED, null, null, null, null);
            case EquipmentEvent.ReeferAlarmRaised e -> settle(id, EventOutcome.RECORDED, null, null, null, null);
        };
    }

    private static ExceptionReason rejection(EquipmentId machine, String code) {
        return new ExceptionReason(code, "rejected by " + machine);
    }

    private Future<EventOutcome> instruction(long id, EquipmentId machine,
                                             Future<InstructionLifecycle.Settlement> applied) {
        return applied.compose(settlement -> {
            if (settlement.outcome() == EventOutcome.INSTRUCTION_REFUSED) {
                audit("telemetry.instruction.refused", machine.value(), settlement.text());
            }
            return settle(id, settlement.outcome(), settlement.text(), null, null, null);
        });
    }

    private Future<EventOutcome> unlock(long id, EquipmentId machine, SpreaderUnlocked unlock) {
        return store.pendingLock(machine, unlock.container()).compose(pending -> {
            if (pending.isEmpty()) {
                String reason = machine + " unlocked " + unlock.container() + " at " + unlock.location()
                        + " without a pending lock on it";
                audit("telemetry.move.unpaired", unlock.container().value(), reason);
                return settle(id, EventOutcome.UNPAIRED, reason, null, null, null);
            }
            EventStore.PendingLock lock = pending.get();
            if (lock.location().equals(unlock.location())) {
                return settle(id, EventOutcome.NO_MOVE, "set down where picked: " + lock.location(), null, null,
                        lock.id());
            }
            return kind(lock.location(), unlock).compose(kind -> move(id, lock,
                    MoveRequest.of(unlock.container(), kind, lock.location(), unlock.location())));
        });
    }

    private Future<MoveKind> kind(Location from, SpreaderUnlocked unlock) {
        if (!(from instanceof EquipmentLocation)) {
            return Future.succeededFuture(MoveKinds.infer(from, unlock.location(), null));
        }
        return store.lastMove(unlock.container()).map(last -> MoveKinds.infer(from, unlock.location(),
                last.filter(m -> m.to().equals(from)).map(EventStore.LastMove::kind).orElse(null)));
    }

    private Future<EventOutcome> move(long id, EventStore.PendingLock lock, MoveRequest request) {
        return yard.move(request).compose(result -> switch (result) {
            case MoveResult.Accepted accepted -> settle(id, EventOutcome.MOVED, null, accepted.sequence(),
                    request.kind(), lock.id());
            case MoveResult.Refused refused when alreadyApplied(request, refused.refusal()) -> settle(id,
                    EventOutcome.MOVED, "already in the move log: " + refused.reason(), null, request.kind(),
                    lock.id());
            case MoveResult.Refused refused -> {
                audit("telemetry.move.refused", request.container().value(), request.kind() + " " + request.from()
                        + " -> " + request.to() + ": " + refused.reason());
                yield settle(id, EventOutcome.MOVE_REFUSED, refused.reason(), null, request.kind(), lock.id());
            }
        });
    }

    /** The move was made before an ingest restart, and the unlock is being processed again. */
    private static boolean alreadyApplied(MoveRequest request, MoveRefusal refusal) {
        return refusal instanceof MoveRefusal.NotAtOrigin notAtOrigin && notAtOrigin.actual() != null
                && notAtOrigin.actual().equals(request.to());
    }

    private Future<EventOutcome> settle(long id, EventOutcome outcome, String text, Long moveSequence, MoveKind kind,
                                        Long pairedLock) {
        return store.settle(id, outcome, text, moveSequence, kind, pairedLock).map(outcome);
    }

    private void audit(String action, String subject, String reason) {
        audit.append(clock.instant(), ACTOR, action, subject, new JsonObject().put("reason", reason))
                .onFailure(e -> LOG.warn("{} on {} not in the audit log: {}", action, subject, e.toString()));
    }
}
