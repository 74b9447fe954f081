package org.portops.crane.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.portops.crane.live.CallWork.CraneAtBay;
import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.live.CallWork.TaskOrder;
import org.portops.crane.live.CallWork.WorkTask;
import org.portops.crane.qcsp.Precedence;
import org.portops.crane.qcsp.QuayCrane;
import org.portops.crane.vessel.CraneCycle;
import org.portops.crane.vessel.CraneMove;
import org.portops.crane.vessel.CranePositions;
import org.portops.crane.vessel.CraneSetup;
import org.portops.crane.vessel.DischargeOrder;
import org.portops.crane.vessel.LoadOrder;
import org.portops.crane.vessel.VesselCallMapper;
import org.portops.crane.vessel.VesselProblem;
import org.portops.crane.vessel.VesselTask;
import org.portops.crane.vessel.VesselWork;
import org.portops.crane.vessel.VesselWorkException;
import org.portops.crane.vessel.VesselWorkRules;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.quay.Berth;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselBay;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.state.ContainerView;
import org.portops.state.YardStateReader;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The work of a live vessel call: its bay plan mapped to crane tasks by {@link VesselCallMapper}, keeping only what
 * live state says is still to do — a discharge (or restow) whose container is still on board this call, a load whose
 * container stands in the yard (a restow already ashore is loaded back from where it stands). Containers on a machine
 * are under way and left to the plan that started them; a container live state does not know is an error of the bay
 * plan and fails the call with its name.
 *
 * <p>The call gets the quay cranes of its berth's share of the quay (the layout's quay cranes in id order, dealt to
 * the berths in quay order), less those live state reports faulty or offline, at most {@link Settings#maxCranes};
 * they start spread along the vessel. Discharges go where {@link DischargeSlots} finds room.
 *
 * <p>Instruction ids are {@code WI-<call>-<container>-<DIS|LOAD>}: mapping the call again after a change gives the
 * moves still to do the same ids, so the scheduler's state and live state stay keyed alike.
 */
public final class BayPlanWorkSource implements CallWorkSource {

    /**
     * @param maxCranes     most cranes one call gets
     * @param cyclesPerHour each crane's rate (a twin lift is one cycle)
     * @param windLimit     the cranes' wind limit, m/s
     * @param rules         how the mapper cuts the work (its plan start is replaced by the clock's now)
     */
    public record Settings(int maxCranes, int cyclesPerHour, double windLimit, VesselWorkRules rules) {
        public Settings {
            if (maxCranes < 1 || cyclesPerHour < 1 || rules == null) {
                throw new IllegalArgumentException("bay-plan work needs 1 or more cranes per call, a rate of 1 or more"
                        + " cycles per hour and mapping rules, was " + maxCranes + ", " + cyclesPerHour + ", " + rules);
            }
        }

        /** Up to 6 cranes a call, 30 cycles an hour, 20 m/s wind limit, the mapper's default rules. */
        public static final Settings DEFAULTS = new Settings(6, 30, 20, VesselWorkRules.defaults(Instant.EPOCH));
    }

    private final YardStateReader reader;
    private final TerminalLayout layout;
    private final DischargeSlots slots;
    private final Settings settings;
    private final Clock clock;

    public BayPlanWorkSource(YardStateReader reader, TerminalLayout layout, DischargeSlots slots, Settings settings,
                             Clock clock) {
        this.reader = reader;
        this.layout = layout;
        this.slots = slots;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Future<CallWork> workOf(VesselCall call) {
        return work(call, false);
    }

    /** The work with the berth's share of cranes whatever their state: the split gives the call its cranes. */
    @Override
    public Future<CallWork> workToSplit(VesselCall call) {
        return work(call, true);
    }

    private Future<CallWork> work(VesselCall call, boolean anyState) {
        if (call.berth() == null) {
            return Future.failedFuture(new IllegalArgumentException("vessel call " + call.id()
                    + " has no berth yet: its cranes are not known"));
        }
        List<BayPlanEntry> entries = call.bayPlan().entries().stream()
                .filter(entry -> entry.action() != BayPlanAction.REMAIN_ON_BOARD).toList();
        Future<List<Optional<ContainerView>>> where = Future.all(entries.stream()
                .map(entry -> reader.container(entry.container().number())).toList()).map(all -> all.list());
        return Future.all(where, reader.equipment()).compose(read -> {
            List<Optional<ContainerView>> views = read.resultAt(0);
            List<EquipmentState> equipment = read.resultAt(1);
            return toDo(call, entries, views).compose(todo -> mapped(call, todo,
                    cranes(call, anyState ? List.of() : equipment)));
        });
    }

    /** What is still to do, as a bay plan with its lists; discharge slots found for the containers still on board. */
    private Future<VesselWork> toDo(VesselCall call, List<BayPlanEntry> entries, List<Optional<ContainerView>> views) {
        List<String> unknown = new ArrayList<>();
        List<BayPlanEntry> open = new ArrayList<>();
        List<LoadOrder> loads = new ArrayList<>();
        List<Container> ashoreToBe = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            BayPlanEntry entry = entries.get(i);
            Optional<ContainerView> view = views.get(i);
            if (view.isEmpty()) {
                unknown.add(entry.container().number() + " (slot " + entry.slot() + ", " + entry.action() + ")");
                continue;
            }
            Location at = view.get().location();
            boolean onBoard = at instanceof VesselLocation vessel && vessel.call().equals(call.id());
            switch (entry.action()) {
                case DISCHARGE, RESTOW -> {
                    if (onBoard) {
                        open.add(entry);
                        ashoreToBe.add(entry.container());
                    } else if (entry.action() == BayPlanAction.RESTOW && at instanceof YardLocation) {
                        open.add(new BayPlanEntry(entry.slot(), entry.container(), BayPlanAction.LOAD));
                        loads.add(new LoadOrder(entry.container().number(), at));
                    }
                }
                case LOAD -> {
                    if (at instanceof YardLocation) {
                        open.add(entry);
                        loads.add(new LoadOrder(entry.container().number(), at));
                    }
                }
                case REMAIN_ON_BOARD -> {
                }
            }
        }
        if (!unknown.isEmpty()) {
            return Future.failedFuture(new IllegalArgumentException("vessel call " + call.id() + ": live state knows "
                    + unknown.size() + " containers of the bay plan not, first " + unknown.subList(0, Math.min(5,
                    unknown.size()))));
        }
        return slots.slotsFor(ashoreToBe).map(to -> {
            List<DischargeOrder> discharges = ashoreToBe.stream()
                    .map(container -> new DischargeOrder(container.number(), to.get(container.number()))).toList();
            return new VesselWork(call.withBayPlan(new BayPlan(open)), discharges, loads);
        });
    }

    /** The cranes of the call's berth share, in service, at most {@code maxCranes}, in id order (quay order). */
    private List<EquipmentId> cranes(VesselCall call, List<EquipmentState> equipment) {
        List<EquipmentId> all = layout.allEquipment().stream().filter(e -> e.kind() == EquipmentKind.QUAY_CRANE)
                .map(Equipment::id).sorted(Comparator.comparing(EquipmentId::value)).toList();
        List<Berth> berths = layout.quay().berths().stream()
                .sorted(Comparator.comparingDouble(Berth::startMeter)).toList();
        int index = 0;
        while (index < berths.size() && !berths.get(index).id().equals(call.berth())) {
            index++;
        }
        int from = berths.isEmpty() ? 0 : all.size() * Math.min(index, berths.size() - 1) / berths.size();
        int to = berths.isEmpty() ? all.size() : all.size() * (Math.min(index, berths.size() - 1) + 1) / berths.size();
        Set<EquipmentId> out = equipment.stream()
                .filter(s -> s.status() == EquipmentStatus.FAULT || s.status() == EquipmentStatus.OFFLINE)
                .map(EquipmentState::id).collect(Collectors.toSet());
        return all.subList(from, to).stream().filter(crane -> !out.contains(crane)).limit(settings.maxCranes()).toList();
    }

    /**
     * Maps the call on a worker thread when called on a Vert.x context: a bay plan of thousands of moves takes long
     * enough to stall the event loop it would run on, and with it every verticle sharing that loop (the ingest).
     */
    private Future<CallWork> mapped(VesselCall call, VesselWork work, List<EquipmentId> cranes) {
        Context context = Vertx.currentContext();
        if (context == null) {
            try {
                return Future.succeededFuture(mapNow(call, work, cranes));
            } catch (IllegalArgumentException e) {
                return Future.failedFuture(e);
            }
        }
        return context.executeBlocking(() -> mapNow(call, work, cranes), false);
    }

    private CallWork mapNow(VesselCall call, VesselWork work, List<EquipmentId> cranes) {
        if (cranes.isEmpty()) {
            throw new IllegalArgumentException("vessel call " + call.id() + " at berth "
                    + call.berth() + " has no quay crane in service");
        }
        Instant now = clock.instant();
        VesselWorkRules base = settings.rules();
        VesselWorkRules rules = new VesselWorkRules(now, base.safetyMargin(), base.travelPerPosition(),
                base.maxCyclesPerTask(), base.twinLift());
        if (work.call().bayPlan().entries().isEmpty()) {
            throw new IllegalArgumentException("vessel call " + call.id()
                    + " has no crane work left: every move of its bay plan is done or under way");
        }
        // the cranes start spread along the ship, each its safety margin clear of the next
        List<StowageSlot> slots = work.call().bayPlan().entries().stream().map(BayPlanEntry::slot).toList();
        CranePositions positions;
        try {
            positions = CranePositions.of(slots);
        } catch (VesselWorkException e) {
            throw new IllegalArgumentException("vessel call " + call.id() + ": "
                    + String.join("; ", e.problems()), e);
        }
        int highest = slots.stream().mapToInt(slot -> positions.position(slot.bay())).max().orElse(1);
        int n = cranes.size();
        int span = Math.max(highest, (n - 1) * (rules.safetyMargin() + 1) + 1) - 1;
        List<CraneSetup> setups = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int position = n == 1 ? 1 : 1 + k * span / (n - 1);
            setups.add(new CraneSetup(cranes.get(k), new VesselBay(positions.fortyFootBay(position)), now,
                    settings.cyclesPerHour(), settings.windLimit(), List.of()));
        }
        VesselProblem problem;
        try {
            problem = VesselCallMapper.map(work, setups, rules);
        } catch (VesselWorkException e) {
            throw new IllegalArgumentException("vessel call " + call.id() + ": "
                    + String.join("; ", e.problems()), e);
        }
        return callWork(call, problem, rules, now);
    }

    private CallWork callWork(VesselCall call, VesselProblem problem, VesselWorkRules rules, Instant now) {
        int secondsPerCycle = (3600 + settings.cyclesPerHour() - 1) / settings.cyclesPerHour();
        Map<Integer, TaskId> ids = new HashMap<>();
        Map<String, Integer> chunks = new HashMap<>();
        List<WorkTask> tasks = new ArrayList<>();
        for (VesselTask task : problem.tasks()) {
            String group = String.format("P%02d-%s", task.position(), task.phase());
            TaskId id = new TaskId(group + "-" + chunks.merge(group, 1, Integer::sum));
            ids.put(task.task(), id);
            List<WorkInstruction> moves = task.cycles().stream().flatMap(cycle -> instructions(call, cycle, now))
                    .toList();
            int secondsPerMove = Math.max(1, (task.cycles().size() * secondsPerCycle + moves.size() - 1) / moves.size());
            tasks.add(new WorkTask(id, task.position(), secondsPerMove, moves));
        }
        List<TaskOrder> orders = new ArrayList<>();
        for (Precedence precedence : problem.instance().precedences()) {
            orders.add(new TaskOrder(ids.get(precedence.before()), ids.get(precedence.after())));
        }
        int bays = problem.instance().bays();
        List<CraneAtBay> atBays = new ArrayList<>();
        for (QuayCrane crane : problem.instance().cranes()) {
            atBays.add(new CraneAtBay(problem.cranes().get(crane.number() - 1), crane.initialBay()));
        }
        return new CallWork(call.id(), bays, Math.toIntExact(rules.travelPerPosition().toSeconds()),
                rules.safetyMargin(), tasks, orders, atBays);
    }

    /** A cycle's moves; a twin lift's two each name the other, so the driver sees both boxes of the lift. */
    private static Stream<WorkInstruction> instructions(VesselCall call, CraneCycle cycle, Instant now) {
        List<WorkInstruction> moves = cycle.moves().stream().map(move -> instruction(call, move, now)).toList();
        if (!cycle.isTwin()) {
            return moves.stream();
        }
        return Stream.of(moves.get(0).withTwin(moves.get(1).id()), moves.get(1).withTwin(moves.get(0).id()));
    }

    private static WorkInstruction instruction(VesselCall call, CraneMove move, Instant now) {
        String kind = move.kind() == MoveKind.DISCHARGE ? "DIS" : "LOAD";
        return WorkInstruction.planned(new WorkInstructionId("WI-" + call.id() + "-" + move.container() + "-" + kind),
                move.container(), move.kind(), move.from(), move.to(), 0, now);
    }

    /** Where discharged containers go ashore. */
    @FunctionalInterface
    public interface DischargeSlots {
        /** A yard location for each container, every one different. */
        Future<Map<ContainerNumber, Location>> slotsFor(List<Container> containers);
    }
}
