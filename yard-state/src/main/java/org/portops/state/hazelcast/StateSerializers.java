package org.portops.state.hazelcast;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import org.portops.model.container.Container;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.Location;
import org.portops.model.work.WorkInstruction;
import org.portops.state.custody.ClaimContainer;
import org.portops.state.custody.ClearClaim;
import org.portops.state.custody.ReleaseClaim;
import org.portops.state.custody.SwitchLocation;
import org.portops.state.custody.TrackedContainer;
import org.portops.state.equipment.RegisterEquipment;
import org.portops.state.equipment.UpdateEquipment;
import org.portops.state.vessel.PutVesselCall;
import org.portops.state.work.PutWorkInstruction;

import java.util.List;

/** Compact serializers of the containers, equipment, vessel-call and work-instruction maps' values and processors. */
public final class StateSerializers {

    private StateSerializers() {
    }

    public static List<CompactSerializer<?>> all() {
        return List.of(new TrackedContainerSerializer(), new ClaimContainerSerializer(), new SwitchLocationSerializer(),
                new ReleaseClaimSerializer(), new ClearClaimSerializer(), new UpdateEquipmentSerializer(),
                new RegisterEquipmentSerializer(), new PutWorkInstructionSerializer(), new PutVesselCallSerializer());
    }

    static final class TrackedContainerSerializer implements CompactSerializer<TrackedContainer> {
        @Override
        public TrackedContainer read(CompactReader in) {
            String location = in.readString("location");
            return new TrackedContainer(in.readCompact("container"), location == null ? null : Location.parse(location),
                    in.readInt64("sequence"), in.readInt64("pendingSequence"));
        }

        @Override
        public void write(CompactWriter out, TrackedContainer t) {
            out.writeCompact("container", t.container());
            out.writeString("location", t.location() == null ? null : t.location().toString());
            out.writeInt64("sequence", t.sequence());
            out.writeInt64("pendingSequence", t.pendingSequence());
        }

        @Override
        public String getTypeName() {
            return "portops.state.TrackedContainer";
        }

        @Override
        public Class<TrackedContainer> getCompactClass() {
            return TrackedContainer.class;
        }
    }

    static final class ClaimContainerSerializer implements CompactSerializer<ClaimContainer> {
        @Override
        public ClaimContainer read(CompactReader in) {
            Container master = in.readCompact("master");
            return new ClaimContainer(in.readString("container"), in.readString("from"), master, in.readInt64("seq"));
        }

        @Override
        public void write(CompactWriter out, ClaimContainer p) {
            out.writeString("container", p.container());
            out.writeString("from", p.from());
            out.writeCompact("master", p.master());
            out.writeInt64("seq", p.seq());
        }

        @Override
        public String getTypeName() {
            return "portops.state.ClaimContainer";
        }

        @Override
        public Class<ClaimContainer> getCompactClass() {
            return ClaimContainer.class;
        }
    }

    static final class SwitchLocationSerializer implements CompactSerializer<SwitchLocation> {
        @Override
        public SwitchLocation read(CompactReader in) {
            return new SwitchLocation(in.readString("container"), in.readInt64("seq"), in.readString("to"));
        }

        @Override
        public void write(CompactWriter out, SwitchLocation p) {
            out.writeString("container", p.container());
            out.writeInt64("seq", p.seq());
            out.writeString("to", p.to());
        }

        @Override
        public String getTypeName() {
            return "portops.state.SwitchLocation";
        }

        @Override
        public Class<SwitchLocation> getCompactClass() {
            return SwitchLocation.class;
        }
    }

    static final class ReleaseClaimSerializer implements CompactSerializer<ReleaseClaim> {
        @Override
        public ReleaseClaim read(CompactReader in) {
            return new ReleaseClaim(in.readString("container"), in.readInt64("seq"));
        }

        @Override
        public void write(CompactWriter out, ReleaseClaim p) {
            out.writeString("container", p.container());
            out.writeInt64("seq", p.seq());
        }

        @Override
        public String getTypeName() {
            return "portops.state.ReleaseClaim";
        }

        @Override
        public Class<ReleaseClaim> getCompactClass() {
            return ReleaseClaim.class;
        }
    }

    static final class ClearClaimSerializer implements CompactSerializer<ClearClaim> {
        @Override
        public ClearClaim read(CompactReader in) {
            return new ClearClaim();
        }

        @Override
        public void write(CompactWriter out, ClearClaim p) {
            // a processor without parameters has no fields to write
        }

        @Override
        public String getTypeName() {
            return "portops.state.ClearClaim";
        }

        @Override
        public Class<ClearClaim> getCompactClass() {
            return ClearClaim.class;
        }
    }

    static final class UpdateEquipmentSerializer implements CompactSerializer<UpdateEquipment> {
        @Override
        public UpdateEquipment read(CompactReader in) {
            EquipmentState state = in.readCompact("state");
            return new UpdateEquipment(state);
        }

        @Override
        public void write(CompactWriter out, UpdateEquipment p) {
            out.writeCompact("state", p.state());
        }

        @Override
        public String getTypeName() {
            return "portops.state.UpdateEquipment";
        }

        @Override
        public Class<UpdateEquipment> getCompactClass() {
            return UpdateEquipment.class;
        }
    }

    static final class RegisterEquipmentSerializer implements CompactSerializer<RegisterEquipment> {
        @Override
        public RegisterEquipment read(CompactReader in) {
            EquipmentState initial = in.readCompact("initial");
            return new RegisterEquipment(initial);
        }

        @Override
        public void write(CompactWriter out, RegisterEquipment p) {
            out.writeCompact("initial", p.initial());
        }

        @Override
        public String getTypeName() {
            return "portops.state.RegisterEquipment";
        }

        @Override
        public Class<RegisterEquipment> getCompactClass() {
            return RegisterEquipment.class;
        }
    }

    static final class PutWorkInstructionSerializer implements CompactSerializer<PutWorkInstruction> {
        @Override
        public PutWorkInstruction read(CompactReader in) {
            WorkInstruction instruction = in.readCompact("instruction");
            return new PutWorkInstruction(instruction);
        }

        @Override
        public void write(CompactWriter out, PutWorkInstruction p) {
            out.writeCompact("instruction", p.instruction());
        }

        @Override
        public String getTypeName() {
            return "portops.state.PutWorkInstruction";
        }

        @Override
        public Class<PutWorkInstruction> getCompactClass() {
            return PutWorkInstruction.class;
        }
    }

    static final class PutVesselCallSerializer implements CompactSerializer<PutVesselCall> {
        @Override
        public PutVesselCall read(CompactReader in) {
            VesselCall call = in.readCompact("call");
            return new PutVesselCall(call);
        }

        @Override
        public void write(CompactWriter out, PutVesselCall p) {
            out.writeCompact("call", p.call());
        }

        @Override
        public String getTypeName() {
            return "portops.state.PutVesselCall";
        }

        @Override
        public Class<PutVesselCall> getCompactClass() {
            return PutVesselCall.class;
        }
    }
}
