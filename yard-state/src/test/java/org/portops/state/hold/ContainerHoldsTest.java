package org.portops.state.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.event.Addresses;
import org.portops.state.ChangeResult;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestPostgres;

/** Holds placed and released in the vessel API's {@code container_holds} table on a real PostgreSQL. */
class ContainerHoldsTest {

    private static final Instant T0 = Instant.parse("2026-11-24T22:00:00Z");
    private static final ContainerNumber BOX = new ContainerNumber("MSCU1234566");

    private Vertx vertx;
    private TestDatabase database;
    private Pool pool;
    private ContainerHolds holds;
    private final List<JsonObject> facts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        holds = new ContainerHolds(pool, vertx.eventBus(), Clock.fixed(T0, ZoneOffset.UTC));
        await(vertx.eventBus().<JsonObject>consumer(Addresses.CONTAINER_HOLD_CHANGED, m -> facts.add(m.body()))
                .completion());
    }

    @AfterEach
    void stop() {
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    @Test
    void aTerminalHoldIsARowOfTheGatesHoldTableUntilReleased() {
        assertThat(await(holds.place(BOX, HoldKind.TERMINAL, "seal broken", "sup.ana")).applied()).isTrue();

        assertThat(await(holds.active(BOX))).containsExactly(
                new ContainerHold(BOX, HoldKind.TERMINAL, "seal broken", "sup.ana", T0));
        Row row = await(pool.query("select kind, reason, placed_by, released_at from container_holds").execute())
                .iterator().next();
        assertThat(row.getString("kind")).isEqualTo("TERMINAL");
        assertThat(row.getString("placed_by")).isEqualTo("sup.ana");
        assertThat(row.getValue("released_at")).isNull();

        assertThat(await(holds.release(BOX, HoldKind.TERMINAL, "seal replaced", "sup.ben")).applied()).isTrue();
        assertThat(await(holds.active(BOX))).isEmpty();
        Row released = await(pool.query("select released_by from container_holds").execute()).iterator().next();
        assertThat(released.getString("released_by")).isEqualTo("sup.ben");
    }

    @Test
    void aSecondHoldOfTheSameKindIsRefusedNamingTheOneInPlace() {
        await(holds.place(BOX, HoldKind.TERMINAL, "seal broken", "sup.ana"));

        ChangeResult again = await(holds.place(BOX, HoldKind.TERMINAL, "twice", "sup.ben"));

        assertThat(again).isEqualTo(new ChangeResult.Refused("MSCU1234566 already has an active TERMINAL hold: "
                + "held: seal broken (terminal hold by sup.ana)"));
        assertThat(await(holds.place(BOX, HoldKind.CUSTOMS, "x-ray", "customs")).applied())
                .as("another kind of hold stands beside it").isTrue();
        assertThat(await(holds.active(BOX))).extracting(ContainerHold::kind)
                .containsExactly(HoldKind.TERMINAL, HoldKind.CUSTOMS);
    }

    @Test
    void releasingWithoutAnActiveHoldIsRefused() {
        assertThat(await(holds.release(BOX, HoldKind.TERMINAL, "done", "sup.ana")))
                .isEqualTo(new ChangeResult.Refused("MSCU1234566 has no active TERMINAL hold"));
        assertThat(facts).as("nothing changed, nothing announced").isEmpty();
    }

    @Test
    void placingAndReleasingAreAnnouncedAsFacts() {
        await(holds.place(BOX, HoldKind.TERMINAL, "seal broken", "sup.ana"));
        await(holds.release(BOX, HoldKind.TERMINAL, "seal replaced", "sup.ana"));

        // a fact reaches its local consumer on the event loop after the write's future completed
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (facts.size() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(facts).containsExactly(
                new JsonObject().put("container", "MSCU1234566").put("kind", "TERMINAL").put("held", true)
                        .put("reason", "seal broken"),
                new JsonObject().put("container", "MSCU1234566").put("kind", "TERMINAL").put("held", false)
                        .put("reason", "seal replaced"));
    }
}
