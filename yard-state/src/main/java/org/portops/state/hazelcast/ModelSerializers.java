package org.portops.state.hazelcast;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.LineOperator;
import org.portops.model.container.ReeferSetPoint;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.quay.BerthId;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Compact serializers for the terminal-model records the live yard stores. Ids and codes travel as their canonical
 * text, times as epoch seconds plus nanoseconds.
 */
public final class ModelSerializers {

    private ModelSerializers() {
    }

    public static List<CompactSerializer<?>> all() {
        return List.of(new ContainerSerializer(), new EquipmentStateSerializer(), new WorkInstructionSerializer(),
                new BayPlanEntrySerializer(), new VesselCallSerializer());
    }

    static void writeInstant(CompactWriter out, String name, Instant instant) {
        out.writeNullableInt64(name + "Seconds", instant == null ? null : instant.getEpochSecond());
        out.writeInt32(name + "Nanos", instant == null ? 0 : instant.getNano());
    }

    static Instant readInstant(CompactReader in, String name) {
        Long seconds = in.readNullableInt64(name + "Seconds");
        return seconds == null ? null : Instant.ofEpochSecond(seconds, in.readInt32(name + "Nanos"));
    }

    static final class ContainerSerializer implements CompactSerializer<Container> {
        @Override
        public Container read(CompactReader in) {
            Double setPoint = in.readNullableFloat64("reeferSetPoint");
            String imdg = in.readString("imdgClass");
            return new Container(new ContainerNumber(in.readString("number")), new SizeTypeCode(in.readString("sizeType")),
                    new VgmWeight(in.readInt32("weightKg")), new LineOperator(in.readString("line")),
                    new UnLocode(in.readString("portOfLoading")), new UnLocode(in.readString("portOfDischarge")),
                    ContainerCategory.valueOf(in.readString("category")),
                    setPoint == null ? null : new ReeferSetPoint(setPoint), imdg == null ? null : new ImdgClass(imdg));
        }

        @Override
        public void write(CompactWriter out, Container c) {
            out.writeString("number", c.number().value());
            out.writeString("sizeType", c.sizeType().code());
            out.writeInt32("weightKg", c.weight().kilograms());
            out.writeString("line", c.line().code());
            out.writeString("portOfLoading", c.portOfLoading().value());
            out.writeString("portOfDischarge", c.portOfDischarge().value());
            out.writeString("category", c.category().name());
            out.writeNullableFloat64("reeferSetPoint", c.reeferSetPoint() == null ? null : c.reeferSetPoint().celsius());
            out.writeString("imdgClass", c.imdgClass() == null ? null : c.imdgClass().value());
        }

        @Override
        public String getTypeName() {
            return "portops.model.Container";
        }

        @Override
        public Class<Container> getCompactClass() {
            return Container.class;
        }
    }

    static final class EquipmentStateSerializer implements CompactSerializer<EquipmentState> {
        @Override
        public EquipmentState read(CompactReader in) {
            String load = in.readString("load");
            return new EquipmentState(new EquipmentId(in.readString("id")), EquipmentKind.valueOf(in.readString("kind")),
                    new Position(in.readFloat64("x"), in.readFloat64("y")), in.readFloat64("headingDegrees"),
                    in.readFloat64("speed"), EquipmentStatus.valueOf(in.readString("status")),
                    new Spreader(in.readBoolean("spreaderLocked"), in.readBoolean("spreaderTwin")),
                    load == null ? null : new ContainerNumber(load), Arrays.asList(in.readArrayOfString("faultCodes")),
                    readInstant(in, "lastSeen"));
        }

        @Override
        public void write(CompactWriter out, EquipmentState s) {
            out.writeString("id", s.id().value());
            out.writeString("kind", s.kind().name());
            out.writeFloat64("x", s.position().x());
            out.writeFloat64("y", s.position().y());
            out.writeFloat64("headingDegrees", s.headingDegrees());
            out.writeFloat64("speed", s.speedMetresPerSecond());
            out.writeString("status", s.status().name());
            out.writeBoolean("spreaderLocked", s.spreader().locked());
            out.writeBoolean("spreaderTwin", s.spreader().twin());
            out.writeString("load", s.load() == null ? null : s.load().value());
            out.writeArrayOfString("faultCodes", s.faultCodes().toArray(String[]::new));
            writeInstant(out, "lastSeen", s.lastSeen());
        }

        @Override
        public String getTypeName() {
            return "portops.model.EquipmentState";
        }

        @Override
        public Class<EquipmentState> getCompactClass() {
            return EquipmentState.class;
        }
    }

    static final class WorkInstructionSerializer implements CompactSerializer<WorkInstruction> {
        @Override
        public WorkInstruction read(CompactReader in) {
            String exceptionCode = in.readString("exceptionCode");
            // a member of an earlier version writes no twin field
            String twinWith = in.getFieldKind("twinWith") == FieldKind.STRING ? in.readString("twinWith") : null;
            return new WorkInstruction(new WorkInstructionId(in.readString("id")),
                    new ContainerNumber(in.readString("container")), MoveKind.valueOf(in.readString("kind")),
                    Location.parse(in.readString("from")), Location.parse(in.readString("to")),
                    Arrays.stream(in.readArrayOfString("assigned")).map(EquipmentId::new).toList(),
                    in.readInt64("sequence"), WorkInstructionState.valueOf(in.readString("state")),
                    exceptionCode == null ? null : new ExceptionReason(exceptionCode, in.readString("exceptionText")),
                    readInstant(in, "updatedAt"), twinWith == null ? null : new WorkInstructionId(twinWith));
        }

        @Override
        public void write(CompactWriter out, WorkInstruction w) {
            out.writeString("id", w.id().value());
            out.writeString("container", w.container().value());
            out.writeString("kind", w.kind().name());
            out.writeString("from", w.from().toString());
            out.writeString("to", w.to().toString());
            out.writeArrayOfString("assigned", w.assigned().stream().map(EquipmentId::value).toArray(String[]::new));
            out.writeInt64("sequence", w.sequence());
            out.writeString("state", w.state().name());
            out.writeString("exceptionCode", w.exception() == null ? null : w.exception().code());
            out.writeString("exceptionText", w.exception() == null ? null : w.exception().text());
            writeInstant(out, "updatedAt", w.updatedAt());
            out.writeString("twinWith", w.twinWith() == null ? null : w.twinWith().value());
        }

        @Override
        public String getTypeName() {
            return "portops.model.WorkInstruction";
        }

        @Override
        public Class<WorkInstruction> getCompactClass() {
            return WorkInstruction.class;
        }
    }

    static final class BayPlanEntrySerializer implements CompactSerializer<BayPlanEntry> {
        @Override
        public BayPlanEntry read(CompactReader in) {
            return new BayPlanEntry(StowageSlot.parse(in.readString("slot")), in.readCompact("container"),
                    BayPlanAction.valueOf(in.readString("action")));
        }

        @Override
        public void write(CompactWriter out, BayPlanEntry e) {
            out.writeString("slot", e.slot().toString());
            out.writeCompact("container", e.container());
            out.writeString("action", e.action().name());
        }

        @Override
        public String getTypeName() {
            return "portops.model.BayPlanEntry";
        }

        @Override
        public Class<BayPlanEntry> getCompactClass() {
            return BayPlanEntry.class;
        }
    }

    static final class VesselCallSerializer implements CompactSerializer<VesselCall> {
        @Override
        public VesselCall read(CompactReader in) {
            String berth = in.readString("berth");
            BayPlanEntry[] entries = in.readArrayOfCompact("bayPlan", BayPlanEntry.class);
            return new VesselCall(new VesselCallId(in.readString("id")),
                    new Vessel(new ImoNumber(in.readString("imo")), in.readString("vesselName"),
                            in.readFloat64("lengthOverall"), in.readFloat64("beam"), in.readFloat64("draft")),
                    new Voyage(in.readString("voyage")), new LineOperator(in.readString("line")),
                    berth == null ? null : new BerthId(berth), readInstant(in, "eta"), readInstant(in, "etb"),
                    readInstant(in, "etd"), new BayPlan(Arrays.asList(entries)), in.readNullableFloat64("quayFromMeter"));
        }

        @Override
        public void write(CompactWriter out, VesselCall c) {
            out.writeString("id", c.id().value());
            out.writeString("imo", c.vessel().imo().value());
            out.writeString("vesselName", c.vessel().name());
            out.writeFloat64("lengthOverall", c.vessel().lengthOverallMeters());
            out.writeFloat64("beam", c.vessel().beamMeters());
            out.writeFloat64("draft", c.vessel().draftMeters());
            out.writeString("voyage", c.voyage().value());
            out.writeString("line", c.line().code());
            out.writeString("berth", c.berth() == null ? null : c.berth().value());
            out.writeNullableFloat64("quayFromMeter", c.quayFromMeter());
            writeInstant(out, "eta", c.eta());
            writeInstant(out, "etb", c.etb());
            writeInstant(out, "etd", c.etd());
            out.writeArrayOfCompact("bayPlan", c.bayPlan().entries().toArray(BayPlanEntry[]::new));
        }

        @Override
        public String getTypeName() {
            return "portops.model.VesselCall";
        }

        @Override
        public Class<VesselCall> getCompactClass() {
            return VesselCall.class;
        }
    }
}
