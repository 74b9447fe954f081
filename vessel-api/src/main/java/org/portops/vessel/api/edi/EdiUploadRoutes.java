package org.portops.vessel.api.edi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.portops.vessel.api.ApiException;
import org.portops.vessel.api.Audit;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Permission;
import org.portops.vessel.edi.EdiInbox;
import org.portops.vessel.edi.archive.EdiArchive.Outcome;

/**
 * EDIFACT interchanges uploaded over HTTP into the {@link EdiInbox}: read with the sender's partner profile as
 * {@code portops edi check} reads a file, archived, then applied or refused whole (COPRAR: per container). The answer
 * is the inbox's receipt with the check's figures; a refused interchange answers 422 and is archived all the same. A
 * line's upload is held to its own containers and calls ({@code LineScope}).
 */
public final class EdiUploadRoutes {

    private final EdiInbox inbox;
    private final Audit audit;

    public EdiUploadRoutes(EdiInbox inbox, Audit audit) {
        this.inbox = inbox;
        this.audit = audit;
    }

    public void upload(RoutingContext ctx) {
        Caller caller = ApiAuth.require(ctx, Permission.UPLOAD_EDI);
        if (ctx.body().buffer() == null || ctx.body().length() == 0) {
            throw ApiException.badField("body", "body: an EDIFACT interchange (UNA/UNB ... UNZ) is required");
        }
        byte[] content = ctx.body().buffer().getBytes();
        (caller.isLine() ? inbox.receiveFromLine(content, caller.line()) : inbox.receive(content))
                .compose(receipt -> audit.record(caller, "edi.received", "edi:" + receipt.archiveId(),
                                new JsonObject().put("outcome", receipt.outcome().name())
                                        .put("vesselCalls", new JsonArray(receipt.vesselCalls())))
                        .map(receipt))
                .onSuccess(receipt -> {
                    JsonObject json = new JsonObject()
                            .put("id", receipt.archiveId())
                            .put("outcome", receipt.outcome().name())
                            .put("vesselCalls", new JsonArray(receipt.vesselCalls()))
                            .put("errors", new JsonArray(receipt.errors().stream().map(e -> new JsonObject()
                                    .put("segment", e.at().tag()).put("position", e.at().position())
                                    .put("element", e.at().element()).put("component", e.at().component())
                                    .put("reason", e.reason())).toList()))
                            .put("repairs", new JsonArray(receipt.repairs().stream().map(r -> new JsonObject()
                                    .put("segment", r.at().tag()).put("position", r.at().position())
                                    .put("repair", r.repair())).toList()))
                            .put("openCells", receipt.openCells())
                            .put("check", receipt.check());
                    int status = receipt.outcome() == Outcome.REJECTED ? 422 : 201;
                    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                            .end(json.encode());
                })
                .onFailure(ctx::fail);
    }
}
