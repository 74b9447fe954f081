package org.portops.vessel.api;

import io.vertx.core.json.JsonObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Error bodies ({@code {"status", "error", "field"}}) and the failure handler that turns failures into them. */
public final class Responses {

    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    public static void error(RoutingContext ctx, int status, String field, String message) {
        if (ctx.response().ended()) {
            return;
        }
        JsonObject body = new JsonObject().put("status", status).put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
    }

    /** The failure handler of every API route. */
    public static void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof HttpException http && http.getCause() != null) {
            failure = http.getCause();
        }
        switch (failure) {
            case ApiException api -> error(ctx, api.status(), api.field(), api.getMessage());
            case SchemaValidationException schema -> {
                OutputUnit deepest = deepest(schema.getOutputUnit());
                String field = field(schema.getMessage(), deepest);
                String reason = deepest == null || deepest.getError() == null ? schema.getMessage()
                        : deepest.getError();
                error(ctx, 400, field, (field == null ? "" : field + ": ") + reason);
            }
            case ValidatorException validator -> error(ctx, 400, parameterField(validator.getMessage()),
                    validator.getMessage());
            case HttpException http -> error(ctx, http.getStatusCode(), null, http.getPayload() != null
                    ? http.getPayload() : HttpResponseStatus.valueOf(http.getStatusCode()).reasonPhrase());
            case null -> error(ctx, ctx.statusCode() > 0 ? ctx.statusCode() : 500, null,
                    ctx.statusCode() == 404 ? "no such resource: " + ctx.request().path() : "request failed");
            default -> {
                LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
                error(ctx, 500, null, "internal error; the server log has the details");
            }
        }
    }

    /** The most specific error of a schema validation: the one with the longest instance location. */
    private static OutputUnit deepest(OutputUnit root) {
        if (root == null) {
            return null;
        }
        OutputUnit best = null;
        Deque<OutputUnit> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            OutputUnit unit = todo.pop();
            if (unit.getError() != null && (best == null || length(unit) > length(best))) {
                best = unit;
            }
            if (unit.getErrors() != null) {
                unit.getErrors().forEach(todo::push);
            }
        }
        return best;
    }

    private static int length(OutputUnit unit) {
        return unit.getInstanceLocation() == null ? 0 : unit.getInstanceLocation().length();
    }

    /** {@code body/vessel/imo} from the instance location {@code #/vessel/imo} of a body error. */
    private static String field(String message, OutputUnit unit) {
        String location = unit == null || unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
        if (location.startsWith("#")) {
            location = location.substring(1);
        }
        String parameter = parameterField(message);
        if (parameter != null) {
            return parameter;
        }
        return "body" + location;
    }

    /** The parameter a validator message names: "... of query parameter limit ..." gives {@code query/limit}. */
    private static String parameterField(String message) {
        if (message == null) {
            return null;
        }
        for (String in : new String[] {"query", "path", "header", "cookie"}) {
            String marker = in + " parameter ";
            int at = message.indexOf(marker);
            if (at >= 0) {
                String rest = message.substring(at + marker.length());
                int end = 0;
                while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                    end++;
                }
                return in + "/" + rest.substring(0, end);
            }
        }
        return null;
    }
}
