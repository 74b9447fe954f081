package org.portops.state.live;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardSlot;
import org.portops.state.LiveYard;
import org.portops.state.MoveResult;
import org.portops.state.StackView;
import org.portops.state.YardMaps;
import org.portops.state.block.BlockState;
import org.portops.state.block.StackCells;
import org.portops.state.custody.TrackedContainer;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;
import org.portops.state.testsupport.TestPostgres;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

/**
 * Several threads move containers at random, within and across blocks, through the live yard on one member of a
 * two-member cluster, while reader threads on the other member keep checking that no container is ever lost or
 * in two places. At the end the yard is quiescent: every invariant holds and the blocks agree with the
 * containers map exactly.
 */
class ConcurrentMovesTest {

    private static final int WRITERS = 4;
    private static final int MOVES_PER_WRITER = 120;
    private static final int READERS = 2;

    private final TerminalLayout layout = TestLayouts.small();
    private Vertx vertx;
    private TestDatabase database;
    private Pool pool;
    private HazelcastInstance writerMember;
    private HazelcastInstance readerMember;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        String cluster = TestHazelcast.uniqueClusterName("concurrent");
        writerMember = TestHazelcast.member(cluster);
        readerMember = TestHazelcast.member(cluster);
    }

    @AfterEach
    void stop() {
        readerMember.shutdown();
        writerMember.shutdown();
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    @Test
    void noContainerIsEverLostOrSeenInTwoPlaces() throws InterruptedException {
        long seed = System.nanoTime();
        System.out.println("ConcurrentMovesTest seed " + seed);
        LiveYard yard = await(LiveYard.open(vertx, writerMember, pool, layout, Clock.systemUTC()));
        YardMaps writerMaps = YardMaps.of(writerMember);
        YardMaps readerMaps = YardMaps.of(readerMember);
        List<String> containers = new ArrayList<>(readerMaps.containers().keySet().stream()
                .filter(c -> readerMaps.containers().get(c).location() instanceof YardLocation).toList());
        int inTerminal = readerMaps.containers().size();

        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger crossBlock = new AtomicInteger();
        AtomicLong checks = new AtomicLong();
        CountDownLatch writersDone = new CountDownLatch(WRITERS);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(seed + w);
            threads.add(Thread.ofPlatform().name("writer-" + w).start(() -> {
                try {
                    RandomMoves moves = new RandomMoves(writerMaps, layout);
                    for (int i = 0; i < MOVES_PER_WRITER; i++) {
                        var request = moves.next(random);
                        if (await(yard.move(request)) instanceof MoveResult.Accepted) {
                            accepted.incrementAndGet();
                            if (!((YardLocation) request.from()).slot().block()
                                    .equals(((YardLocation) request.to()).slot().block())) {
                                crossBlock.incrementAndGet();
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    problems.add("writer failed: " + e);
                } finally {
                    writersDone.countDown();
                }
            }));
        }
        for (int r = 0; r < READERS; r++) {
            Random random = new Random(seed + 100 + r);
            threads.add(Thread.ofPlatform().name("reader-" + r).start(() -> {
                while (writing.get() && problems.size() < 10) {
                    try {
                        checkOneContainer(readerMaps, containers.get(random.nextInt(containers.size())), problems);
                        checkResolvedStack(yard, random, problems);
                        int size = readerMaps.containers().size();
                        if (size != inTerminal) {
                            problems.add("containers map holds " + size + " containers, expected " + inTerminal);
                        }
                        checks.incrementAndGet();
                    } catch (RuntimeException e) {
                        problems.add("reader failed: " + e);
                    }
                }
            }));
        }
        writersDone.await();
        writing.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf("ConcurrentMovesTest: %d moves accepted (%d across blocks), %d reader checks%n",
                accepted.get(), crossBlock.get(), checks.get());
        assertThat(problems).as("seed %d", seed).isEmpty();
        assertThat(accepted.get()).as("seed %d", seed).isGreaterThan(WRITERS * MOVES_PER_WRITER / 4);
        assertThat(crossBlock.get()).as("seed %d", seed).isGreaterThan(0);
        assertThat(checks.get()).as("seed %d", seed).isGreaterThan(50);
        assertQuiescentYardIsConsistent(readerMaps, seed);
        await(yard.close());
    }

    /**
     * Reads a container's entry, its block, and the entry again; when the entry did not change meanwhile, the
     * block must hold the container exactly where the entry says, and anywhere else only as a reservation of a
     * later move or as the origin its last move is releasing.
     */
    private void checkOneContainer(YardMaps maps, String container, ConcurrentLinkedQueue<String> problems) {
        TrackedContainer before = maps.containers().get(container);
        if (before == null || !(before.location() instanceof YardLocation yard)) {
            problems.add(container + " is lost: " + before);
            return;
        }
        YardSlot at = yard.slot();
        BlockState block = maps.blocks().get(at.block().value());
        TrackedContainer after = maps.containers().get(container);
        if (after == null || after.sequence() != before.sequence()) {
            return;
        }
        int standing = 0;
        for (int bay = 1; bay <= block.bays(); bay++) {
            for (int row = 1; row <= block.rows(); row++) {
                StackCells stack = block.stack(bay, row);
                for (int t = 0; t < stack.maxTiers(); t++) {
                    if (!container.equals(stack.containers()[t]) || stack.spans()[t] == BlockState.TAIL) {
                        continue;
                    }
                    boolean here = bay == at.bay().number() && row == at.row().number() && t + 1 == at.tier().level();
                    byte state = stack.states()[t];
                    if (here && (state == BlockState.OCCUPIED
                            || state == BlockState.INBOUND && stack.sequences()[t] == before.sequence())) {
                        standing++;
                    } else if (!(state == BlockState.INBOUND && stack.sequences()[t] > before.sequence())
                            && !(state == BlockState.OCCUPIED && stack.leaving()[t] == before.sequence())) {
                        problems.add(container + " (at " + at + ", move " + before.sequence() + ") also stands at "
                                + YardSlot.of(block.block(), bay, row, t + 1) + " state " + state + " seq "
                                + stack.sequences()[t] + " leaving " + stack.leaving()[t]);
                    }
                }
            }
        }
        if (standing != 1) {
            problems.add(container + " should stand once at " + at + ", stands " + standing + " times");
        }
    }

    /** A resolved stack view never shows a container twice. */
    private void checkResolvedStack(LiveYard yard, Random random, ConcurrentLinkedQueue<String> problems) {
        BlockLayout block = layout.blocks().get(random.nextInt(layout.blocks().size()));
        StackView view = await(yard.reader().stack(StackId.of(block.id().value(),
                1 + random.nextInt(block.bays()), 1 + random.nextInt(block.rows()))));
        Set<Object> seen = new HashSet<>();
        for (StackView.TierView tier : view.tiers()) {
            if (tier.status() == StackView.SlotStatus.OCCUPIED && !seen.add(tier.container())) {
                problems.add(tier.container() + " shown twice in " + view.stack());
            }
        }
    }

    private void assertQuiescentYardIsConsistent(YardMaps maps, long seed) {
        Map<String, YardSlot> standing = new HashMap<>();
        for (BlockState block : maps.blocks().values()) {
            assertThat(block.violations()).as("seed %d", seed).isEmpty();
            for (int bay = 1; bay <= block.bays(); bay++) {
                for (int row = 1; row <= block.rows(); row++) {
                    StackCells stack = block.stack(bay, row);
                    for (int t = 0; t < stack.maxTiers(); t++) {
                        assertThat(stack.states()[t]).as("seed %d: no reservation left", seed)
                                .isNotEqualTo(BlockState.INBOUND);
                        assertThat(stack.leaving()[t]).as("seed %d: no leaving mark left", seed).isZero();
                    }
                }
            }
            block.positions().forEach((container, slot) ->
                    assertThat(standing.put(container, slot)).as("seed %d: %s in two blocks", seed, container).isNull());
        }
        Map<String, YardSlot> tracked = new HashMap<>();
        maps.containers().forEach((container, entry) -> {
            assertThat(entry.pendingSequence()).as("seed %d: claim left on %s", seed, container).isZero();
            if (entry.location() instanceof YardLocation yard) {
                tracked.put(container, yard.slot());
            }
        });
        assertThat(standing).as("seed %d: blocks agree with the containers map", seed).isEqualTo(tracked);
    }
}
