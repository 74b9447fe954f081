package org.portops.vessel.api.events;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.portops.model.event.Addresses;
import org.portops.vessel.api.dcsa.DcsaEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes new events to subscribers: every {@code interval}, claims the due subscriptions, reads the next batch of
 * each one's line after its cursor from the {@link EventStream}, and POSTs it as DCSA Track & Trace 3.0.0's
 * {@code POST /events} body ({@code {"events": [...]}}), signed ({@link WebhookSignature}). A 2xx moves the cursor on; anything else is retried after a backoff that
 * doubles from {@code firstRetry} up to {@code maxRetry}; after {@code maxAttempts} the batch becomes a dead
 * letter and delivery goes on with the next events. Retries of a batch carry the same delivery id. A subscription of
 * event type {@value CodecoFeed#EVENT_TYPE} receives its line's gate CODECOs instead, one interchange per POST
 * ({@value #EDIFACT}), signed, retried and dead-lettered the same way; one of event type
 * {@value CoarriFeed#EVENT_TYPE} receives its line's COARRI of each departed call, which each round first writes for
 * the calls whose departure was recorded since ({@link CoarriFeed#writeDeparted}). One of event type
 * {@value JitTimestampFeed#EVENT_TYPE} receives the terminal's DCSA JIT 2.0 timestamps of its line's calls, each PUT
 * to {@code timestamps/{timestampID}} under its callback URL: actuals each round writes from the recorded ones, and
 * planned berth times written as each published berth plan fixes or moves them.
 */
public final class WebhookDispatcher extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** RFC 1767's media type of an EDIFACT interchange. */
    public static final String EDIFACT = "application/EDIFACT";

    /** How the dispatcher paces itself. */
    public record Settings(Duration interval, int batchSize, Duration timeout, Duration firstRetry,
                           Duration maxRetry, int maxAttempts, CallbackGuard.Policy callbacks) {

        /** The pacing above, callbacks as {@link CallbackGuard.Policy#fromEnvironment} says. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), 100, Duration.ofSeconds(10), Duration.ofSeconds(2),
                    Duration.ofMinutes(10), 8, CallbackGuard.Policy.fromEnvironment(System.getenv()));
        }

        /** The wait before attempt {@code attempts + 1}: firstRetry × 2^(attempts-1), at most maxRetry. */
        public Duration backoff(int attempts) {
            Duration wait = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }

    private final Pool pool;
    private final DcsaEvents dcsa;
    private final Clock clock;
    private final Settings settings;
    private Subscriptions subscriptions;
    private EventStream stream;
    private CodecoFeed codecos;
    private CoarriFeed coarris;
    private JitTimestampFeed timestamps;
    private WebClient client;
    private CallbackGuard guard;
    private long timer;
    private boolean running;

    public WebhookDispatcher(Pool pool, DcsaEvents dcsa, Clock clock, Settings settings) {
        this.pool = pool;
        this.dcsa = dcsa;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        subscriptions = new Subscriptions(pool);
        stream = new EventStream(pool);
        codecos = new CodecoFeed(pool);
        coarris = new CoarriFeed(pool);
        timestamps = new JitTimestampFeed(pool);
        // every node hears each published plan; the feed writes a changed planned time once
        vertx.eventBus().<JsonObject>consumer(Addresses.BERTH_PLAN_PUBLISHED, message -> writePlanned(message.body()));
        client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
        guard = new CallbackGuard(vertx, settings.callbacks());
        timer = vertx.setPeriodic(settings.interval().toMillis(), id -> round());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        client.close();
        return Future.succeededFuture();
    }

    private void writePlanned(JsonObject chart) {
        List<JitTimestampFeed.Planned> planned;
        try {
            planned = JitTimestampFeed.fixedIn(chart);
        } catch (RuntimeException e) {
            LOG.warn("berth plan not understood, no planned JIT timestamps pushed from it: {}", e.toString());
            return;
        }
        timestamps.writePlanned(planned, clock.instant())
                .onFailure(failure -> LOG.error("planned JIT timestamps of a berth plan not written", failure));
    }

    /** One round over the due subscriptions; a round still running makes the next tick wait. */
    private void round() {
        if (running) {
            return;
        }
        running = true;
        Instant now = clock.instant();
        coarris.writeDeparted(dcsa.terminal(), now)
                .recover(failure -> {
                    // the departed calls stay unreported and are tried again next round; delivery goes on meanwhile
                    LOG.error("COARRIs of departed calls not written", failure);
                    return Future.succeededFuture(0);
                })
                .compose(written -> timestamps.writeActuals(now).recover(failure -> {
                    // the actuals stay unwritten and are tried again next round
                    LOG.error("actual JIT timestamps not written", failure);
                    return Future.succeededFuture(0);
                }))
                .compose(written -> subscriptions.claimDue(now, settings.timeout().multipliedBy(2), 50))
                .compose(due -> deliverAll(due, 0))
                .onComplete(done -> {
                    running = false;
                    if (done.failed()) {
                        LOG.error("webhook round failed", done.cause());
                    }
                });
    }

    private Future<Void> deliverAll(List<Subscriptions.Subscription> due, int index) {
        if (index >= due.size()) {
            return Future.succeededFuture();
        }
        return deliver(due.get(index)).recover(failure -> {
            LOG.error("webhook delivery of subscription {} failed", due.get(index).id(), failure);
            return Future.succeededFuture();
        }).compose(done -> deliverAll(due, index + 1));
    }

    private Future<Void> deliver(Subscriptions.Subscription subscription) {
        if (subscription.eventTypes().contains(CodecoFeed.EVENT_TYPE)) {
            return deliverCodeco(subscription);
        }
        if (subscription.eventTypes().contains(CoarriFeed.EVENT_TYPE)) {
            return deliverCoarri(subscription);
        }
        if (subscription.eventTypes().contains(JitTimestampFeed.EVENT_TYPE)) {
            return deliverTimestamp(subscription);
        }
        Set<String> moves = subscription.eventTypes().contains("EQUIPMENT") ? DcsaEvents.EQUIPMENT_CODES.keySet()
                : Set.of();
        Set<String> calls = subscription.eventTypes().contains("TRANSPORT") ? EventStream.CALL_TYPES : Set.of();
        EventStream.Query query = new EventStream.Query(subscription.line(), subscription.cursor(), moves, calls,
                EventStream.CLASSIFIERS, null, null, null, null, null, null, settings.batchSize());
        return stream.page(query).compose(page -> {
            Instant now = clock.instant();
            if (page.events().isEmpty()) {
                return subscriptions.delivered(subscription.id(), subscription.cursor(), now.plus(settings.interval()));
            }
            JsonArray events = new JsonArray();
            page.events().forEach(event -> events.add(dcsa.toJson(event)));
            byte[] bytes = new JsonObject().put("events", events).encode().getBytes(StandardCharsets.UTF_8);
            return send(subscription, new Delivery("application/json", bytes, events, page.next()), now);
        });
    }

    /** The line's next CODECO; its dead letter keeps the transaction and the interchange. */
    private Future<Void> deliverCodeco(Subscriptions.Subscription subscription) {
        return codecos.next(subscription.line(), subscription.cursor()).compose(next -> {
            Instant now = clock.instant();
            if (next.isEmpty()) {
                return subscriptions.delivered(subscription.id(), subscription.cursor(), now.plus(settings.interval()));
            }
            CodecoFeed.Codeco codeco = next.get();
            JsonArray letter = new JsonArray().add(new JsonObject()
                    .put("transaction", codeco.transaction().toString()).put("codeco", codeco.interchange()));
            return send(subscription, new Delivery(EDIFACT, codeco.interchange().getBytes(StandardCharsets.ISO_8859_1),
                    letter, codeco.past()), now);
        });
    }

    /** The line's next COARRI; its dead letter keeps the vessel call and the interchange. */
    private Future<Void> deliverCoarri(Subscriptions.Subscription subscription) {
        return coarris.next(subscription.line(), subscription.cursor()).compose(next -> {
            Instant now = clock.instant();
            if (next.isEmpty()) {
                return subscriptions.delivered(subscription.id(), subscription.cursor(), now.plus(settings.interval()));
            }
            CoarriFeed.Coarri coarri = next.get();
            JsonArray letter = new JsonArray().add(new JsonObject()
                    .put("vesselCall", coarri.call().value()).put("coarri", coarri.interchange()));
            return send(subscription, new Delivery(EDIFACT, coarri.interchange().getBytes(StandardCharsets.ISO_8859_1),
                    letter, coarri.past()), now);
        });
    }

    /**
     * The line's next JIT timestamp, PUT to {@code timestamps/{timestampID}} under the callback URL as DCSA JIT 2.0's
     * consumer receives it; its dead letter keeps the vessel call and the timestamp.
     */
    private Future<Void> deliverTimestamp(Subscriptions.Subscription subscription) {
        return timestamps.next(subscription.line(), subscription.cursor()).compose(next -> {
            Instant now = clock.instant();
            if (next.isEmpty()) {
                return subscriptions.delivered(subscription.id(), subscription.cursor(), now.plus(settings.interval()));
            }
            JitTimestampFeed.Timestamp timestamp = next.get();
            return send(subscription, new Delivery(HttpMethod.PUT, "timestamps/" + timestamp.timestampId(),
                    "application/json", timestamp.body().encode().getBytes(StandardCharsets.UTF_8),
                    new JsonArray().add(new JsonObject().put("vesselCall", timestamp.call().value())
                            .put("timestamp", timestamp.body())), timestamp.past()), now);
        });
    }

    /**
     * One request's body and what becomes of it: the cursor past it on success, its dead letter when given up;
     * {@code path} is appended to the callback URL's path.
     */
    private record Delivery(HttpMethod method, String path, String contentType, byte[] bytes, JsonArray deadLetter,
                            EventStream.Cursor past) {

        Delivery(String contentType, byte[] bytes, JsonArray deadLetter, EventStream.Cursor past) {
            this(HttpMethod.POST, "", contentType, bytes, deadLetter, past);
        }
    }

    private Future<Void> send(Subscriptions.Subscription subscription, Delivery delivery, Instant now) {
        String deliveryId = UUID.nameUUIDFromBytes((subscription.id() + "|" + subscription.cursor().encode())
                .getBytes(StandardCharsets.UTF_8)).toString();
        long seconds = now.getEpochSecond();
        return guard.check(subscription.callbackUrl()).compose(checked -> switch (checked) {
            case CallbackGuard.Checked.Refused refused -> retryOrGiveUp(subscription, delivery.deadLetter(),
                    delivery.past(), "callback refused: " + refused.reason(), clock.instant());
            case CallbackGuard.Checked.Allowed allowed -> post(subscription, allowed.target(), deliveryId, seconds,
                    delivery);
        });
    }

    /** POSTs to the checked address itself, so the host is not looked up again between check and connection. */
    private Future<Void> post(Subscriptions.Subscription subscription, CallbackGuard.Target target, String deliveryId,
                              long seconds, Delivery delivery) {
        SocketAddress checked = SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port()));
        byte[] bytes = delivery.bytes();
        return client.request(delivery.method(), checked, target.port(), target.host(),
                        target.requestUri(delivery.path()))
                .ssl(target.https())
                .timeout(settings.timeout().toMillis())
                .putHeader("content-type", delivery.contentType())
                .putHeader(WebhookSignature.DELIVERY_HEADER, deliveryId)
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(seconds))
                .putHeader(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(subscription.secret(), deliveryId, seconds, bytes))
                .sendBuffer(Buffer.buffer(bytes))
                .transform(sent -> {
                    Instant after = clock.instant();
                    if (sent.succeeded() && sent.result().statusCode() / 100 == 2) {
                        return subscriptions.delivered(subscription.id(), delivery.past(), after);
                    }
                    String error = sent.succeeded() ? "callback answered " + sent.result().statusCode()
                            : "callback unreachable: " + sent.cause().getMessage();
                    return retryOrGiveUp(subscription, delivery.deadLetter(), delivery.past(), error, after);
                });
    }

    private Future<Void> retryOrGiveUp(Subscriptions.Subscription subscription, JsonArray body,
                                       EventStream.Cursor past, String error, Instant now) {
        int attempts = subscription.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            LOG.warn("webhook {} of line {}: {} events given up after {} attempts ({})", subscription.id(),
                    subscription.line(), body.size(), attempts, error);
            return subscriptions.deadLetter(subscription.id(), body, attempts, error, past, now);
        }
        return subscriptions.failed(subscription.id(), attempts, error, now.plus(settings.backoff(attempts)));
    }
}
