package org.portops.state.hazelcast;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import org.portops.model.container.ContainerNumber;
import org.portops.model.work.Location;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.YardSlot;
import org.portops.state.MoveRefusal;

import java.util.List;

/**
 * Carries a {@link MoveRefusal} back from the member that owns the entry. One serializer class serves every case
 * (one registration, and type name, per case): a case travels as up to three texts and two numbers.
 */
public final class RefusalSerializer<T extends MoveRefusal> implements CompactSerializer<T> {

    private final Class<T> type;

    private RefusalSerializer(Class<T> type) {
        this.type = type;
    }

    public static List<CompactSerializer<?>> all() {
        return List.of(
                new RefusalSerializer<>(MoveRefusal.UnknownContainer.class),
                new RefusalSerializer<>(MoveRefusal.AlreadyInTerminal.class),
                new RefusalSerializer<>(MoveRefusal.NotAtOrigin.class),
                new RefusalSerializer<>(MoveRefusal.MoveInProgress.class),
                new RefusalSerializer<>(MoveRefusal.MasterDataMissing.class),
                new RefusalSerializer<>(MoveRefusal.SameLocation.class),
                new RefusalSerializer<>(MoveRefusal.UnknownBlock.class),
                new RefusalSerializer<>(MoveRefusal.OutsideBlock.class),
                new RefusalSerializer<>(MoveRefusal.TierLimitExceeded.class),
                new RefusalSerializer<>(MoveRefusal.LongContainerOnEvenBay.class),
                new RefusalSerializer<>(MoveRefusal.SlotOccupied.class),
                new RefusalSerializer<>(MoveRefusal.SlotReserved.class),
                new RefusalSerializer<>(MoveRefusal.SlotClosed.class),
                new RefusalSerializer<>(MoveRefusal.WouldFloat.class),
                new RefusalSerializer<>(MoveRefusal.BuriedUnder.class),
                new RefusalSerializer<>(MoveRefusal.ReeferWithoutPlug.class),
                new RefusalSerializer<>(MoveRefusal.NotInSlot.class));
    }

    @Override
    public String getTypeName() {
        return "portops.state.MoveRefusal." + type.getSimpleName();
    }

    @Override
    public Class<T> getCompactClass() {
        return type;
    }

    @Override
    public void write(CompactWriter out, T refusal) {
        Fields f = switch (refusal) {
            case MoveRefusal.UnknownContainer r -> new Fields(text(r.container()), null, null, 0);
            case MoveRefusal.AlreadyInTerminal r -> new Fields(text(r.container()), text(r.at()), null, 0);
            case MoveRefusal.NotAtOrigin r -> new Fields(text(r.container()), text(r.expected()), text(r.actual()), 0);
            case MoveRefusal.MoveInProgress r -> new Fields(text(r.container()), null, null, r.sequence());
            case MoveRefusal.MasterDataMissing r -> new Fields(text(r.container()), null, null, 0);
            case MoveRefusal.SameLocation r -> new Fields(text(r.container()), text(r.at()), null, 0);
            case MoveRefusal.UnknownBlock r -> new Fields(text(r.block()), null, null, 0);
            case MoveRefusal.OutsideBlock r -> new Fields(text(r.slot()), null, null, r.bays() * 1000L + r.rows());
            case MoveRefusal.TierLimitExceeded r -> new Fields(text(r.slot()), null, null, r.maxTiers());
            case MoveRefusal.LongContainerOnEvenBay r -> new Fields(text(r.slot()), null, null, 0);
            case MoveRefusal.SlotOccupied r -> new Fields(text(r.slot()), text(r.occupant()), null, 0);
            case MoveRefusal.SlotReserved r -> new Fields(text(r.slot()), text(r.inbound()), null, 0);
            case MoveRefusal.SlotClosed r -> new Fields(text(r.slot()), null, null, 0);
            case MoveRefusal.WouldFloat r -> new Fields(text(r.slot()), text(r.below()), null, 0);
            case MoveRefusal.BuriedUnder r -> new Fields(text(r.slot()), text(r.above()), null, 0);
            case MoveRefusal.ReeferWithoutPlug r -> new Fields(text(r.slot()), null, null, 0);
            case MoveRefusal.NotInSlot r -> new Fields(text(r.container()), text(r.slot()), null, 0);
        };
        out.writeString("a", f.a());
        out.writeString("b", f.b());
        out.writeString("c", f.c());
        out.writeInt64("n", f.n());
    }

    @Override
    public T read(CompactReader in) {
        String a = in.readString("a");
        String b = in.readString("b");
        String c = in.readString("c");
        long n = in.readInt64("n");
        MoveRefusal refusal;
        if (type == MoveRefusal.UnknownContainer.class) {
            refusal = new MoveRefusal.UnknownContainer(ContainerNumber.of(a));
        } else if (type == MoveRefusal.AlreadyInTerminal.class) {
            refusal = new MoveRefusal.AlreadyInTerminal(ContainerNumber.of(a), Location.parse(b));
        } else if (type == MoveRefusal.NotAtOrigin.class) {
            refusal = new MoveRefusal.NotAtOrigin(ContainerNumber.of(a), Location.parse(b), Location.parse(c));
        } else if (type == MoveRefusal.MoveInProgress.class) {
            refusal = new MoveRefusal.MoveInProgress(ContainerNumber.of(a), n);
        } else if (type == MoveRefusal.MasterDataMissing.class) {
            refusal = new MoveRefusal.MasterDataMissing(ContainerNumber.of(a));
        } else if (type == MoveRefusal.SameLocation.class) {
            refusal = new MoveRefusal.SameLocation(ContainerNumber.of(a), Location.parse(b));
        } else if (type == MoveRefusal.UnknownBlock.class) {
            refusal = new MoveRefusal.UnknownBlock(new BlockId(a));
        } else if (type == MoveRefusal.OutsideBlock.class) {
            refusal = new MoveRefusal.OutsideBlock(YardSlot.parse(a), (int) (n / 1000), (int) (n % 1000));
        } else if (type == MoveRefusal.TierLimitExceeded.class) {
            refusal = new MoveRefusal.TierLimitExceeded(YardSlot.parse(a), (int) n);
        } else if (type == MoveRefusal.LongContainerOnEvenBay.class) {
            refusal = new MoveRefusal.LongContainerOnEvenBay(YardSlot.parse(a));
        } else if (type == MoveRefusal.SlotOccupied.class) {
            refusal = new MoveRefusal.SlotOccupied(YardSlot.parse(a), ContainerNumber.of(b));
        } else if (type == MoveRefusal.SlotReserved.class) {
            refusal = new MoveRefusal.SlotReserved(YardSlot.parse(a), ContainerNumber.of(b));
        } else if (type == MoveRefusal.SlotClosed.class) {
            refusal = new MoveRefusal.SlotClosed(YardSlot.parse(a));
        } else if (type == MoveRefusal.WouldFloat.class) {
            refusal = new MoveRefusal.WouldFloat(YardSlot.parse(a), YardSlot.parse(b));
        } else if (type == MoveRefusal.BuriedUnder.class) {
            refusal = new MoveRefusal.BuriedUnder(YardSlot.parse(a), ContainerNumber.of(b));
        } else if (type == MoveRefusal.ReeferWithoutPlug.class) {
            refusal = new MoveRefusal.ReeferWithoutPlug(YardSlot.parse(a));
        } else if (type == MoveRefusal.NotInSlot.class) {
            refusal = new MoveRefusal.NotInSlot(ContainerNumber.of(a), YardSlot.parse(b));
        } else {
            throw new IllegalStateException("no refusal case " + type.getName());
        }
        return type.cast(refusal);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private record Fields(String a, String b, String c, long n) {
    }
}
