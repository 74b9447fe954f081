package org.portops.vessel.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.portops.model.layout.TerminalLayout;
import org.portops.state.LiveYard;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.calls.TransportEvents;
import org.portops.vessel.api.calls.VesselCallRoutes;
import org.portops.vessel.api.containers.ContainerRoutes;
import org.portops.vessel.api.dcsa.DcsaEvents;
import org.portops.vessel.api.events.EventRoutes;
import org.portops.vessel.api.events.CallbackGuard;
import org.portops.vessel.api.events.EventStream;
import org.portops.vessel.api.events.Subscriptions;
import org.portops.vessel.api.jit.BerthPlanTimes;
import org.portops.vessel.api.edi.EdiUploadRoutes;
import org.portops.vessel.api.gate.GateRoutes;
import org.portops.vessel.api.gate.GateSettings;
import org.portops.vessel.api.jit.JitRoutes;
import org.portops.vessel.edi.EdiInbox;
import org.portops.vessel.edi.PartnerProfile;
import org.portops.vessel.edi.PartnerProfiles;
import org.portops.vessel.edi.VesselCallOrders;

/**
 * The vessel API as one router, built from its OpenAPI contract ({@value #CONTRACT}): requests are validated
 * against it before any handler runs. Serves {@code /api/openapi.json}, browsable docs at {@code /api/docs}, the
 * API under {@code /api/v1/}, DCSA Track & Trace 3.0.0 under {@code /dcsa/tnt/v3/} and DCSA Just-In-Time under
 * {@code /dcsa/jit/v2/}, every operation behind
 * {@link ApiAuth}. A server mounts it after its own routes with {@code router.route("/*").subRouter(api)}; paths
 * it does not know fall through to the server's later routes.
 */
public final class VesselApi {

    public static final String CONTRACT = "openapi/portops-vessel-api.yaml";
    /** The largest request body: a bay plan of 30,000 entries fits. */
    private static final long BODY_LIMIT = 32L * 1024 * 1024;

    private VesselApi() {
    }

    /**
     * Builds the router.
     *
     * @param terminal the terminal: the publisher of DCSA events, the place of JIT port call services
     */
    public static Future<Router> router(Vertx vertx, LiveYard yard, Pool pool, ApiAuth auth, Clock clock,
                                        TerminalLayout terminal) {
        return router(vertx, yard, pool, auth, clock, terminal, Settings.fromEnvironment(System.getenv()));
    }

    /**
     * What the API is configured with beyond its auth: the gate's appointment windows and the partner profiles
     * uploaded EDIFACT is read with.
     */
    public record Settings(GateSettings gate, PartnerProfiles profiles, CallbackGuard.Policy callbacks) {

        /** {@link GateSettings#fromEnvironment}; {@code PORTOPS_EDI_PROFILES}: a partner-profiles properties file. */
        public static Settings fromEnvironment(Map<String, String> environment) {
            return new Settings(GateSettings.fromEnvironment(environment),
                    profiles(environment.get("PORTOPS_EDI_PROFILES")), CallbackGuard.Policy.fromEnvironment(environment));
        }

        /** Lenient profiles for every partner, as {@code portops edi check} uses without options. */
        public static Settings of(GateSettings gate, CallbackGuard.Policy callbacks) {
            return new Settings(gate, PartnerProfiles.all(PartnerProfile.DEFAULT), callbacks);
        }

        private static PartnerProfiles profiles(String file) {
            if (file == null || file.isBlank()) {
                return PartnerProfiles.all(PartnerProfile.DEFAULT);
            }
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                properties.load(in);
                return PartnerProfiles.fromProperties(properties);
            } catch (IOException e) {
                throw new UncheckedIOException("PORTOPS_EDI_PROFILES " + file + " cannot be read", e);
            }
        }
    }

    /** Builds the router with explicit settings. */
    public static Future<Router> router(Vertx vertx, LiveYard yard, Pool pool, ApiAuth auth, Clock clock,
                                        TerminalLayout terminal, Settings settings) {
        TransportEvents transportEvents = new TransportEvents(pool);
        Audit audit = new Audit(yard.auditLog(), clock);
        VesselCallRoutes calls = new VesselCallRoutes(yard, transportEvents, audit, clock,
                new VesselCallOrders(pool));
        ContainerRoutes containers = new ContainerRoutes(yard, pool, audit, clock);
        EventRoutes events = new EventRoutes(new EventStream(pool), new Subscriptions(pool),
                new DcsaEvents(terminal), audit, clock, new CallbackGuard(vertx, settings.callbacks()));
        JitRoutes jit = new JitRoutes(yard, pool, terminal, clock, BerthPlanTimes.listen(vertx));
        GateRoutes gate = new GateRoutes(vertx.eventBus(), yard, pool, audit, terminal, settings.gate(), clock);
        gate.answerOpenAppointments();
        EdiUploadRoutes edi = new EdiUploadRoutes(new EdiInbox(vertx, pool, yard, settings.profiles(), terminal.port(),
                clock), audit);
        return OpenAPIContract.from(vertx, CONTRACT).map(contract -> {
            RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
            // root handlers run before each operation's validation: a request without a valid token is refused
            // before its body is validated (Vert.x wants the body handler ahead of any other)
            builder.rootHandler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
            builder.rootHandler(ctx -> {
                if (isApiPath(ctx.normalizedPath())) {
                    auth.authenticate(ctx);
                } else {
                    ctx.next();
                }
            });
            builder.getRoute("listVesselCalls").addHandler(calls::list);
            builder.getRoute("createVesselCall").addHandler(calls::create);
            builder.getRoute("getVesselCall").addHandler(calls::get);
            builder.getRoute("updateSchedule").addHandler(calls::updateSchedule);
            builder.getRoute("uploadBayPlan").addHandler(calls::uploadBayPlan);
            builder.getRoute("getLoadList").addHandler(calls::loadList);
            builder.getRoute("getDischargeList").addHandler(calls::dischargeList);
            builder.getRoute("getContainerStatus").addHandler(containers::status);
            builder.getRoute("getMoveHistory").addHandler(containers::moves);
            builder.getRoute("placeHold").addHandler(containers::placeHold);
            builder.getRoute("releaseHold").addHandler(containers::releaseHold);
            builder.getRoute("listTerminalEvents").addHandler(events::terminalEvents);
            builder.getRoute("listDeadLetters").addHandler(events::deadLetters);
            builder.getRoute("getEvents").addHandler(events::dcsaEvents);
            builder.getRoute("getEventSubscriptions").addHandler(events::listSubscriptions);
            builder.getRoute("postEventSubscription").addHandler(events::createSubscription);
            builder.getRoute("getEventSubscription").addHandler(events::getSubscription);
            builder.getRoute("deleteEventSubscription").addHandler(events::deleteSubscription);
            builder.getRoute("getTerminalCalls").addHandler(jit::terminalCalls);
            builder.getRoute("getPortCallServices").addHandler(jit::portCallServices);
            builder.getRoute("putTimestamp").addHandler(jit::putTimestamp);
            builder.getRoute("getTimestamps").addHandler(jit::timestamps);
            builder.getRoute("bookAppointment").addHandler(gate::bookAppointment);
            builder.getRoute("getAppointment").addHandler(gate::getAppointment);
            builder.getRoute("cancelAppointment").addHandler(gate::cancelAppointment);
            builder.getRoute("recordGateTransaction").addHandler(gate::recordTransaction);
            builder.getRoute("recordTruckVisit").addHandler(gate::recordTruckVisit);
            builder.getRoute("getTruckVisit").addHandler(gate::getTruckVisit);
            builder.getRoute("recordTruckVisitOut").addHandler(gate::recordTruckVisitOut);
            builder.getRoute("getGateCodeco").addHandler(gate::getCodeco);
            builder.getRoute("uploadEdiMessage").addHandler(edi::upload);
            // the contract declares bearerAuth for the docs and clients; the root handler above enforces it
            builder.getRoutes().forEach(route -> route.setDoSecurity(false));
            Router router = builder.createRouter();
            Buffer document = published(contract.getRawContract()).toBuffer();
            router.get("/api/openapi.json").handler(ctx -> ctx.response()
                    .putHeader("content-type", "application/json").end(document));
            Buffer docsPage = resource("/vessel-api-docs/index.html");
            // Vert.x matches /api/docs and /api/docs/ alike; the page links its assets by absolute paths
            router.get("/api/docs").handler(ctx -> ctx.response().putHeader("content-type", "text/html; charset=utf-8")
                    .end(docsPage));
            router.get("/api/docs/swagger-ui/*").handler(StaticHandler.create(
                    "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion()));
            router.route().failureHandler(Responses::failure);
            return router;
        });
    }

    /** The paths behind authentication; the contract document and its docs are public. */
    private static boolean isApiPath(String path) {
        return path.startsWith("/api/v1/") || path.startsWith("/dcsa/");
    }

    /** The contract as written: without the {@code __absolute_uri__} keys the parser adds to every object. */
    private static JsonObject published(JsonObject raw) {
        JsonObject copy = new JsonObject();
        raw.forEach(field -> {
            if (!field.getKey().startsWith("__")) {
                copy.put(field.getKey(), published(field.getValue()));
            }
        });
        return copy;
    }

    private static Object published(Object value) {
        return switch (value) {
            case JsonObject object -> published(object);
            case JsonArray array -> new JsonArray(array.stream().map(VesselApi::published).toList());
            case null, default -> value;
        };
    }

    private static Buffer resource(String name) {
        try (InputStream in = VesselApi.class.getResourceAsStream(name)) {
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + name + " is missing", e);
        }
    }

    private static String swaggerUiVersion() {
        try (InputStream in = VesselApi.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("the swagger-ui webjar is missing", e);
        }
    }
}
