package org.portops.map;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portops.map.kpi.CraneShiftClock;
import org.portops.map.live.DeltaCoalescer;
import org.portops.model.event.Addresses;
import org.portops.model.event.Alert;
import org.portops.model.event.ContainerMoved;
import org.portops.model.event.EquipmentUpdated;
import org.portops.model.event.YardEvent;
import org.portops.state.YardStateReader;
import org.portops.state.json.YardEventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator map's live feed: listens to the live yard's change events and alerts, folds them in a
 * {@link DeltaCoalescer} and, once per flush period, publishes the delta's JSON text at
 * {@link Addresses#MAP_DELTA_PUBLISHED} for every browser stream of this node ({@link OpsMapRoutes}). The browsers
 * never see the telemetry itself, only what changed in the live yard, at most once per thing per period.
 */
public final class OpsMapVerticle extends VerticleBase {

    /** The flush period: fast enough to look live, slow enough to fold a 10 Hz machine into two updates a second. */
    public static final Duration DEFAULT_FLUSH = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(OpsMapVerticle.class);

    private final YardStateReader yard;
    private final Duration flushEvery;
    private final Clock wall;
    private final CraneShiftClock shift;
    private final DeltaCoalescer coalescer = new DeltaCoalescer();
    private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    private long timer = -1;

    /**
     * @param wall the wall clock the deltas are stamped with: browsers measure how late an update is against theirs,
     *             so this is real time even in a sped-up demo
     * @param shift  told every quay crane's state, for the KPI panel's idle time over the shift
     */
    public OpsMapVerticle(YardStateReader yard, Duration flushEvery, Clock wall, CraneShiftClock shift) {
        if (flushEvery.isNegative() || flushEvery.isZero()) {
            throw new IllegalArgumentException("map flush period must be positive, was " + flushEvery);
        }
        this.yard = yard;
        this.flushEvery = flushEvery;
        this.wall = wall;
        this.shift = shift;
    }

    @Override
    public Future<?> start() {
        for (String address : List.of(Addresses.CONTAINER_MOVED, Addresses.CONTAINER_REMOVED,
                Addresses.EQUIPMENT_UPDATED, Addresses.INSTRUCTION_CHANGED, Addresses.VESSEL_CALL_CHANGED)) {
            consumers.add(vertx.eventBus().localConsumer(address, message -> fold(message.body())));
        }
        consumers.add(vertx.eventBus().localConsumer(Addresses.CONTAINER_PLACED, message -> arrived(message.body())));
        consumers.add(vertx.eventBus().localConsumer(Addresses.ALERT_RAISED,
                message -> coalescer.takeAlert(Alert.fromMap(message.body().getMap()), false)));
        consumers.add(vertx.eventBus().localConsumer(Addresses.ALERT_CLEARED,
                message -> coalescer.takeAlert(Alert.fromMap(message.body().getMap()), true)));
        timer = vertx.setPeriodic(flushEvery.toMillis(), id -> flush());
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
    }

    private void fold(JsonObject event) {
        decode(event).ifPresent(decoded -> {
            coalescer.take(decoded);
            if (decoded instanceof EquipmentUpdated updated) {
                shift.record(updated.state());
            }
        });
    }

    /** An arrival brings a container the browsers have not seen: its master data follows the move. */
    private void arrived(JsonObject event) {
        decode(event).ifPresent(decoded -> {
            coalescer.take(decoded);
            if (decoded instanceof ContainerMoved moved) {
                yard.container(moved.container()).onSuccess(view -> view.ifPresent(coalescer::takeArrival));
            }
        });
    }

    private static Optional<YardEvent> decode(JsonObject event) {
        try {
            return Optional.of(YardEventJson.decode(event));
        } catch (RuntimeException e) {
            LOG.warn("Operator map: skipped an event it cannot read: {}", event, e);
            return Optional.empty();
        }
    }

    private void flush() {
        coalescer.drain(wall.instant()).ifPresent(delta ->
                vertx.eventBus().publish(Addresses.MAP_DELTA_PUBLISHED, delta.encode()));
    }
}
