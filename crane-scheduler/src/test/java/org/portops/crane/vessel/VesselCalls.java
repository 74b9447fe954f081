package org.portops.crane.vessel;

import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselBay;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.model.work.Location;
import org.portops.model.yard.YardSlot;
import org.portops.model.work.YardLocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Vessel calls for tests: bay plan entries from slot text, and discharge and load lists that match them. */
final class VesselCalls {
    static final Instant START = Instant.parse("2026-11-24T06:00:00Z");

    private VesselCalls() {
    }

    static Container box(int serial, String sizeType, int kilograms) {
        return new Container(ContainerNumber.fromParts("MSC", 'U', serial), new SizeTypeCode(sizeType),
                new VgmWeight(kilograms), new LineOperator("MSCU"), new UnLocode("CNSHA"), new UnLocode("NLRTM"),
                ContainerCategory.IMPORT, null, null);
    }

    static BayPlanEntry entry(String slot, int serial, String sizeType, int kilograms, BayPlanAction action) {
        return new BayPlanEntry(StowageSlot.parse(slot), box(serial, sizeType, kilograms), action);
    }

    static BayPlanEntry twenty(String slot, int serial, BayPlanAction action) {
        return entry(slot, serial, "22G1", 20_000, action);
    }

    static BayPlanEntry forty(String slot, int serial, BayPlanAction action) {
        return entry(slot, serial, "45G1", 25_000, action);
    }

    static VesselCall call(List<BayPlanEntry> entries) {
        Vessel vessel = new Vessel(new ImoNumber("9074729"), "TEST CARRIER", 300, 48, 14);
        return new VesselCall(new VesselCallId("CALL1"), vessel, new Voyage("001W"), new LineOperator("MSCU"), null,
                START, null, START.plusSeconds(86_400), new BayPlan(entries));
    }

    static Location yard(int serial) {
        return new YardLocation(YardSlot.parse(String.format("A01-%02d-%02d-1", 1 + 2 * (serial % 20), 1 + serial % 6)));
    }

    /** The call with a discharge list entry for every discharge and restow and a load list entry for every load. */
    static VesselWork work(List<BayPlanEntry> entries) {
        List<DischargeOrder> discharges = new ArrayList<>();
        List<LoadOrder> loads = new ArrayList<>();
        for (BayPlanEntry entry : entries) {
            int serial = Integer.parseInt(entry.container().number().value().substring(4, 10));
            switch (entry.action()) {
                case DISCHARGE, RESTOW -> discharges.add(new DischargeOrder(entry.container().number(), yard(serial)));
                case LOAD -> loads.add(new LoadOrder(entry.container().number(), yard(serial)));
                case REMAIN_ON_BOARD -> { }
            }
        }
        return new VesselWork(call(entries), discharges, loads);
    }

    static CraneSetup crane(String id, int bay, int cyclesPerHour) {
        return new CraneSetup(new EquipmentId(id), new VesselBay(bay), START, cyclesPerHour, 20.0, List.of());
    }
}
