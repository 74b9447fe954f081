package org.portops.state.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.state.store.WorkInstructionStore;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestPostgres;

/**
 * A planner's work-instruction writes fenced by its lease term ({@code WorkInstructionStore.upsert(w, lease)}, what
 * {@code LiveYard.fencedBy} writes through): committed while the term holds, refused with the term that counts now
 * once another node took over, and then nothing of the write is stored.
 */
class FencedPlanWritesTest {

    private static final PlannerName CRANE = new PlannerName("crane-scheduler");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private Vertx vertx;
    private TestDatabase database;
    private Pool pool;
    private PlannerLease leases;
    private WorkInstructionStore store;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        leases = new PlannerLease(pool);
        store = new WorkInstructionStore(pool);
    }

    @AfterEach
    void stop() {
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    @Test
    void aWriteOfTheLiveTermCommitsAndADeposedLeadersLateWriteIsRefusedWritingNothing() {
        Lease deposed = await(leases.tryAcquire(CRANE, new NodeId("node-a"), Duration.ofSeconds(30))).orElseThrow();
        WorkInstruction planned = WorkInstruction.planned(new WorkInstructionId("WI-1"),
                ContainerNumber.fromParts("MSC", 'U', 100001), MoveKind.YARD_SHIFT, new GateLocation("IN-1"),
                new GateLocation("OUT-1"), 1, NOW);
        await(store.upsert(planned, deposed));
        assertThat(await(store.loadAll())).containsExactly(planned);

        await(leases.release(deposed));
        Lease next = await(leases.tryAcquire(CRANE, new NodeId("node-b"), Duration.ofSeconds(30))).orElseThrow();
        WorkInstruction late = planned.dispatch(List.of(new EquipmentId("RTG01")), NOW.plusSeconds(1));

        assertThatThrownBy(() -> await(store.upsert(late, deposed))).isInstanceOfSatisfying(LeaseLostException.class,
                lost -> assertThat(lost.refusal()).isEqualTo(new LeaseRefusal.Superseded(next.token(), next.holder())));
        assertThat(await(store.loadAll())).as("the refused write changed nothing").containsExactly(planned);

        await(store.upsert(late, next));
        assertThat(await(store.loadAll())).containsExactly(late);
    }

    @Test
    void aTermThatExpiredWritesNothingEvenBeforeAnyTakeover() throws InterruptedException {
        Lease lapsed = await(leases.tryAcquire(CRANE, new NodeId("node-a"), Duration.ofMillis(200))).orElseThrow();
        Thread.sleep(400);
        WorkInstruction planned = WorkInstruction.planned(new WorkInstructionId("WI-2"),
                ContainerNumber.fromParts("MSC", 'U', 100002), MoveKind.YARD_SHIFT, new GateLocation("IN-1"),
                new GateLocation("OUT-1"), 1, NOW);

        assertThatThrownBy(() -> await(store.upsert(planned, lapsed))).isInstanceOfSatisfying(LeaseLostException.class,
                lost -> assertThat(lost.refusal()).isInstanceOf(LeaseRefusal.Expired.class));
        assertThat(await(store.loadAll())).isEmpty();
    }
}
