package org.portops.state.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import java.util.ArrayList;
import java.util.List;

/**
 * JSON of the terminal-model records that cross the event bus and the move log's payloads. Ids, codes and
 * locations are their canonical text ({@code MSCU1234565}, {@code 45R1}, {@code yard:A01-05-03-2}), times ISO-8601.
 */
public final class ModelJson {

    private ModelJson() {
    }

    public static JsonObject container(Container c) {
        JsonObject json = new JsonObject()
                .put("number", c.number().value())
                .put("sizeType", c.sizeType().code())
                .put("weightKg", c.weight().kilograms())
                .put("line", c.line().code())
                .put("portOfLoading", c.portOfLoading().value())
                .put("portOfDischarge", c.portOfDischarge().value())
                .put("category", c.category().name());
        if (c.reeferSetPoint() != null) {
            json.put("reeferSetPointC", c.reeferSetPoint().celsius());
        }
        if (c.imdgClass() != null) {
            json.put("imdgClass", c.imdgClass().value());
        }
        return json;
    }

    public static Container container(JsonObject json) {
        Double setPoint = json.getDouble("reeferSetPointC");
        String imdg = json.getString("imdgClass");
        return new Container(ContainerNumber.of(json.getString("number")), new SizeTypeCode(json.getString("sizeType")),
                new VgmWeight(json.getInteger("weightKg")), new LineOperator(json.getString("line")),
                new UnLocode(json.getString("portOfLoading")), new UnLocode(json.getString("portOfDischarge")),
                ContainerCategory.valueOf(json.getString("category")),
                setPoint == null ? null : new ReeferSetPoint(setPoint), imdg == null ? null : new ImdgClass(imdg));
    }

    public static String location(Location location) {
        return location == null ? null : location.toString();
    }

    public static Location location(String text) {
        return text == null ? null : Location.parse(text);
    }

    public static JsonObject equipmentState(EquipmentState s) {
        return new JsonObject()
                .put("id", s.id().value())
                .put("kind", s.kind().name())
                .put("x", s.position().x())
                .put("y", s.position().y())
                .put("headingDegrees", s.headingDegrees())
                .put("speedMetresPerSecond", s.speedMetresPerSecond())
                .put("status", s.status().name())
                .put("spreaderLocked", s.spreader().locked())
                .put("spreaderTwin", s.spreader().twin())
                .put("load", s.load() == null ? null : s.load().value())
                .put("faultCodes", new JsonArray(new ArrayList<>(s.faultCodes())))
                .put("lastSeen", s.lastSeen().toString());
    }

    public static EquipmentState equipmentState(JsonObject json) {
        String load = json.getString("load");
        List<String> faults = new ArrayList<>();
        json.getJsonArray("faultCodes", new JsonArray()).forEach(code -> faults.add((String) code));
        return new EquipmentState(new EquipmentId(json.getString("id")), EquipmentKind.valueOf(json.getString("kind")),
                new Position(json.getDouble("x"), json.getDouble("y")), json.getDouble("headingDegrees"),
                json.getDouble("speedMetresPerSecond"), EquipmentStatus.valueOf(json.getString("status")),
                new Spreader(json.getBoolean("spreaderLocked"), json.getBoolean("spreaderTwin")),
                load == null ? null : ContainerNumber.of(load), faults, Instant.parse(json.getString("lastSeen")));
    }

    public static JsonObject workInstruction(WorkInstruction w) {
        JsonObject json = new JsonObject()
                .put("id", w.id().value())
                .put("container", w.container().value())
                .put("kind", w.kind().name())
                .put("from", w.from().toString())
                .put("to", w.to().toString())
                .put("assigned", new JsonArray(w.assigned().stream().map(EquipmentId::value).toList()))
                .put("sequence", w.sequence())
                .put("state", w.state().name())
                .put("updatedAt", w.updatedAt().toString());
        if (w.exception() != null) {
            json.put("exception", new JsonObject().put("code", w.exception().code()).put("text", w.exception().text()));
        }
        if (w.twinWith() != null) {
            json.put("twinWith", w.twinWith().value());
        }
        return json;
    }

    public static WorkInstruction workInstruction(JsonObject json) {
        JsonObject exception = json.getJsonObject("exception");
        List<EquipmentId> assigned = new ArrayList<>();
        json.getJsonArray("assigned", new JsonArray()).forEach(id -> assigned.add(new EquipmentId((String) id)));
        return new WorkInstruction(new WorkInstructionId(json.getString("id")),
                ContainerNumber.of(json.getString("container")), MoveKind.valueOf(json.getString("kind")),
                Location.parse(json.getString("from")), Location.parse(json.getString("to")), assigned,
                json.getLong("sequence"), WorkInstructionState.valueOf(json.getString("state")),
                exception == null ? null : new ExceptionReason(exception.getString("code"), exception.getString("text")),
                Instant.parse(json.getString("updatedAt")),
                json.getString("twinWith") == null ? null : new WorkInstructionId(json.getString("twinWith")));
    }

    public static JsonObject vesselCall(VesselCall c) {
        JsonArray entries = new JsonArray();
        for (BayPlanEntry entry : c.bayPlan().entries()) {
            entries.add(new JsonObject()
                    .put("slot", entry.slot().toString())
                    .put("action", entry.action().name())
                    .put("container", container(entry.container())));
        }
        return new JsonObject()
                .put("id", c.id().value())
                .put("vessel", new JsonObject()
                        .put("imo", c.vessel().imo().value())
                        .put("name", c.vessel().name())
                        .put("lengthOverallMeters", c.vessel().lengthOverallMeters())
                        .put("beamMeters", c.vessel().beamMeters())
                        .put("draftMeters", c.vessel().draftMeters()))
                .put("voyage", c.voyage().value())
                .put("line", c.line().code())
                .put("berth", c.berth() == null ? null : c.berth().value())
                .put("quayFromMeter", c.quayFromMeter())
                .put("eta", c.eta().toString())
                .put("etb", c.etb() == null ? null : c.etb().toString())
                .put("etd", c.etd().toString())
                .put("bayPlan", entries);
    }

    public static VesselCall vesselCall(JsonObject json) {
        JsonObject vessel = json.getJsonObject("vessel");
        List<BayPlanEntry> entries = new ArrayList<>();
        for (Object element : json.getJsonArray("bayPlan", new JsonArray())) {
            JsonObject entry = (JsonObject) element;
            entries.add(new BayPlanEntry(StowageSlot.parse(entry.getString("slot")),
                    container(entry.getJsonObject("container")), BayPlanAction.valueOf(entry.getString("action"))));
        }
        String berth = json.getString("berth");
        String etb = json.getString("etb");
        return new VesselCall(new VesselCallId(json.getString("id")),
                new Vessel(ImoNumber.of(vessel.getString("imo")), vessel.getString("name"),
                        vessel.getDouble("lengthOverallMeters"), vessel.getDouble("beamMeters"),
                        vessel.getDouble("draftMeters")),
                new Voyage(json.getString("voyage")), new LineOperator(json.getString("line")),
                berth == null ? null : new BerthId(berth), Instant.parse(json.getString("eta")),
                etb == null ? null : Instant.parse(etb), Instant.parse(json.getString("etd")), new BayPlan(entries),
                json.getDouble("quayFromMeter"));
    }
}
