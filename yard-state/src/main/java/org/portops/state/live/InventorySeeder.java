package org.portops.state.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.YardLocation;
import org.portops.state.json.ModelJson;
import org.portops.state.store.ContainerMasterData;
import org.portops.state.store.LogEntry;
import org.portops.state.store.MoveLog;
import org.portops.state.store.VesselCallStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Seeds an empty database with the sample inventory, through the move log like any other state: every container
 * found in the yard or on board a calling vessel becomes an {@code INVENTORY} entry, ground tier first so the
 * log replays under the yard invariants. One transaction, batched inserts.
 */
final class InventorySeeder {

    /** The sample inventory's seed: every fresh installation starts from the same yard. */
    static final long SAMPLE_SEED = 20261124L;
    private static final int BATCH = 4_000;

    private InventorySeeder() {
    }

    static Future<Integer> seed(Pool pool, long epoch, TerminalLayout layout, Instant now) {
        Inventory inventory = SampleInventory.generate(layout, SAMPLE_SEED, now);
        List<LogEntry> entries = new ArrayList<>();
        List<JsonObject> masters = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<PlacedContainer> placed = new ArrayList<>(inventory.containers());
        placed.sort(Comparator.comparingInt((PlacedContainer p) -> p.slot().tier().level())
                .thenComparing(p -> p.slot().toString()));
        for (PlacedContainer p : placed) {
            JsonObject master = ModelJson.container(p.container());
            if (seen.add(p.container().number().value())) {
                masters.add(master);
                entries.add(new LogEntry(0, p.container().number().value(), LogEntry.INVENTORY, null,
                        new YardLocation(p.slot()).toString(), null, now, new JsonObject().put("container", master)));
            }
        }
        for (VesselCall call : inventory.vesselCalls()) {
            for (BayPlanEntry entry : call.bayPlan().entries()) {
                if (entry.action() != BayPlanAction.LOAD && seen.add(entry.container().number().value())) {
                    JsonObject master = ModelJson.container(entry.container());
                    masters.add(master);
                    entries.add(new LogEntry(0, entry.container().number().value(), LogEntry.INVENTORY, null,
                            new VesselLocation(call.id(), entry.slot()).toString(), null, now,
                            new JsonObject().put("container", master)));
                }
            }
        }
        return pool.withTransaction(connection -> inBatches(connection, masters, batch ->
                        ContainerMasterData.upsert(connection, batch, now))
                .compose(done -> inBatches(connection, entries, batch -> MoveLog.appendNumbered(connection, epoch, batch)))
                .compose(done -> VesselCallStore.upsert(connection, inventory.vesselCalls(), now))
                .map(done -> entries.size()));
    }

    private static <T> Future<Void> inBatches(SqlConnection connection, List<T> items,
                                              Function<List<T>, Future<Void>> write) {
        Future<Void> chain = Future.succeededFuture();
        for (int start = 0; start < items.size(); start += BATCH) {
            List<T> batch = items.subList(start, Math.min(items.size(), start + BATCH));
            chain = chain.compose(done -> write.apply(batch));
        }
        return chain;
    }
}
