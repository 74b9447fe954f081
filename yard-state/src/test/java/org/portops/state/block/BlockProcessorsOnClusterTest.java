package org.portops.state.block;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.SerializationConstants;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.layout.BlockLayout;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.YardSlot;
import org.portops.state.MoveRefusal;
import org.portops.state.YardMaps;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The block processors on a real two-member cluster: results and refusals travel as compact, the block stored
 * in OBJECT format changes in place on the primary, and the backup replica, re-running the same small
 * processor, stays identical, so a member's loss loses nothing.
 */
class BlockProcessorsOnClusterTest {

    private final BlockLayout layout = TestLayouts.small().block(new BlockId("A02")).orElseThrow();
    private HazelcastInstance first;
    private HazelcastInstance second;

    @BeforeEach
    void start() {
        String cluster = TestHazelcast.uniqueClusterName("blocks");
        first = TestHazelcast.member(cluster);
        second = TestHazelcast.member(cluster);
    }

    @AfterEach
    void stop() {
        second.shutdown();
        first.shutdown();
    }

    @Test
    void processorsAndValuesTravelAsCompactNeverJavaSerialized() {
        SerializationService serialization = ((SerializationServiceSupport) first).getSerializationService();
        List<Object> values = List.of(BlockState.empty(layout), new PlaceContainer("MSCU1234565", 1, 1, 1, 2, false, 7),
                new RemoveContainer("MSCU1234565", 1, 1, 1, 8), new MoveWithinBlock("MSCU1234565", 1, 1, 1, 3, 1, 1, 2,
                        false, 9), new CompleteMove("MSCU1234565", 9, 1, 1, 1, 3, 1, 1), new CancelMove("MSCU1234565",
                        9, 1, 1, 1, 0, 0, 0), new CloseSlot(1, 1, 1, true), new ReadStack(1, 1), new ReadBlockCounts(),
                new ClearPendingMarks(), new MoveRefusal.TierLimitExceeded(
                        YardSlot.of("A02", 1, 1, 5), 4));
        for (Object value : values) {
            Data data = serialization.toData(value);
            assertThat(data.getType()).as(value.getClass().getSimpleName()).isEqualTo(SerializationConstants.TYPE_COMPACT);
            Object back = serialization.toObject(data);
            assertThat(back).as(value.getClass().getSimpleName()).isEqualTo(value);
        }
    }

    @Test
    void backupStaysIdenticalToThePrimaryThroughRandomProcessors() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        IMap<String, BlockState> blocks = first.getMap(YardMaps.BLOCKS);
        blocks.set("A02", BlockState.empty(layout));
        BlockState model = BlockState.empty(layout);
        Map<String, int[]> standing = new HashMap<>();
        List<String> containers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            containers.add(ContainerNumber.fromParts("CLU", 'U', 500_000 + i).value());
        }
        long seq = 0;
        int refused = 0;
        for (int step = 0; step < 600; step++) {
            String container = containers.get(random.nextInt(containers.size()));
            int length = container.hashCode() % 3 == 0 ? 2 : 1;
            int bay = 1 + random.nextInt(layout.bays() - 1);
            bay = length == 2 ? bay | 1 : bay;
            int row = 1 + random.nextInt(layout.rows());
            int tier = 1 + random.nextInt(layout.maxTiers());
            seq++;
            int[] at = standing.get(container);
            EntryProcessor<String, BlockState, ?> processor;
            Object expected;
            if (at == null) {
                processor = new PlaceContainer(container, bay, row, tier, length, false, seq);
                expected = model.reserve(container, bay, row, tier, length, false, seq);
            } else {
                processor = new MoveWithinBlock(container, at[0], at[1], at[2], bay, row, tier, length, false, seq);
                expected = model.moveWithin(container, at[0], at[1], at[2], bay, row, tier, length, false, seq);
            }
            HazelcastInstance caller = random.nextBoolean() ? first : second;
            Object result = caller.<String, BlockState>getMap(YardMaps.BLOCKS).executeOnKey("A02", processor);
            assertThat(result).as("seed %d, step %d", seed, step).isEqualTo(expected);
            if (expected != null) {
                refused++;
                continue;
            }
            boolean complete = random.nextInt(100) < 80;
            int[] from = at == null ? new int[3] : at;
            EntryProcessor<String, BlockState, Boolean> finish = complete
                    ? new CompleteMove(container, seq, from[0], from[1], from[2], bay, row, tier)
                    : new CancelMove(container, seq, from[0], from[1], from[2], bay, row, tier);
            caller.<String, BlockState>getMap(YardMaps.BLOCKS).executeOnKey("A02", finish);
            if (complete) {
                model.complete(container, seq, from[0], from[1], from[2], bay, row, tier);
                standing.put(container, new int[] {bay, row, tier});
            } else {
                model.cancel(container, seq, from[0], from[1], from[2], bay, row, tier);
            }
        }
        assertThat(refused).as("seed %d: some steps refused", seed).isGreaterThan(0);
        assertThat(blocks.get("A02")).as("seed %d", seed).isEqualTo(model);
        HazelcastInstance owner = first.getPartitionService().getPartition("A02").getOwner().getUuid()
                .equals(first.getCluster().getLocalMember().getUuid()) ? first : second;
        HazelcastInstance survivor = owner == first ? second : first;
        owner.getLifecycleService().terminate();
        assertThat(survivor.<String, BlockState>getMap(YardMaps.BLOCKS).get("A02"))
                .as("seed %d: the backup replica equals what the primary held", seed).isEqualTo(model);
        assertThat(model.violations()).isEmpty();
    }
}
