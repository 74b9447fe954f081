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
        Fields f = fields(refusal);
        out.writeString("a", f.a());
        out.writeString("b", f.b());
        out.writeString("c", f.c());
        out.writeInt64("n", f.n());
    }

    /** A refusal as up to three texts and a number; {@link #refusal} makes it again from its case's simple name. */
    public static Fields fields(MoveRefusal refusal) {
        return switch (refusal) {
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
    }

    @Override
    public T read(CompactReader in) {
        return type.cast(refusal(type.getSimpleName(),
                new Fields(in.readString("a"), in.readString("b"), in.readString("c"), in.readInt64("n"))));
    }

    /** The refusal of case {@code name} (the simple name of its record) from its {@link #fields}. */
    public static MoveRefusal refusal(String name, Fields f) {
        String a = f.a();
        String b = f.b();
        String c = f.c();
        long n = f.n();
        return switch (name) {
            case "UnknownContainer" -> new MoveRefusal.UnknownContainer(ContainerNumber.of(a));
            case "AlreadyInTerminal" -> new MoveRefusal.AlreadyInTerminal(ContainerNumber.of(a), Location.parse(b));
            case "NotAtOrigin" -> new MoveRefusal.NotAtOrigin(ContainerNumber.of(a), Location.parse(b), Location.parse(c));
            case "MoveInProgress" -> new MoveRefusal.MoveInProgress(ContainerNumber.of(a), n);
            case "MasterDataMissing" -> new MoveRefusal.MasterDataMissing(ContainerNumber.of(a));
            case "SameLocation" -> new MoveRefusal.SameLocation(ContainerNumber.of(a), Location.parse(b));
            case "UnknownBlock" -> new MoveRefusal.UnknownBlock(new BlockId(a));
            case "OutsideBlock" -> new MoveRefusal.OutsideBlock(YardSlot.parse(a), (int) (n / 1000), (int) (n % 1000));
            case "TierLimitExceeded" -> new MoveRefusal.TierLimitExceeded(YardSlot.parse(a), (int) n);
            case "LongContainerOnEvenBay" -> new MoveRefusal.LongContainerOnEvenBay(YardSlot.parse(a));
            case "SlotOccupied" -> new MoveRefusal.SlotOccupied(YardSlot.parse(a), ContainerNumber.of(b));
            case "SlotReserved" -> new MoveRefusal.SlotReserved(YardSlot.parse(a), ContainerNumber.of(b));
            case "SlotClosed" -> new MoveRefusal.SlotClosed(YardSlot.parse(a));
            case "WouldFloat" -> new MoveRefusal.WouldFloat(YardSlot.parse(a), YardSlot.parse(b));
            case "BuriedUnder" -> new MoveRefusal.BuriedUnder(YardSlot.parse(a), ContainerNumber.of(b));
            case "ReeferWithoutPlug" -> new MoveRefusal.ReeferWithoutPlug(YardSlot.parse(a));
            case "NotInSlot" -> new MoveRefusal.NotInSlot(ContainerNumber.of(a), YardSlot.parse(b));
            default -> throw new IllegalArgumentException("no refusal case " + name);
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A refusal's texts and number, as they travel. */
    public record Fields(String a, String b, String c, long n) {
    }
}
