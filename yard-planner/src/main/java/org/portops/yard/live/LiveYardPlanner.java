package org.portops.yard.live;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.Position;
import org.portops.model.event.ContainerMoved;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.quay.Berth;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.GateLocation;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.YardSlot;
import org.portops.state.ChangeResult;
import org.portops.state.ContainerView;
import org.portops.state.LiveYard;
import org.portops.state.store.MoveLog;
import org.portops.yard.slot.Departure;
import org.portops.yard.slot.ExportGroup;
import org.portops.yard.slot.Housekeeping;
import org.portops.yard.slot.LiveYardSnapshot;
import org.portops.yard.slot.LoadingHousekeeping;
import org.portops.yard.slot.SlotDecision;
import org.portops.yard.slot.SlotPlanner;
import org.portops.yard.slot.SlotRequest;
import org.portops.yard.slot.StackRules;
import org.portops.yard.slot.YardBox;
import org.portops.yard.slot.YardModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The yard planner on the live yard, in plain Java with Vert.x futures: slots for containers announced to arrive
 * (a vessel call's discharge list, a gate-in) and housekeeping in quiet blocks, each decision written to live state
 * as a planned work instruction to its slot and explained.
 *
 * <p>The planner keeps a {@link YardModel} of the live yard plus its own <em>reservations</em>: slots decided for
 * containers not there yet, and housekeeping moves not made yet. Container moves in live state are applied to the
 * model where it can tell exactly what changed ({@link #moved}); otherwise the model is stale, read again before the
 * next decision, and the reservations still open are put back on it, so a slot once given is not given twice. A reservation ends when its container reaches the yard (or leaves the terminal);
 * one that no longer fits the yard as read (the stack changed under it) is dropped and logged, and the container is
 * planned afresh when it is announced again. Every step runs in order, one at a time; solving runs on
 * {@code solver}, never on the event loop.
 */
public final class LiveYardPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(LiveYardPlanner.class);
    /** Apron lane of the berths, metres from the quay line, and the gate's distance beyond the last block row. */
    private static final double APRON_Y = 40;
    private static final double GATE_BEYOND_YARD = 80;
    /**
     * Containers of a discharge list decided together, in list order: enough for a vessel bay's containers to keep
     * out of each other's way, few enough that a batch solves in its time limit (a call's list runs to thousands).
     */
    private static final int BATCH = 20;
    /** Move log entries read per query when learning dwell times, and the newest stays learnt from. */
    private static final int LOG_PAGE = 5_000;
    private static final int STAYS_KEPT = 50_000;
    /** How the ids of loading housekeeping's instructions begin: a round waits while any of them is open. */
    static final String LOADING_SHIFT = "WI-HKL-";

    /**
     * @param rules        the yard's stacking limits
     * @param housekeeping the move budget and least gain of a housekeeping round
     * @param forecast     when containers with no vessel call leave
     */
    public record Settings(StackRules rules, Housekeeping.Settings housekeeping, DepartureForecast forecast) {
        public static final Settings DEFAULTS = new Settings(StackRules.DEFAULT, Housekeeping.Settings.DEFAULTS,
                DepartureForecast.categoryDefaults());
    }

    /** A slot decision for an announced container and the instruction written for it (null when none). */
    public record Decision(MoveKind kind, SlotDecision decision, WorkInstructionId instruction) {
    }

    /** A housekeeping round of one block with the instruction written for each move, in move order. */
    public record HousekeepingRound(Housekeeping.Round round, List<WorkInstructionId> instructions) {
    }

    /** A loading housekeeping round with the instruction written for each move, in move order. */
    public record LoadingRound(LoadingHousekeeping.Round round, List<WorkInstructionId> instructions) {
    }

    private record Reservation(YardBox box, YardSlot slot) {
    }

    /** A housekeeping move planned and written, not made yet: the planner's picture has it made already. */
    private record Shift(ContainerNumber container, YardSlot from, YardSlot to) {
    }

    private final LiveYard yard;
    private final TerminalLayout layout;
    private final Settings settings;
    private final Clock clock;
    private final WorkerExecutor solver;
    private final PickupAppointments appointments;
    private final Map<ContainerNumber, Departure> pickups = new HashMap<>();
    private final Map<ContainerNumber, Reservation> reserved = new LinkedHashMap<>();
    private final Map<ContainerNumber, Shift> shifts = new LinkedHashMap<>();
    private final MoveLogStays stays = new MoveLogStays(STAYS_KEPT);
    private volatile DepartureForecast forecast;
    private Future<?> queue = Future.succeededFuture();
    private Future<?> learning = Future.succeededFuture();
    private YardModel model;
    private Expectations expectations;
    private int reads;
    private int round;

    /** @param appointments the gate's pick-ups, read with the yard whenever the planner's picture is read again */
    public LiveYardPlanner(LiveYard yard, TerminalLayout layout, Settings settings, Clock clock,
                           WorkerExecutor solver, PickupAppointments appointments) {
        this.yard = yard;
        this.layout = layout;
        this.settings = settings;
        this.clock = clock;
        this.solver = solver;
        this.appointments = appointments;
        this.forecast = settings.forecast();
    }

    // ---- announcements -----------------------------------------------------------------------------------------

    /**
     * Slots for the containers a vessel call discharges that are still on board and have none yet, decided together,
     * each written as a planned DISCHARGE instruction {@code WI-<call>-<container>-DIS} (the crane scheduler's id for
     * the same move, so both name one instruction).
     */
    public Future<List<Decision>> discharges(VesselCall call) {
        return inOrder(() -> decideDischarges(call));
    }

    /**
     * Where discharged containers go ashore, for the crane scheduler: the slot reserved for each, decided now for
     * those with none. Fails naming the containers no stack can take.
     */
    public Future<Map<ContainerNumber, Location>> slotsFor(List<Container> containers) {
        return inOrder(() -> callsOf(containers).compose(calls -> {
            Future<?> decided = Future.succeededFuture();
            for (VesselCall call : calls) {
                decided = decided.compose(v -> decideDischarges(call));
            }
            return decided.compose(v -> {
                Map<ContainerNumber, Location> slots = new LinkedHashMap<>();
                List<ContainerNumber> without = new ArrayList<>();
                for (Container container : containers) {
                    Reservation r = reserved.get(container.number());
                    if (r == null) {
                        without.add(container.number());
                    } else {
                        slots.put(container.number(), new YardLocation(r.slot()));
                    }
                }
                return without.isEmpty() ? Future.succeededFuture(slots)
                        : Future.failedFuture(new IllegalStateException("the yard planner has no slot for "
                        + without.size() + " discharged containers, first " + without.getFirst()));
            });
        }));
    }

    /**
     * A slot for a container announced at the gate, written as a planned GATE_IN instruction from its lane.
     *
     * @param appointment its pickup appointment or loading time where known, else null (then the forecast)
     * @param vesselCall  the vessel call it loads onto, else null
     */
    public Future<Decision> gateIn(Container container, GateLocation lane, Departure appointment, String vesselCall) {
        return inOrder(() -> yard.reader().container(container.number()).compose(found -> {
            if (found.isPresent()) {
                return Future.failedFuture(new IllegalArgumentException(container.number()
                        + " is in the terminal already, at " + found.get().location()));
            }
            Reservation held = reserved.get(container.number());
            if (held != null) {
                return Future.failedFuture(new IllegalArgumentException(container.number()
                        + " is announced already, planned for " + held.slot()));
            }
            return model().compose(m -> {
                Departure departure = appointment != null ? appointment : expectations.departure(container);
                String call = vesselCall != null ? vesselCall : expectations.vesselCall(container);
                SlotRequest request = new SlotRequest(container, departure, call, gate());
                return solver.executeBlocking(() -> new SlotPlanner(m, clock).announce(request));
            }).compose(decision -> {
                WorkInstructionId id = new WorkInstructionId("WI-GI-" + container.number() + "-"
                        + clock.instant().getEpochSecond());
                return recorded(MoveKind.GATE_IN, decision, id, lane);
            });
        }));
    }

    /**
     * A pick-up booked for a container ({@code window}) or no longer booked (empty): from now on its expected
     * departure, also for the container where it already stands, so nothing leaving later is put on it.
     */
    public Future<Void> pickupChanged(ContainerNumber container, Optional<Departure> window) {
        return inOrder(() -> {
            window.ifPresentOrElse(w -> pickups.put(container, w), () -> pickups.remove(container));
            if (model == null || model.box(container).isEmpty()) {
                return Future.succeededFuture();
            }
            return yard.reader().container(container).map(view -> {
                if (model != null && view.isPresent() && model.box(container).isPresent()) {
                    model.updateDeparture(container, expectations.departure(view.get().container()));
                }
                return null;
            });
        });
    }

    /**
     * Reads the move log appended since the last call, learns the dwell model from the stays in it
     * ({@link DwellLearning}, on the solver thread) and, when the model beats the configured forecast on the newest
     * stays held back from training, forecasts with it from then on: every announced container with no appointment
     * and no vessel call gets the model's 80 % window. Containers already in the planner's picture keep theirs until
     * the yard is read again.
     */
    public Future<DwellLearning.Report> learnDwell(MoveLog log) {
        // rounds of learning follow each other (the stays are read incrementally), apart from the decisions' queue:
        // reading a long log must not hold up a slot decision
        Future<DwellLearning.Report> next = learning.transform(previous -> readStays(log))
                .compose(read -> {
                    List<Stay> history = stays.stays();
                    return solver.executeBlocking(() -> DwellLearning.learn(history, settings.forecast()));
                })
                .compose(outcome -> inOrder(() -> {
                    forecast = outcome.forecast().orElse(settings.forecast());
                    return Future.succeededFuture(outcome.report());
                }));
        learning = next;
        return next;
    }

    private Future<Void> readStays(MoveLog log) {
        return log.readAfter(stays.lastSeq(), LOG_PAGE).compose(entries -> {
            entries.forEach(stays::accept);
            return entries.size() < LOG_PAGE ? Future.<Void>succeededFuture() : readStays(log);
        });
    }

    /** The expected departure the planner holds for a container in its picture of the yard. */
    Future<Optional<Departure>> expectedDeparture(ContainerNumber container) {
        return inOrder(() -> model().map(m -> m.box(container).map(YardBox::departure)));
    }

    private Future<List<Decision>> decideDischarges(VesselCall call) {
        List<BayPlanEntry> entries = call.bayPlan().entries().stream()
                .filter(e -> e.action() == BayPlanAction.DISCHARGE && !reserved.containsKey(e.container().number()))
                .toList();
        List<Future<Optional<ContainerView>>> reads = entries.stream()
                .map(e -> yard.reader().container(e.container().number())).toList();
        return Future.all(reads).compose(all -> {
            List<BayPlanEntry> onBoard = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Optional<ContainerView> view = reads.get(i).result();
                if (view.isPresent() && view.get().location() instanceof VesselLocation at
                        && at.call().equals(call.id())) {
                    onBoard.add(entries.get(i));
                }
            }
            if (onBoard.isEmpty()) {
                return Future.succeededFuture(List.<Decision>of());
            }
            return model().compose(m -> {
                Position berth = berth(call);
                List<SlotRequest> requests = onBoard.stream().map(e -> new SlotRequest(e.container(),
                        expectations.departure(e.container()), expectations.vesselCall(e.container()), berth))
                        .toList();
                return solver.executeBlocking(() -> {
                    SlotPlanner planner = new SlotPlanner(m, clock);
                    List<SlotDecision> decisions = new ArrayList<>();
                    for (int from = 0; from < requests.size(); from += BATCH) {
                        decisions.addAll(planner.announce(requests.subList(from,
                                Math.min(requests.size(), from + BATCH))));
                    }
                    return decisions;
                });
            }).compose(decisions -> {
                Future<List<Decision>> written = Future.succeededFuture(new ArrayList<>());
                for (int i = 0; i < decisions.size(); i++) {
                    BayPlanEntry entry = onBoard.get(i);
                    SlotDecision decision = decisions.get(i);
                    WorkInstructionId id = new WorkInstructionId("WI-" + call.id() + "-" + entry.container().number()
                            + "-DIS");
                    Location from = new VesselLocation(call.id(), entry.slot());
                    written = written.compose(list -> recorded(MoveKind.DISCHARGE, decision, id, from)
                            .map(d -> {
                                list.add(d);
                                return list;
                            }));
                }
                return written.map(List::copyOf);
            });
        });
    }

    /** Reserves a placed container's slot and writes its instruction; a slot-less decision is only returned. */
    private Future<Decision> recorded(MoveKind kind, SlotDecision decision, WorkInstructionId id, Location from) {
        return switch (decision) {
            case SlotDecision.NoSlot none -> {
                LOG.warn("Yard planner: no slot for {} ({}): {}", none.container(), kind, none.refusals());
                yield Future.succeededFuture(new Decision(kind, decision, null));
            }
            case SlotDecision.Placed placed -> {
                reserved.put(placed.container(), new Reservation(model.box(placed.container()).orElseThrow(),
                        placed.slot()));
                WorkInstruction instruction = WorkInstruction.planned(id, placed.container(), kind, from,
                        new YardLocation(placed.slot()), 0, clock.instant());
                yield yard.replaceInstruction(null, instruction).map(result -> {
                    if (result instanceof ChangeResult.Refused refused) {
                        LOG.info("Yard planner: {} for {} is planned already, kept: {}", id, placed.container(),
                                refused.reason());
                    }
                    return new Decision(kind, decision, id);
                });
            }
        };
    }

    // ---- housekeeping ------------------------------------------------------------------------------------------

    /**
     * Plans housekeeping in every block with no open work instruction (its yard crane is free: nothing planned,
     * dispatched, under way or suspended there), or only in {@code only} when given; writes each move as a planned
     * YARD_SHIFT instruction. Blocks whose round proposes nothing are left out.
     */
    public Future<List<HousekeepingRound>> housekeeping(BlockId only) {
        return inOrder(() -> yard.reader().workInstructions().compose(instructions -> {
            Set<BlockId> busy = busyBlocks(instructions);
            return model().compose(m -> solver.executeBlocking(() -> {
                List<Housekeeping.Round> rounds = new ArrayList<>();
                Housekeeping housekeeping = new Housekeeping(m, settings.housekeeping());
                for (int b = 0; b < m.blocks().size(); b++) {
                    BlockId id = m.block(b).id();
                    if ((only == null || only.equals(id)) && !busy.contains(id)) {
                        Housekeeping.Round r = housekeeping.plan(b, clock.instant());
                        if (r.moves() > 0) {
                            rounds.add(r);
                        }
                    }
                }
                return rounds;
            })).compose(this::writeShifts);
        }));
    }

    /**
     * Plans housekeeping ahead of the loading of {@code calls} ({@link LoadingHousekeeping}): moves across every
     * block with no open work instruction, towards each call's berth and into the order the calls load in, written
     * as planned YARD_SHIFT instructions in move order. The calls load in the order of their ETD; a call loads its
     * bay plan's LOAD entries standing in the yard bottom tier first (nothing is stowed on a slot before the one
     * below it is filled), then by bay and row.
     */
    public Future<LoadingRound> loadingHousekeeping(List<VesselCall> calls, LoadingHousekeeping.Settings budget) {
        return inOrder(() -> yard.reader().workInstructions().compose(instructions -> {
            Set<BlockId> busy = busyBlocks(instructions);
            return model().compose(m -> solver.executeBlocking(() -> {
                Set<BlockId> idle = new HashSet<>();
                m.blocks().forEach(b -> idle.add(b.id()));
                idle.removeAll(busy);
                List<LoadingHousekeeping.Load> loads = calls.stream()
                        .sorted(Comparator.comparing(VesselCall::etd))
                        .map(call -> load(call, m)).toList();
                return new LoadingHousekeeping(m, loads, budget).plan(idle, clock.instant());
            })).compose(this::writeLoadingShifts);
        }));
    }

    private LoadingHousekeeping.Load load(VesselCall call, YardModel m) {
        List<ContainerNumber> sequence = call.bayPlan().entries().stream()
                .filter(e -> e.action() == BayPlanAction.LOAD && m.slotOf(e.container().number()).isPresent())
                .sorted(Comparator.comparingInt((BayPlanEntry e) -> e.slot().tier().number())
                        .thenComparingInt(e -> e.slot().bay().number())
                        .thenComparingInt(e -> e.slot().row().number()))
                .map(e -> e.container().number()).toList();
        return new LoadingHousekeeping.Load(call.id().value(), berth(call), sequence);
    }

    private Future<LoadingRound> writeLoadingShifts(LoadingHousekeeping.Round r) {
        round++;
        List<WorkInstructionId> ids = new ArrayList<>();
        Future<?> chain = Future.succeededFuture();
        for (int i = 0; i < r.moves().size(); i++) {
            LoadingHousekeeping.Move move = r.moves().get(i);
            shifts.put(move.container(), new Shift(move.container(), move.from(), move.to()));
            WorkInstructionId id = new WorkInstructionId(LOADING_SHIFT + clock.instant().getEpochSecond() + "-" + round
                    + "-" + (i + 1));
            ids.add(id);
            // sequence = order within the round: a blocker is lifted before the container under it moves
            WorkInstruction instruction = new WorkInstruction(id, move.container(), MoveKind.YARD_SHIFT,
                    new YardLocation(move.from()), new YardLocation(move.to()), List.of(), i + 1,
                    WorkInstructionState.PLANNED, null, clock.instant());
            chain = chain.compose(v -> yard.replaceInstruction(null, instruction));
        }
        return chain.map(v -> new LoadingRound(r, List.copyOf(ids)));
    }

    private Future<List<HousekeepingRound>> writeShifts(List<Housekeeping.Round> rounds) {
        round++;
        Future<List<HousekeepingRound>> written = Future.succeededFuture(new ArrayList<>());
        for (Housekeeping.Round r : rounds) {
            List<Housekeeping.Move> moves = r.proposals().stream().flatMap(p -> p.moves().stream()).toList();
            List<WorkInstructionId> ids = new ArrayList<>();
            Future<?> chain = Future.succeededFuture();
            for (int i = 0; i < moves.size(); i++) {
                Housekeeping.Move move = moves.get(i);
                shifts.put(move.container(), new Shift(move.container(), move.from(), move.to()));
                WorkInstructionId id = new WorkInstructionId("WI-HK-" + clock.instant().getEpochSecond() + "-"
                        + round + "-" + r.block() + "-" + (i + 1));
                ids.add(id);
                // sequence = order within the round: a dig's upper containers go first
                WorkInstruction instruction = new WorkInstruction(id, move.container(), MoveKind.YARD_SHIFT,
                        new YardLocation(move.from()), new YardLocation(move.to()), List.of(), i + 1,
                        WorkInstructionState.PLANNED, null, clock.instant());
                chain = chain.compose(v -> yard.replaceInstruction(null, instruction));
            }
            Future<?> done = chain;
            written = written.compose(list -> done.map(v -> {
                list.add(new HousekeepingRound(r, List.copyOf(ids)));
                return list;
            }));
        }
        return written.map(List::copyOf);
    }

    // ---- the model ---------------------------------------------------------------------------------------------

    /**
     * A container moved in live state. A container that reached the yard or left the terminal ends its reservation
     * (on a machine it is still on its way). The model follows the move where it can tell exactly what changed: a
     * container lifted off the top of its stack, set down on top of one, or arriving where it was reserved or
     * shifted to; anything else (a move onto a slot the planner had reserved for another, a container it did not
     * know) makes it stale, to be read again before the next decision.
     */
    public Future<Void> moved(ContainerMoved moved) {
        return inOrder(() -> {
            ContainerNumber number = moved.container();
            Reservation reservation = reserved.remove(number);
            Shift shift = shifts.remove(number);
            boolean ends = moved.to() == null || moved.to() instanceof YardLocation;
            if (!ends) {
                if (reservation != null) {
                    reserved.put(number, reservation);
                }
                if (shift != null) {
                    shifts.put(number, shift);
                }
            }
            if (model == null || !ends && (reservation != null || shift != null)) {
                // on its way to where the model already has it
                return Future.succeededFuture();
            }
            YardSlot from = moved.from() instanceof YardLocation y ? y.slot() : null;
            YardSlot to = moved.to() instanceof YardLocation y ? y.slot() : null;
            Optional<YardSlot> planned = model.slotOf(number);
            if (to != null && planned.isPresent() && planned.get().equals(to)) {
                // arrived where the planner already has it: a reservation or a housekeeping shift made good
                return Future.succeededFuture();
            }
            if (planned.isPresent() && !(from != null && planned.get().equals(from) && liftable(number))) {
                model = null;
                return Future.succeededFuture();
            }
            if (planned.isPresent()) {
                model.remove(number, moved.at());
            }
            if (to == null) {
                return Future.succeededFuture();
            }
            return yard.reader().container(number).map(view -> {
                int stack = model == null ? -1 : model.stackIndex(to.stack());
                if (view.isEmpty() || stack < 0 || model.height(stack) + 1 != to.tier().level()) {
                    model = null;
                    return null;
                }
                Container c = view.get().container();
                String call = expectations.vesselCall(c);
                YardBox box = new YardBox(c.number(), c.length(), c.weight().kilograms(), expectations.departure(c),
                        c.imdgClass(), c.isReefer(), call == null ? null
                        : new ExportGroup(call, c.portOfDischarge()));
                if (model.check(box, stack) != null) {
                    model = null;
                } else {
                    model.place(box, stack, moved.at());
                }
                return null;
            });
        });
    }

    private boolean liftable(ContainerNumber number) {
        YardBox top = model.top(model.stackOf(number));
        return top != null && top.number().equals(number);
    }

    /** The model with the reservations on it, read again from live state when it is stale. */
    private Future<YardModel> model() {
        if (model != null) {
            return Future.succeededFuture(model);
        }
        Instant now = clock.instant();
        reads++;
        return openPickups().compose(read -> yard.reader().vesselCalls()).compose(calls -> {
            Expectations expected = new Expectations(calls, Collections.unmodifiableMap(pickups),
                    (container, at) -> forecast.departure(container, at), clock);
            return LiveYardSnapshot.read(yard.reader(), layout, settings.rules(), expected).map(read -> {
                reapply(read, now);
                model = read;
                expectations = expected;
                return read;
            });
        });
    }

    /**
     * The pick-ups read again with the yard, so one missed fact lasts only until the next read; when the gate cannot
     * answer, the ones followed so far stand.
     */
    private Future<Void> openPickups() {
        return appointments.open().<Void>map(open -> {
            pickups.clear();
            pickups.putAll(open);
            return null;
        }).otherwise(failure -> {
            if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
                LOG.debug("Yard planner: no gate answers for pick-up appointments");
            } else {
                LOG.warn("Yard planner: the gate's pick-up appointments could not be read, {} followed kept: {}",
                        pickups.size(), failure.getMessage());
            }
            return null;
        });
    }

    private void reapply(YardModel read, Instant now) {
        for (var it = shifts.values().iterator(); it.hasNext(); ) {
            Shift move = it.next();
            int to = read.stackIndex(move.to().stack());
            Optional<YardSlot> at = read.slotOf(move.container());
            if (at.isEmpty() || !at.get().equals(move.from()) || read.top(read.stackOf(move.container())) == null
                    || !read.top(read.stackOf(move.container())).number().equals(move.container())
                    || read.height(to) + 1 != move.to().tier().level()
                    || read.check(read.box(move.container()).orElseThrow(), to) != null) {
                LOG.warn("Yard planner: housekeeping move of {} to {} no longer fits the yard, dropped",
                        move.container(), move.to());
                it.remove();
            } else {
                read.relocate(move.container(), to, now);
            }
        }
        for (var it = reserved.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            Reservation r = entry.getValue();
            int stack = read.stackIndex(r.slot().stack());
            if (read.slotOf(entry.getKey()).isPresent()) {
                it.remove();
            } else if (read.height(stack) + 1 != r.slot().tier().level() || read.check(r.box(), stack) != null) {
                LOG.warn("Yard planner: the slot reserved for {} at {} no longer fits the yard, dropped",
                        entry.getKey(), r.slot());
                it.remove();
            } else {
                read.place(r.box(), stack, now);
            }
        }
    }

    /** How often the whole yard was read; the moves in between were followed one by one. */
    int yardReads() {
        return reads;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private <T> Future<T> inOrder(Supplier<Future<T>> step) {
        Future<T> next = queue.transform(ignored -> step.get());
        queue = next;
        return next;
    }

    private Future<List<VesselCall>> callsOf(List<Container> containers) {
        List<Future<Optional<ContainerView>>> reads = containers.stream()
                .map(c -> yard.reader().container(c.number())).toList();
        return Future.all(reads).compose(all -> {
            Set<VesselCallId> ids = new LinkedHashSet<>();
            for (Future<Optional<ContainerView>> read : reads) {
                read.result().map(ContainerView::location).filter(VesselLocation.class::isInstance)
                        .map(l -> ((VesselLocation) l).call()).ifPresent(ids::add);
            }
            List<Future<Optional<VesselCall>>> calls = ids.stream().map(id -> yard.reader().vesselCall(id)).toList();
            return Future.all(calls).map(done -> calls.stream().map(Future::result)
                    .flatMap(Optional::stream).toList());
        });
    }

    /** Blocks an open work instruction leads from or to: their yard cranes have work. */
    private Set<BlockId> busyBlocks(List<WorkInstruction> instructions) {
        Set<BlockId> busy = new HashSet<>();
        for (WorkInstruction w : instructions) {
            if (!w.state().isTerminal()) {
                blockOf(w.from()).ifPresent(busy::add);
                blockOf(w.to()).ifPresent(busy::add);
            }
        }
        return busy;
    }

    private Optional<BlockId> blockOf(Location location) {
        return location instanceof YardLocation y ? Optional.of(y.slot().block()) : Optional.empty();
    }

    /** The middle of the call's berth on the apron; the quay's middle while it has no berth. */
    private Position berth(VesselCall call) {
        Optional<Berth> berth = call.berth() == null ? Optional.empty() : layout.quay().berth(call.berth());
        double x = berth.map(b -> (b.startMeter() + b.endMeter()) / 2).orElse(layout.quay().lengthMeters() / 2);
        return new Position(x, APRON_Y);
    }

    /** The gate: mid-quay, beyond the landside edge of the yard. */
    private Position gate() {
        double maxY = layout.blocks().stream()
                .mapToDouble(b -> b.origin().y() + b.rows() * BlockLayout.ROW_PITCH_METRES).max().orElse(0);
        return new Position(layout.quay().lengthMeters() / 2, maxY + GATE_BEYOND_YARD);
    }
}
