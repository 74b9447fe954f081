package org.portops.yard.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardSlot;
import org.portops.state.LiveYard;
import org.portops.state.StackView;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;
import org.portops.state.testsupport.TestPostgres;

/** The planner's yard read from a real live yard (Hazelcast, PostgreSQL) seeded with the sample inventory. */
class LiveYardSnapshotTest {
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private final TerminalLayout layout = TestLayouts.sample();
    private Vertx vertx;
    private HazelcastInstance hazelcast;
    private TestDatabase database;
    private Pool pool;
    private LiveYard live;

    private final LiveYardSnapshot.Expectations expectations = new LiveYardSnapshot.Expectations() {
        @Override
        public Departure departure(Container container) {
            return Departure.at(NOW.plus(Duration.ofDays(container.category() == ContainerCategory.EMPTY ? 5 : 3)));
        }

        @Override
        public String vesselCall(Container container) {
            return container.category() == ContainerCategory.EXPORT ? "CALL-1" : null;
        }
    };

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        hazelcast = TestHazelcast.member(TestHazelcast.uniqueClusterName("yard-slot"));
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        live = await(LiveYard.open(vertx, hazelcast, pool, layout, Clock.systemUTC()));
    }

    @AfterEach
    void tearDown() {
        await(live.close());
        await(pool.close());
        await(vertx.close());
        hazelcast.shutdown();
        database.drop();
    }

    @Test
    void readsEveryContainerWhereTheLiveYardHasItAndPlansOnAFreeSupportedSlot() {
        YardModel yard = await(LiveYardSnapshot.read(live.reader(), layout, StackRules.DEFAULT, expectations), 120);

        Set<ContainerNumber> inStacks = new HashSet<>();
        for (BlockLayout block : layout.blocks()) {
            for (int bay = 1; bay <= block.bays(); bay++) {
                for (int row = 1; row <= block.rows(); row++) {
                    StackView view = await(live.reader().stack(StackId.of(block.id().value(), bay, row)));
                    for (int t = 0; t < view.tiers().size(); t++) {
                        StackView.TierView tier = view.tiers().get(t);
                        if (tier.status() == StackView.SlotStatus.OCCUPIED && (!tier.longContainer() || bay % 2 == 1)
                                && inStacks.add(tier.container())) {
                            assertThat(yard.slotOf(tier.container()))
                                    .contains(view.stack().at(new Tier(t + 1)));
                        }
                    }
                }
            }
        }
        assertThat(inStacks).as("the sample inventory is seeded").hasSizeGreaterThan(1_000);
        assertThat(yard.containers()).isEqualTo(inStacks.size());

        SlotPlanner planner = new SlotPlanner(yard, Clock.fixed(NOW, ZoneOffset.UTC));
        SlotDecision decision = planner.announce(new Arrivals.Box(900_001, ContainerLength.FORTY,
                22_000, false, null, null, "USNYC", NOW.plus(Duration.ofDays(4))).request());
        assertThat(decision).isInstanceOf(SlotDecision.Placed.class);
        YardSlot slot = ((SlotDecision.Placed) decision).slot();
        StackView target = await(live.reader().stack(slot.stack()));
        assertThat(target.tiers().get(slot.tier().level() - 1).status()).isEqualTo(StackView.SlotStatus.EMPTY);
        if (slot.tier().level() > 1) {
            assertThat(target.tiers().get(slot.tier().level() - 2).status()).isEqualTo(StackView.SlotStatus.OCCUPIED);
        }
    }
}
