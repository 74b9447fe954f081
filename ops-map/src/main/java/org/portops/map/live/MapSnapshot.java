package org.portops.map.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.WorkInstruction;
import org.portops.state.ContainerView;
import org.portops.state.YardStateReader;
import org.portops.state.alert.ActiveAlert;
import org.portops.state.alert.AlertBoardReader;
import org.portops.state.alert.AlertFilter;
import org.portops.state.json.ModelJson;

/**
 * The whole picture a browser starts from (and starts again from after it fell behind): every container in the
 * terminal with its master data, every machine, the open work instructions, the vessel calls and the active
 * alerts, in the shapes of {@link MapJson}.
 */
public final class MapSnapshot {

    private MapSnapshot() {
    }

    public static Future<JsonObject> read(YardStateReader yard, AlertBoardReader alerts, Instant at) {
        Future<List<ContainerView>> containers = yard.containers();
        Future<List<EquipmentState>> machines = yard.equipment();
        Future<List<WorkInstruction>> instructions = yard.workInstructions();
        Future<List<VesselCall>> calls = yard.vesselCalls();
        Future<List<ActiveAlert>> active = alerts.active(AlertFilter.ALL);
        return Future.all(containers, machines, instructions, calls, active).map(all -> new JsonObject()
                .put("at", at.toEpochMilli())
                .put("containers", new JsonArray(containers.result().stream().map(MapJson::container).toList()))
                .put("machines", new JsonArray(machines.result().stream().map(MapJson::machine).toList()))
                .put("instructions", new JsonArray(instructions.result().stream()
                        .filter(w -> !w.state().isTerminal()).map(ModelJson::workInstruction).toList()))
                .put("calls", new JsonArray(calls.result().stream().map(MapJson::call).toList()))
                .put("alerts", new JsonArray(active.result().stream().map(ActiveAlert::toJson).toList())));
    }
}
