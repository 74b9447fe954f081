package org.portops.model.layout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.UnLocode;
import org.portops.model.quay.Berth;
import org.portops.model.quay.BerthId;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;

/**
 * Three vessel calls around {@code now}: a large vessel at berth, a mid-size one due in hours, a feeder due
 * tomorrow. Each bay plan discharges containers on board and loads export containers from the yard bound for the
 * call's next ports.
 */
final class VesselCallFactory {

    /** A call to generate: vessel, line, voyage, next ports, moves, and times relative to now in hours. */
    private record CallSpec(String id, Vessel vessel, String line, String voyage, List<String> nextPorts,
                            int discharges, int maxLoads, int berthIndex, int etaHours, Integer etbHours,
                            int etdHours) {
    }

    private static final List<CallSpec> CALLS = List.of(
            new CallSpec("CALL1", vessel("941520", "NORDIC AURORA", 366, 51, 15.2), "MAEU", "447W",
                    List.of("ESALG", "SGSIN", "CNNGB", "CNSHA", "KRPUS"), 1_400, 1_200, 0, -8, -6, 22),
            new CallSpec("CALL2", vessel("962317", "CAPE MERIDIAN", 300, 48, 14.1), "MSCU", "FA612R",
                    List.of("MAPTM", "USNYC", "USSAV"), 800, 700, 1, 6, 8, 32),
            new CallSpec("CALL3", vessel("935704", "BALTIC SKIPPER", 172, 28, 9.8), "CMDU", "0BX3KN1",
                    List.of("PLGDN", "GBFXT"), 250, 220, -1, 30, null, 52));

    private final TerminalLayout layout;
    private final Random random;
    private final ContainerFactory factory;

    VesselCallFactory(TerminalLayout layout, Random random, ContainerFactory factory) {
        this.layout = layout;
        this.random = random;
        this.factory = factory;
    }

    List<VesselCall> calls(List<PlacedContainer> yard, Instant now) {
        Set<ContainerNumber> taken = new HashSet<>();
        List<VesselCall> calls = new ArrayList<>();
        for (CallSpec spec : CALLS) {
            calls.add(call(spec, yard, taken, now));
        }
        return calls;
    }

    private VesselCall call(CallSpec spec, List<PlacedContainer> yard, Set<ContainerNumber> taken, Instant now) {
        StowagePlanner discharge = new StowagePlanner(spec.vessel());
        StowagePlanner load = new StowagePlanner(spec.vessel());
        List<BayPlanEntry> entries = new ArrayList<>();
        for (Container container : onBoard(spec)) {
            entries.add(new BayPlanEntry(discharge.next(container.length()), container, BayPlanAction.DISCHARGE));
        }
        for (Container container : exports(spec, yard, taken)) {
            entries.add(new BayPlanEntry(load.next(container.length()), container, BayPlanAction.LOAD));
        }
        BerthId berth = berth(spec.berthIndex());
        Instant etb = berth == null || spec.etbHours() == null ? null : now.plus(Duration.ofHours(spec.etbHours()));
        return new VesselCall(new VesselCallId(spec.id()), spec.vessel(), new Voyage(spec.voyage()),
                new LineOperator(spec.line()), etb == null ? null : berth, now.plus(Duration.ofHours(spec.etaHours())),
                etb, now.plus(Duration.ofHours(spec.etdHours())), new BayPlan(entries));
    }

    /** Containers on board for this terminal: imports, transshipments and returned empties. */
    private List<Container> onBoard(CallSpec spec) {
        SampleCatalog.Line line = SampleCatalog.LINES.stream()
                .filter(l -> l.operator().code().equals(spec.line())).findFirst().orElseThrow();
        List<Container> containers = new ArrayList<>(spec.discharges());
        for (int i = 0; i < spec.discharges(); i++) {
            StackProfile profile = factory.arrivalProfile(line);
            ContainerLength length = length();
            boolean reefer = length != ContainerLength.FORTY_FIVE && profile.category() != ContainerCategory.EMPTY
                    && random.nextInt(100) < 8;
            containers.add(factory.create(length, reefer, profile));
        }
        return containers;
    }

    private ContainerLength length() {
        int pick = random.nextInt(100);
        return pick < 45 ? ContainerLength.TWENTY : pick < 95 ? ContainerLength.FORTY : ContainerLength.FORTY_FIVE;
    }

    /** Yard containers bound for the call's next ports, not already given to another call. */
    private List<Container> exports(CallSpec spec, List<PlacedContainer> yard, Set<ContainerNumber> taken) {
        Set<UnLocode> ports = new HashSet<>(spec.nextPorts().stream().map(UnLocode::new).toList());
        ports.remove(layout.port());
        List<Container> candidates = new ArrayList<>();
        for (PlacedContainer placed : yard) {
            Container container = placed.container();
            if (container.category() != ContainerCategory.IMPORT && ports.contains(container.portOfDischarge())
                    && !taken.contains(container.number())) {
                candidates.add(container);
            }
        }
        Collections.shuffle(candidates, random);
        List<Container> loads = candidates.subList(0, Math.min(spec.maxLoads(), candidates.size()));
        loads.forEach(c -> taken.add(c.number()));
        return loads;
    }

    private BerthId berth(int index) {
        List<Berth> berths = layout.quay().berths();
        return index < 0 || index >= berths.size() ? null : berths.get(index).id();
    }

    private static Vessel vessel(String firstSixImoDigits, String name, double loa, double beam, double draft) {
        ImoNumber imo = new ImoNumber(firstSixImoDigits + ImoNumber.checkDigit(firstSixImoDigits));
        return new Vessel(imo, name, loa, beam, draft);
    }
}
