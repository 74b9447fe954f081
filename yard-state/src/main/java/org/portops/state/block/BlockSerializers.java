package org.portops.state.block;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

import java.util.List;

/** Compact serializers of the block map's values, processors and results, with explicit type names. */
public final class BlockSerializers {

    private BlockSerializers() {
    }

    public static List<CompactSerializer<?>> all() {
        return List.of(new BlockStateSerializer(), new StackCellsSerializer(), new BlockCountsSerializer(),
                new PlaceContainerSerializer(), new RemoveContainerSerializer(), new MoveWithinBlockSerializer(),
                new CompleteMoveSerializer(), new CancelMoveSerializer(), new CloseSlotSerializer(),
                new ClearPendingMarksSerializer(), new ReadStackSerializer(), new ReadBlockCountsSerializer());
    }

    static final class BlockStateSerializer implements CompactSerializer<BlockState> {
        @Override
        public BlockState read(CompactReader in) {
            return new BlockState(in.readString("block"), in.readInt32("bays"), in.readInt32("rows"),
                    in.readInt32("maxTiers"), in.readInt32("plugRowMask"), in.readArrayOfString("occupant"),
                    in.readArrayOfInt8("state"), in.readArrayOfInt8("span"), in.readArrayOfBoolean("reefer"),
                    in.readArrayOfInt64("sequence"), in.readArrayOfInt64("leaving"), in.readArrayOfBoolean("closed"));
        }

        @Override
        public void write(CompactWriter out, BlockState b) {
            out.writeString("block", b.block);
            out.writeInt32("bays", b.bays);
            out.writeInt32("rows", b.rows);
            out.writeInt32("maxTiers", b.maxTiers);
            out.writeInt32("plugRowMask", b.plugRowMask);
            out.writeArrayOfString("occupant", b.occupant);
            out.writeArrayOfInt8("state", b.state);
            out.writeArrayOfInt8("span", b.span);
            out.writeArrayOfBoolean("reefer", b.reefer);
            out.writeArrayOfInt64("sequence", b.sequence);
            out.writeArrayOfInt64("leaving", b.leaving);
            out.writeArrayOfBoolean("closed", b.closed);
        }

        @Override
        public String getTypeName() {
            return "portops.state.BlockState";
        }

        @Override
        public Class<BlockState> getCompactClass() {
            return BlockState.class;
        }
    }

    static final class StackCellsSerializer implements CompactSerializer<StackCells> {
        @Override
        public StackCells read(CompactReader in) {
            return new StackCells(in.readString("block"), in.readInt32("bay"), in.readInt32("row"),
                    in.readInt32("maxTiers"), in.readBoolean("plugged"), in.readArrayOfString("containers"),
                    in.readArrayOfInt8("states"), in.readArrayOfInt8("spans"), in.readArrayOfInt64("sequences"),
                    in.readArrayOfInt64("leaving"), in.readArrayOfBoolean("closed"));
        }

        @Override
        public void write(CompactWriter out, StackCells s) {
            out.writeString("block", s.block());
            out.writeInt32("bay", s.bay());
            out.writeInt32("row", s.row());
            out.writeInt32("maxTiers", s.maxTiers());
            out.writeBoolean("plugged", s.plugged());
            out.writeArrayOfString("containers", s.containers());
            out.writeArrayOfInt8("states", s.states());
            out.writeArrayOfInt8("spans", s.spans());
            out.writeArrayOfInt64("sequences", s.sequences());
            out.writeArrayOfInt64("leaving", s.leaving());
            out.writeArrayOfBoolean("closed", s.closed());
        }

        @Override
        public String getTypeName() {
            return "portops.state.StackCells";
        }

        @Override
        public Class<StackCells> getCompactClass() {
            return StackCells.class;
        }
    }

    static final class BlockCountsSerializer implements CompactSerializer<BlockCounts> {
        @Override
        public BlockCounts read(CompactReader in) {
            return new BlockCounts(in.readString("block"), in.readInt32("capacitySlots"), in.readInt32("occupiedSlots"),
                    in.readInt32("containers"), in.readInt32("reservedSlots"), in.readInt32("closedSlots"),
                    in.readInt32("reefers"));
        }

        @Override
        public void write(CompactWriter out, BlockCounts c) {
            out.writeString("block", c.block());
            out.writeInt32("capacitySlots", c.capacitySlots());
            out.writeInt32("occupiedSlots", c.occupiedSlots());
            out.writeInt32("containers", c.containers());
            out.writeInt32("reservedSlots", c.reservedSlots());
            out.writeInt32("closedSlots", c.closedSlots());
            out.writeInt32("reefers", c.reefers());
        }

        @Override
        public String getTypeName() {
            return "portops.state.BlockCounts";
        }

        @Override
        public Class<BlockCounts> getCompactClass() {
            return BlockCounts.class;
        }
    }

    static final class PlaceContainerSerializer implements CompactSerializer<PlaceContainer> {
        @Override
        public PlaceContainer read(CompactReader in) {
            return new PlaceContainer(in.readString("container"), in.readInt32("bay"), in.readInt32("row"),
                    in.readInt32("tier"), in.readInt32("lengthBays"), in.readBoolean("reefer"), in.readInt64("seq"));
        }

        @Override
        public void write(CompactWriter out, PlaceContainer p) {
            out.writeString("container", p.container());
            out.writeInt32("bay", p.bay());
            out.writeInt32("row", p.row());
            out.writeInt32("tier", p.tier());
            out.writeInt32("lengthBays", p.lengthBays());
            out.writeBoolean("reefer", p.reefer());
            out.writeInt64("seq", p.seq());
        }

        @Override
        public String getTypeName() {
            return "portops.state.PlaceContainer";
        }

        @Override
        public Class<PlaceContainer> getCompactClass() {
            return PlaceContainer.class;
        }
    }

    static final class RemoveContainerSerializer implements CompactSerializer<RemoveContainer> {
        @Override
        public RemoveContainer read(CompactReader in) {
            return new RemoveContainer(in.readString("container"), in.readInt32("bay"), in.readInt32("row"),
                    in.readInt32("tier"), in.readInt64("seq"));
        }

        @Override
        public void write(CompactWriter out, RemoveContainer p) {
            out.writeString("container", p.container());
            out.writeInt32("bay", p.bay());
            out.writeInt32("row", p.row());
            out.writeInt32("tier", p.tier());
            out.writeInt64("seq", p.seq());
        }

        @Override
        public String getTypeName() {
            return "portops.state.RemoveContainer";
        }

        @Override
        public Class<RemoveContainer> getCompactClass() {
            return RemoveContainer.class;
        }
    }

    static final class MoveWithinBlockSerializer implements CompactSerializer<MoveWithinBlock> {
        @Override
        public MoveWithinBlock read(CompactReader in) {
            return new MoveWithinBlock(in.readString("container"), in.readInt32("fromBay"), in.readInt32("fromRow"),
                    in.readInt32("fromTier"), in.readInt32("toBay"), in.readInt32("toRow"), in.readInt32("toTier"),
                    in.readInt32("lengthBays"), in.readBoolean("reefer"), in.readInt64("seq"));
        }

        @Override
        public void write(CompactWriter out, MoveWithinBlock p) {
            out.writeString("container", p.container());
            out.writeInt32("fromBay", p.fromBay());
            out.writeInt32("fromRow", p.fromRow());
            out.writeInt32("fromTier", p.fromTier());
            out.writeInt32("toBay", p.toBay());
            out.writeInt32("toRow", p.toRow());
            out.writeInt32("toTier", p.toTier());
            out.writeInt32("lengthBays", p.lengthBays());
            out.writeBoolean("reefer", p.reefer());
            out.writeInt64("seq", p.seq());
        }

        @Override
        public String getTypeName() {
            return "portops.state.MoveWithinBlock";
        }

        @Override
        public Class<MoveWithinBlock> getCompactClass() {
            return MoveWithinBlock.class;
        }
    }

    static final class CompleteMoveSerializer implements CompactSerializer<CompleteMove> {
        @Override
        public CompleteMove read(CompactReader in) {
            return new CompleteMove(in.readString("container"), in.readInt64("seq"), in.readInt32("fromBay"),
                    in.readInt32("fromRow"), in.readInt32("fromTier"), in.readInt32("toBay"), in.readInt32("toRow"),
                    in.readInt32("toTier"));
        }

        @Override
        public void write(CompactWriter out, CompleteMove p) {
            out.writeString("container", p.container());
            out.writeInt64("seq", p.seq());
            out.writeInt32("fromBay", p.fromBay());
            out.writeInt32("fromRow", p.fromRow());
            out.writeInt32("fromTier", p.fromTier());
            out.writeInt32("toBay", p.toBay());
            out.writeInt32("toRow", p.toRow());
            out.writeInt32("toTier", p.toTier());
        }

        @Override
        public String getTypeName() {
            return "portops.state.CompleteMove";
        }

        @Override
        public Class<CompleteMove> getCompactClass() {
            return CompleteMove.class;
        }
    }

    static final class CancelMoveSerializer implements CompactSerializer<CancelMove> {
        @Override
        public CancelMove read(CompactReader in) {
            return new CancelMove(in.readString("container"), in.readInt64("seq"), in.readInt32("fromBay"),
                    in.readInt32("fromRow"), in.readInt32("fromTier"), in.readInt32("toBay"), in.readInt32("toRow"),
                    in.readInt32("toTier"));
        }

        @Override
        public void write(CompactWriter out, CancelMove p) {
            out.writeString("container", p.container());
            out.writeInt64("seq", p.seq());
            out.writeInt32("fromBay", p.fromBay());
            out.writeInt32("fromRow", p.fromRow());
            out.writeInt32("fromTier", p.fromTier());
            out.writeInt32("toBay", p.toBay());
            out.writeInt32("toRow", p.toRow());
            out.writeInt32("toTier", p.toTier());
        }

        @Override
        public String getTypeName() {
            return "portops.state.CancelMove";
        }

        @Override
        public Class<CancelMove> getCompactClass() {
            return CancelMove.class;
        }
    }

    static final class CloseSlotSerializer implements CompactSerializer<CloseSlot> {
        @Override
        public CloseSlot read(CompactReader in) {
            return new CloseSlot(in.readInt32("bay"), in.readInt32("row"), in.readInt32("tier"),
                    in.readBoolean("close"));
        }

        @Override
        public void write(CompactWriter out, CloseSlot p) {
            out.writeInt32("bay", p.bay());
            out.writeInt32("row", p.row());
            out.writeInt32("tier", p.tier());
            out.writeBoolean("close", p.close());
        }

        @Override
        public String getTypeName() {
            return "portops.state.CloseSlot";
        }

        @Override
        public Class<CloseSlot> getCompactClass() {
            return CloseSlot.class;
        }
    }

    static final class ClearPendingMarksSerializer implements CompactSerializer<ClearPendingMarks> {
        @Override
        public ClearPendingMarks read(CompactReader in) {
            return new ClearPendingMarks();
        }

        @Override
        public void write(CompactWriter out, ClearPendingMarks p) {
            // a processor without parameters has no fields to write
        }

        @Override
        public String getTypeName() {
            return "portops.state.ClearPendingMarks";
        }

        @Override
        public Class<ClearPendingMarks> getCompactClass() {
            return ClearPendingMarks.class;
        }
    }

    static final class ReadStackSerializer implements CompactSerializer<ReadStack> {
        @Override
        public ReadStack read(CompactReader in) {
            return new ReadStack(in.readInt32("bay"), in.readInt32("row"));
        }

        @Override
        public void write(CompactWriter out, ReadStack p) {
            out.writeInt32("bay", p.bay());
            out.writeInt32("row", p.row());
        }

        @Override
        public String getTypeName() {
            return "portops.state.ReadStack";
        }

        @Override
        public Class<ReadStack> getCompactClass() {
            return ReadStack.class;
        }
    }

    static final class ReadBlockCountsSerializer implements CompactSerializer<ReadBlockCounts> {
        @Override
        public ReadBlockCounts read(CompactReader in) {
            return new ReadBlockCounts();
        }

        @Override
        public void write(CompactWriter out, ReadBlockCounts p) {
            // a processor without parameters has no fields to write
        }

        @Override
        public String getTypeName() {
            return "portops.state.ReadBlockCounts";
        }

        @Override
        public Class<ReadBlockCounts> getCompactClass() {
            return ReadBlockCounts.class;
        }
    }
}
