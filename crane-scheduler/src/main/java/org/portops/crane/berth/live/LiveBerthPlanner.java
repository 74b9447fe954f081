package org.portops.crane.berth.live;

import org.portops.crane.berth.quay.BerthCall;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.crane.berth.quay.QuayBerthPlan;
import org.portops.crane.berth.quay.QuayBerthPlanner;
import org.portops.crane.berth.quay.QuayBerthProblem;
import org.portops.crane.berth.quay.QuayLayout;
import org.portops.crane.berth.quay.QuayPlacement;
import org.portops.crane.berth.quay.QuaySlot;
import org.portops.model.vessel.VesselCallId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The continuous berth planner in plain Java: holds the calls and the published plan, applies each
 * {@link BerthChange} as a problem change and re-plans at once (a burst of changes at once, once). Vessels alongside
 * are pinned; every other call
 * starts from its last slot, and moving a berthing time already published costs (the stability cost), so times do
 * not jump without enough gain. Not thread-safe: one thread applies changes in order (the verticle's worker).
 */
public final class LiveBerthPlanner {

    /** What applying a change came to. */
    public sealed interface Outcome permits Published, Refused {
    }

    /** A new plan, as its chart. */
    public record Published(BerthChart chart) implements Outcome {
    }

    /** The change was refused, and the plan kept; the reasons say why. */
    public record Refused(BerthChange change, List<String> reasons) implements Outcome {
    }

    private final QuayLayout quay;
    private final BerthSettings settings;
    private final Clock clock;
    private final Map<VesselCallId, BerthCall> calls = new LinkedHashMap<>();
    private QuayBerthPlan plan;
    private BerthChart chart;
    private long version;

    public LiveBerthPlanner(QuayLayout quay, BerthSettings settings, Clock clock) {
        this.quay = quay;
        this.settings = settings;
        this.clock = clock;
    }

    /** Plans these calls from scratch (at start-up). */
    public BerthChart start(List<BerthCall> initial, String trigger) {
        long started = System.nanoTime();
        calls.clear();
        initial.forEach(call -> calls.put(call.id(), call));
        plan = null;
        return replan(trigger, started);
    }

    public Outcome apply(BerthChange change) {
        return applyAll(List.of(change)).getFirst();
    }

    /**
     * Applies the changes in order, each checked against the calls as the changes before it left them, then re-plans
     * once for all that were not refused: a burst of changes costs one re-plan. Returns an outcome per change, in
     * order; every applied change gets the same new plan.
     */
    public List<Outcome> applyAll(List<BerthChange> changes) {
        long started = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        for (BerthChange change : changes) {
            List<String> reasons = refusal(change);
            if (reasons.isEmpty()) {
                applyToCalls(change);
                applied.add(change.describe());
                outcomes.add(null);
            } else {
                outcomes.add(new Refused(change, reasons));
            }
        }
        if (!applied.isEmpty()) {
            Published published = new Published(replan(String.join("; ", applied), started));
            outcomes.replaceAll(outcome -> outcome == null ? published : outcome);
        }
        return outcomes;
    }

    private void applyToCalls(BerthChange change) {
        switch (change) {
            case BerthChange.CallChanged changed -> calls.put(changed.call(), keepCranesAlongside(changed.berthCall()));
            case BerthChange.EtaUpdated updated -> calls.put(updated.call(), calls.get(updated.call())
                    .withEta(updated.eta()));
            case BerthChange.Delayed delayed -> {
                BerthCall call = calls.get(delayed.call());
                calls.put(delayed.call(), call.withEta(call.eta().plus(delayed.delay())));
            }
            case BerthChange.Cancelled cancelled -> calls.remove(cancelled.call());
        }
    }

    /** The current chart; null before the first plan. */
    public BerthChart current() {
        return chart;
    }

    private List<String> refusal(BerthChange change) {
        List<String> reasons = new ArrayList<>();
        BerthCall known = calls.get(change.call());
        switch (change) {
            case BerthChange.CallChanged changed -> {
                if (changed.berthCall().lengthMeters() > quay.lengthMeters()) {
                    reasons.add("vessel call " + changed.call() + " (" + changed.berthCall().lengthMeters()
                            + " m) is longer than the quay's " + quay.lengthMeters() + " m");
                }
            }
            case BerthChange.EtaUpdated updated -> notAlongside(known, change, reasons);
            case BerthChange.Delayed delayed -> notAlongside(known, change, reasons);
            case BerthChange.Cancelled cancelled -> notAlongside(known, change, reasons);
        }
        return reasons;
    }

    private static void notAlongside(BerthCall known, BerthChange change, List<String> reasons) {
        if (known == null) {
            reasons.add("the berth plan has no vessel call " + change.call());
        } else if (known.isFixed()) {
            reasons.add("vessel call " + change.call() + " is fixed by an operator from metre "
                    + known.alongside().fromMeter() + " at " + known.alongside().since()
                    + "; the berth planner does not move it (change its berth or ETB in live state instead)");
        } else if (known.isAlongside()) {
            reasons.add("vessel call " + change.call() + " is alongside since " + known.alongside().since()
                    + "; a vessel alongside is not re-planned");
        }
    }

    /**
     * A call that just came alongside, or was just fixed, or moored where it was fixed, keeps the cranes the plan gave
     * it, rather than all it could take.
     */
    private BerthCall keepCranesAlongside(BerthCall call) {
        if (!call.isAlongside() || plan == null) {
            return call;
        }
        BerthCall before = calls.get(call.id());
        boolean wasFixed = before != null && before.isFixed();
        return plan.placement(call.id()).filter(placement -> !placement.alongside() || wasFixed)
                .map(placement -> new BerthCall(call.id(), call.vesselName(), call.lengthMeters(), call.beamMeters(),
                        call.draftMeters(), call.eta(), call.requestedBerthing(), call.moves(), call.maxCranes(),
                        new BerthCall.Alongside(call.alongside().fromMeter(), call.alongside().since(),
                                Math.min(placement.cranes(), call.maxCranes()), call.alongside().fixed())))
                .orElse(call);
    }

    private BerthChart replan(String trigger, long started) {
        Instant now = clock.instant();
        Map<VesselCallId, Instant> published = new LinkedHashMap<>();
        if (plan != null) {
            for (QuayPlacement placement : plan.placements()) {
                BerthCall call = calls.get(placement.call());
                if (call != null && !call.isAlongside()) {
                    published.put(placement.call(), placement.berthing());
                }
            }
        }
        QuayBerthProblem problem = new QuayBerthProblem(quay, settings, now, List.copyOf(calls.values()), published);
        Map<VesselCallId, QuaySlot> previous = plan == null ? Map.of() : QuayBerthPlanner.slotsOf(problem, plan);
        version++;
        plan = QuayBerthPlanner.plan(problem, previous, version);
        List<BerthChart.Box> boxes = plan.placements().stream()
                .map(placement -> new BerthChart.Box(placement, calls.get(placement.call()).eta(),
                        calls.get(placement.call()).requestedBerthing(), calls.get(placement.call()).isFixed()))
                .toList();
        chart = new BerthChart(version, trigger, now, Duration.ofNanos(System.nanoTime() - started), quay, boxes,
                plan.conflicts(), plan.score(), plan.totals());
        return chart;
    }
}
