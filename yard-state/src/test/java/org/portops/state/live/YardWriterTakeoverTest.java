package org.portops.state.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.model.event.ContainerMoved;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.MoveKind;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;
import org.portops.state.MoveRefusal;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.YardMaps;
import org.portops.state.store.LogEntry;
import org.portops.state.store.MoveLog;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;
import org.portops.state.testsupport.TestPostgres;

/**
 * The yard's writer in a cluster of two members: a joined node's moves and slot changes are applied by the writer's
 * node (over the event bus) and answered as if made locally; a node taking over the writer's role fences the old
 * writer, rebuilds the yard from the move log (so what the old writer logged but never applied to the maps holds),
 * and then applies the old writer's node's moves too.
 */
class YardWriterTakeoverTest {

    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");

    private final TerminalLayout layout = TestLayouts.small();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Vertx vertx;
    private TestDatabase database;
    private Pool pool;
    private HazelcastInstance first;
    private HazelcastInstance second;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        String cluster = TestHazelcast.uniqueClusterName("yard-writer");
        first = TestHazelcast.member(cluster);
        second = TestHazelcast.member(cluster);
    }

    @AfterEach
    void stop() {
        second.shutdown();
        first.shutdown();
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    @Test
    void joinedNodesMovesGoToTheWriterAndTheNextWriterTakesOverFromTheMoveLog() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        LiveYard opened = await(LiveYard.open(vertx, first, pool, layout, clock));
        LiveYard joined = await(LiveYard.join(vertx, second, pool, layout, clock));
        assertThat(opened.writing()).isTrue();
        assertThat(joined.writing()).isFalse();

        ContainerMoved viaJoined = acceptedMove(joined, new RandomMoves(YardMaps.of(second), layout), random, seed);
        assertThat(YardMaps.of(first).containers().get(viaJoined.container().value()).location())
                .as("seed %d", seed).isEqualTo(viaJoined.to());
        assertThat(loggedTo(viaJoined.sequence())).isEqualTo(viaJoined.to().toString());
        MoveResult again = await(joined.move(MoveRequest.of(viaJoined.container(), MoveKind.YARD_SHIFT,
                viaJoined.from(), viaJoined.to())));
        assertThat(again).as("a refusal comes back as the writer made it")
                .isEqualTo(new MoveResult.Refused(MoveRequest.of(viaJoined.container(), MoveKind.YARD_SHIFT,
                        viaJoined.from(), viaJoined.to()),
                        new MoveRefusal.NotAtOrigin(viaJoined.container(), viaJoined.from(), viaJoined.to())));
        BlockLayout block = layout.blocks().getFirst();
        YardSlot closedViaJoined = YardSlot.of(block.id().value(), 1, 1, block.maxTiers());
        assertThat(await(joined.closeSlot(closedViaJoined, "crane rail repair"))).isEqualTo(ChangeResult.APPLIED);
        assertThat(YardMaps.of(first).blocks().get(block.id().value()).isClosed(1, 1, block.maxTiers())).isTrue();

        // the writer logs a slot closure and dies before it reaches the maps
        MoveLog log = new MoveLog(pool);
        long epoch = await(log.currentEpoch());
        long seq = await(log.nextSequences(1)).getFirst();
        YardSlot loggedOnly = YardSlot.of(block.id().value(), 2, 1, block.maxTiers());
        await(log.append(epoch, List.of(new LogEntry(seq, null, LogEntry.SLOT_CLOSED, null,
                new YardLocation(loggedOnly).toString(), null, NOW, new JsonObject().put("reason", "logged only"))),
                List.of(), NOW));
        assertThat(YardMaps.of(second).blocks().get(block.id().value()).isClosed(2, 1, block.maxTiers())).isFalse();

        await(joined.takeOverAsWriter());
        assertThat(joined.writing()).isTrue();
        assertThat(await(log.currentEpoch())).isEqualTo(epoch + 1);
        assertThat(YardMaps.of(second).blocks().get(block.id().value()).isClosed(2, 1, block.maxTiers()))
                .as("rebuilt from the move log").isTrue();
        assertThat(YardMaps.of(second).containers().get(viaJoined.container().value()).location())
                .isEqualTo(viaJoined.to());

        // the old writer is fenced at its next append: that move and the next go to the new writer
        ContainerMoved viaOld = acceptedMove(opened, new RandomMoves(YardMaps.of(first), layout), random, seed);
        assertThat(opened.writing()).as("the fenced writer stepped down by itself").isFalse();
        assertThat(viaOld.sequence()).isGreaterThan(seq);
        assertThat(loggedTo(viaOld.sequence())).isEqualTo(viaOld.to().toString());
        assertThat(YardMaps.of(second).containers().get(viaOld.container().value()).location())
                .isEqualTo(viaOld.to());
    }

    private static ContainerMoved acceptedMove(LiveYard yard, RandomMoves moves, Random random, long seed) {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (await(yard.move(moves.next(random))) instanceof MoveResult.Accepted accepted) {
                return accepted.event();
            }
        }
        throw new AssertionError("no move accepted in 50 attempts, seed " + seed);
    }

    private String loggedTo(long seq) {
        return await(pool.preparedQuery("select to_location from move_log where seq = $1").execute(Tuple.of(seq)))
                .iterator().next().getString(0);
    }
}
