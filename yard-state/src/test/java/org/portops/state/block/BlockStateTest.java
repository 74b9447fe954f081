package org.portops.state.block;

import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.layout.BlockLayout;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.YardSlot;
import org.portops.state.MoveRefusal;
import org.portops.state.testsupport.TestLayouts;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BlockStateTest {

    private static final String C1 = ContainerNumber.fromParts("MSC", 'U', 100001).value();
    private static final String C2 = ContainerNumber.fromParts("MSC", 'U', 100002).value();
    private static final String C3 = ContainerNumber.fromParts("MSC", 'U', 100003).value();

    /** A02: 10 bays x 4 rows x 4 tiers, plugs on row 4. */
    private final BlockLayout layout = TestLayouts.small().block(new BlockId("A02")).orElseThrow();
    private final BlockState block = BlockState.empty(layout);

    private static YardSlot slot(int bay, int row, int tier) {
        return YardSlot.of("A02", bay, row, tier);
    }

    @Test
    void refusesContainerAboveEmptySlot() {
        BlockState before = block.copy();
        assertThat(block.place(C1, 3, 1, 2, 1, false, 1))
                .isEqualTo(new MoveRefusal.WouldFloat(slot(3, 1, 2), slot(3, 1, 1)));
        assertThat(block).isEqualTo(before);
    }

    @Test
    void refusesStackAboveTheBlocksTierLimit() {
        for (int tier = 1; tier <= 4; tier++) {
            assertThat(block.place(ContainerNumber.fromParts("MSC", 'U', 200 + tier).value(), 1, 1, tier, 1, false,
                    tier)).isNull();
        }
        assertThat(block.place(C1, 1, 1, 5, 1, false, 9)).isEqualTo(new MoveRefusal.TierLimitExceeded(slot(1, 1, 5), 4));
    }

    @Test
    void fortyFootStandsOnAnOddBayAndCoversTheNext() {
        assertThat(block.place(C1, 4, 1, 1, 2, false, 1)).isEqualTo(new MoveRefusal.LongContainerOnEvenBay(slot(4, 1, 1)));
        assertThat(block.place(C1, 5, 1, 1, 2, false, 1)).isNull();
        assertThat(block.place(C2, 6, 1, 1, 1, false, 2))
                .isEqualTo(new MoveRefusal.SlotOccupied(slot(6, 1, 1), ContainerNumber.of(C1)));
        assertThat(block.stack(6, 1).containers()[0]).isEqualTo(C1);
        assertThat(block.violations()).isEmpty();
    }

    @Test
    void fortyFootNeedsBothBaysSupportedBelow() {
        assertThat(block.place(C1, 1, 2, 1, 1, false, 1)).isNull();
        assertThat(block.place(C2, 1, 2, 2, 2, false, 2)).isEqualTo(new MoveRefusal.WouldFloat(slot(2, 2, 2), slot(2, 2, 1)));
        assertThat(block.place(C3, 2, 2, 1, 1, false, 3)).isNull();
        assertThat(block.place(C2, 1, 2, 2, 2, false, 4)).isNull();
        assertThat(block.violations()).isEmpty();
    }

    @Test
    void fortyFootCannotHangOverTheBlockEnd() {
        assertThat(block.place(C1, 11, 1, 1, 2, false, 1)).isInstanceOf(MoveRefusal.OutsideBlock.class);
    }

    @Test
    void reefersStandOnlyInPluggedRows() {
        assertThat(block.place(C1, 1, 3, 1, 1, true, 1)).isEqualTo(new MoveRefusal.ReeferWithoutPlug(slot(1, 3, 1)));
        assertThat(block.place(C1, 1, 4, 1, 1, true, 1)).isNull();
    }

    @Test
    void closedSlotTakesNoContainer() {
        assertThat(block.setClosed(2, 2, 1, true)).isNull();
        assertThat(block.place(C1, 1, 2, 1, 2, false, 1)).isEqualTo(new MoveRefusal.SlotClosed(slot(2, 2, 1)));
        assertThat(block.setClosed(2, 2, 1, false)).isNull();
        assertThat(block.place(C1, 1, 2, 1, 2, false, 1)).isNull();
    }

    @Test
    void refusesTakingAContainerFromUnderAnother() {
        block.place(C1, 3, 3, 1, 1, false, 1);
        block.place(C2, 3, 3, 2, 1, false, 2);
        BlockState before = block.copy();
        assertThat(block.markLeaving(C1, 3, 3, 1, 3)).isEqualTo(new MoveRefusal.BuriedUnder(slot(3, 3, 1),
                ContainerNumber.of(C2)));
        assertThat(block.remove(C1, 3, 3, 1)).isInstanceOf(MoveRefusal.BuriedUnder.class);
        assertThat(block).isEqualTo(before);
    }

    @Test
    void twentyFootCannotLeaveFromUnderAFortyFoot() {
        block.place(C1, 1, 1, 1, 1, false, 1);
        block.place(C2, 2, 1, 1, 1, false, 2);
        block.place(C3, 1, 1, 2, 2, false, 3);
        assertThat(block.markLeaving(C2, 2, 1, 1, 4)).isEqualTo(new MoveRefusal.BuriedUnder(slot(2, 1, 1),
                ContainerNumber.of(C3)));
    }

    @Test
    void nothingIsStackedOnAContainerThatIsLeaving() {
        block.place(C1, 1, 1, 1, 1, false, 1);
        assertThat(block.markLeaving(C1, 1, 1, 1, 2)).isNull();
        assertThat(block.reserve(C2, 1, 1, 2, 1, false, 3)).isEqualTo(new MoveRefusal.WouldFloat(slot(1, 1, 2),
                slot(1, 1, 1)));
    }

    @Test
    void reservedSlotIsNeitherTakenNorStoodOn() {
        assertThat(block.reserve(C1, 1, 1, 1, 1, false, 1)).isNull();
        assertThat(block.place(C2, 1, 1, 1, 1, false, 2)).isEqualTo(new MoveRefusal.SlotReserved(slot(1, 1, 1),
                ContainerNumber.of(C1)));
        assertThat(block.place(C2, 1, 1, 2, 1, false, 2)).isInstanceOf(MoveRefusal.WouldFloat.class);
    }

    @Test
    void moveWithinBlockCannotLandOnItsOwnOrigin() {
        block.place(C1, 1, 1, 1, 1, false, 1);
        BlockState before = block.copy();
        assertThat(block.moveWithin(C1, 1, 1, 1, 1, 1, 2, 1, false, 2)).isInstanceOf(MoveRefusal.WouldFloat.class);
        assertThat(block).isEqualTo(before);
    }

    @Test
    void stepsOfAMoveAreIdempotent() {
        block.place(C1, 1, 1, 1, 1, false, 1);
        assertThat(block.moveWithin(C1, 1, 1, 1, 5, 2, 1, 1, false, 7)).isNull();
        BlockState prepared = block.copy();
        assertThat(block.moveWithin(C1, 1, 1, 1, 5, 2, 1, 1, false, 7)).isNull();
        assertThat(block).isEqualTo(prepared);
        assertThat(block.complete(C1, 7, 1, 1, 1, 5, 2, 1)).isTrue();
        BlockState completed = block.copy();
        assertThat(block.complete(C1, 7, 1, 1, 1, 5, 2, 1)).isFalse();
        assertThat(block.cancel(C1, 7, 1, 1, 1, 5, 2, 1)).isFalse();
        assertThat(block).isEqualTo(completed);
        assertThat(block.positions()).containsExactly(Map.entry(C1, slot(5, 2, 1)));
    }

    @Test
    void cancelledMoveLeavesTheBlockAsBefore() {
        block.place(C1, 1, 1, 1, 2, false, 1);
        BlockState before = block.copy();
        assertThat(block.moveWithin(C1, 1, 1, 1, 3, 2, 1, 2, false, 5)).isNull();
        assertThat(block.cancel(C1, 5, 1, 1, 1, 3, 2, 1)).isTrue();
        assertThat(block).isEqualTo(before);
    }
}
