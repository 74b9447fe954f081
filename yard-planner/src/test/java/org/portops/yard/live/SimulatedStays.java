package org.portops.yard.live;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
import org.portops.state.json.ModelJson;
import org.portops.state.store.LogEntry;

/**
 * A simulated move log of imports and empties gated in and out, with known effects: the median stay is 2 days for
 * an MSK import, 5 for any other import, 9 for an MSK empty and 20 for any other empty (log-normal, sigma 0.35) —
 * far enough from the category defaults (imports 1–6 days, empties 2–14) that a model that learns the effects errs
 * less.
 */
final class SimulatedStays {

    private SimulatedStays() {
    }

    static double medianDays(String line, ContainerCategory category) {
        boolean msk = line.equals("MSK");
        return category == ContainerCategory.IMPORT ? (msk ? 2 : 5) : (msk ? 9 : 20);
    }

    /** Gate-ins and gate-outs of {@code stays} containers arriving over 60 days ending 30 days before {@code end}. */
    static List<LogEntry> entries(Random random, int stays, int firstSerial, Instant end) {
        List<LogEntry> entries = new ArrayList<>();
        String yard = "yard:A01-01-01-1";
        for (int i = 0; i < stays; i++) {
            String line = random.nextBoolean() ? "MSK" : "CMA";
            ContainerCategory category = random.nextBoolean() ? ContainerCategory.IMPORT : ContainerCategory.EMPTY;
            Container box = container(firstSerial + i, line, category);
            double days = medianDays(line, category) * Math.exp(0.35 * random.nextGaussian());
            Instant arrived = end.minus(Duration.ofDays(90)).plusSeconds(random.nextLong(60L * 86_400));
            Instant left = arrived.plusSeconds(Math.round(days * 86_400));
            String number = box.number().value();
            entries.add(new LogEntry(0, number, MoveKind.GATE_IN.name(), ModelJson.location(new GateLocation("IN-1")),
                    yard, null, arrived, new JsonObject().put("container", ModelJson.container(box))));
            entries.add(new LogEntry(0, number, MoveKind.GATE_OUT.name(), yard, null, null, left, new JsonObject()));
        }
        entries.sort(Comparator.comparing(LogEntry::recordedAt));
        return entries;
    }

    static Container container(int serial, String line, ContainerCategory category) {
        return new Container(ContainerNumber.fromParts("SIM", 'U', serial), new SizeTypeCode("22G1"),
                new VgmWeight(category == ContainerCategory.EMPTY ? 2_200 : 18_000), new LineOperator(line),
                new UnLocode("CNSHA"), new UnLocode("NLRTM"), category, null, null);
    }

    /** The same entries with their sequence numbers, as the log would hand them back. */
    static List<LogEntry> numbered(List<LogEntry> entries) {
        List<LogEntry> numbered = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LogEntry e = entries.get(i);
            numbered.add(new LogEntry(i + 1, e.container(), e.kind(), e.from(), e.to(), e.instructionId(),
                    e.recordedAt(), e.payload()));
        }
        return numbered;
    }
}
