package org.portops.crane.dispatch.mapping;

import org.portops.crane.dispatch.CraneMove;
import org.portops.crane.dispatch.DispatchRequest;
import org.portops.crane.dispatch.HandoverPoint;
import org.portops.crane.dispatch.PublishedPlan;
import org.portops.crane.dispatch.TransportJob;
import org.portops.crane.dispatch.TransportJobId;
import org.portops.crane.dispatch.Vehicle;
import org.portops.crane.dispatch.mapping.CraneWorkQueue.QueuedMove;
import org.portops.crane.dispatch.mapping.MappedRequest.CraneDelay;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Live state → dispatch request, in plain Java over a {@link TransportSnapshot}:
 * <ul>
 *   <li>vehicles: every tractor, straddle carrier and AGV at its last reported position; a faulted, offline or stalled
 *   one (unheard for {@link MappingSettings#silentAfter()}) takes no new work and keeps only its move in progress:
 *   left out, or, with a move in progress, kept with it and expected back only after
 *   {@link MappingSettings#unavailableFor()}; the moves it was dispatched but has not started are free jobs;</li>
 *   <li>committed (pinned) jobs: a vehicle's DISPATCHED and IN_PROGRESS instructions, the one in progress first;</li>
 *   <li>jobs: each open crane move of the queues, pickup and drop from the container's yard slot or vessel slot
 *   ({@link HandoverPoints}), due when the crane needs the box (a discharge: the planned end of its cycle, a load: the
 *   planned start) shifted by the crane's measured delay ({@link #delays}).</li>
 * </ul>
 * Moves that cannot become jobs (no slot, an unknown block, a crane with no known place) are listed with the reason;
 * the rest of the request is still made.
 */
public final class TransportRequestMapper {

    private final TerminalLayout layout;
    private final MappingSettings settings;
    private final HandoverPoints points;

    public TransportRequestMapper(TerminalLayout layout, MappingSettings settings) {
        this.layout = layout;
        this.settings = settings;
        this.points = new HandoverPoints(layout);
    }

    /**
     * @param published the plan published last time, or null to read it back from live state (each vehicle's open
     *                  instructions that name it, committed first, then by due time): after a restart
     */
    public MappedRequest map(TransportSnapshot snapshot, PublishedPlan published) {
        Map<EquipmentId, EquipmentState> fleet = new LinkedHashMap<>();
        snapshot.equipment().stream().filter(state -> state.kind().isHorizontalTransport())
                .sorted(Comparator.comparing(state -> state.id().value()))
                .forEach(state -> fleet.put(state.id(), state));
        Map<String, WorkInstruction> live = new HashMap<>();
        snapshot.instructions().forEach(instruction -> live.put(instruction.id().value(), instruction));
        Map<EquipmentId, EquipmentState> cranes = new HashMap<>();
        snapshot.equipment().stream().filter(state -> state.kind().isQuayCrane())
                .forEach(state -> cranes.put(state.id(), state));

        Map<EquipmentId, CraneDelay> delays = delays(snapshot, live);
        List<String> skipped = new ArrayList<>();
        Map<TransportJobId, TransportJob> jobs = new LinkedHashMap<>();
        Map<TransportJobId, WorkInstruction> instructions = new HashMap<>();
        Set<TransportJobId> created = new HashSet<>();
        for (CraneWorkQueue queue : snapshot.queues()) {
            Duration delay = delays.containsKey(queue.crane()) ? delays.get(queue.crane()).delay() : Duration.ZERO;
            for (QueuedMove move : queue.moves()) {
                WorkInstruction current = live.getOrDefault(move.instruction().id().value(), move.instruction());
                if (!open(current, fleet.keySet())) {
                    continue;
                }
                Instant due = (current.kind() == MoveKind.DISCHARGE ? move.plannedEnd() : move.plannedStart()).plus(delay);
                craneJob(snapshot, current, queue.crane(), cranes.get(queue.crane()), due).ifPresentOrElse(job -> {
                    jobs.put(job.id(), job);
                    instructions.put(job.id(), current);
                    if (!live.containsKey(current.id().value())) {
                        created.add(job.id());
                    }
                }, () -> skipped.add(points.whyNot(snapshot, current)));
            }
        }
        committedOutsideQueues(snapshot, fleet.keySet(), cranes, jobs, instructions, skipped);

        Map<EquipmentId, String> unavailable = new HashMap<>();
        List<Vehicle> vehicles = new ArrayList<>();
        for (EquipmentState state : fleet.values()) {
            Optional<String> why = unavailable(state, snapshot.at());
            List<WorkInstruction> committed = committed(state.id(), fleet.keySet(), jobs.keySet(), instructions,
                    why.isPresent());
            why.ifPresent(reason -> unavailable.put(state.id(), reason));
            if (why.isPresent() && committed.isEmpty()) {
                continue;
            }
            vehicles.add(vehicle(state, committed, jobs, why.isPresent(), snapshot.at()));
        }
        PublishedPlan previous = published != null ? published
                : publishedFromLive(vehicles, jobs, instructions);
        return new MappedRequest(new DispatchRequest(snapshot.at(), List.copyOf(jobs.values()), vehicles, previous),
                instructions, created, fleet.keySet(), unavailable, delays, skipped);
    }

    /**
     * Per crane, how far behind plan its last done move finished: the DONE instruction's update time (when the
     * machine reported the box set down) minus the end its queue planned for it, 0 when it was on time or early.
     */
    static Map<EquipmentId, CraneDelay> delays(TransportSnapshot snapshot, Map<String, WorkInstruction> live) {
        Map<EquipmentId, CraneDelay> delays = new HashMap<>();
        for (CraneWorkQueue queue : snapshot.queues()) {
            QueuedMove lastDone = null;
            WorkInstruction doneVersion = null;
            for (QueuedMove move : queue.moves()) {
                WorkInstruction current = live.get(move.instruction().id().value());
                if (current != null && current.state() == WorkInstructionState.DONE) {
                    lastDone = move;
                    doneVersion = current;
                }
            }
            if (lastDone != null) {
                Duration late = Duration.between(lastDone.plannedEnd(), doneVersion.updatedAt());
                delays.put(queue.crane(), new CraneDelay(queue.crane(), late.isNegative() ? Duration.ZERO : late,
                        doneVersion.id()));
            }
        }
        return delays;
    }

    /**
     * Whether a move still needs transport: planned, dispatched (by its crane or to a vehicle), or in progress on a
     * vehicle (kept as that vehicle's committed job). Suspended, done, failed and cancelled moves do not.
     */
    private static boolean open(WorkInstruction instruction, Set<EquipmentId> fleet) {
        return switch (instruction.state()) {
            case PLANNED, DISPATCHED -> true;
            case IN_PROGRESS -> instruction.assigned().stream().anyMatch(fleet::contains);
            case SUSPENDED, DONE, FAILED, CANCELLED -> false;
        };
    }

    private Optional<TransportJob> craneJob(TransportSnapshot snapshot, WorkInstruction instruction, EquipmentId crane,
                                            EquipmentState craneState, Instant due) {
        Optional<HandoverPoint> quay = points.underCrane(snapshot, instruction, crane, craneState);
        boolean discharge = instruction.kind() == MoveKind.DISCHARGE;
        Optional<HandoverPoint.BlockBay> yard = points.yardEnd(snapshot, instruction, discharge ? instruction.to()
                : instruction.from());
        if (quay.isEmpty() || yard.isEmpty() || !points.knowsBlock(yard.get())) {
            return Optional.empty();
        }
        return Optional.of(new TransportJob(new TransportJobId(instruction.id().value()), instruction.container(),
                instruction.kind(), discharge ? quay.get() : yard.get(), discharge ? yard.get() : quay.get(),
                new CraneMove(crane, (int) Math.min(Integer.MAX_VALUE, instruction.sequence())), due,
                settings.yardHandling(), carriers(yard.get())));
    }

    /**
     * Work a vehicle has committed to that no crane queue lists (a yard shift, or a crane move the crane plan dropped)
     * is still pinned on it, so it becomes a job too; its due time is when it was dispatched or started.
     */
    private void committedOutsideQueues(TransportSnapshot snapshot, Set<EquipmentId> fleet,
                                        Map<EquipmentId, EquipmentState> cranes,
                                        Map<TransportJobId, TransportJob> jobs,
                                        Map<TransportJobId, WorkInstruction> instructions, List<String> skipped) {
        for (WorkInstruction instruction : snapshot.instructions()) {
            TransportJobId id = new TransportJobId(instruction.id().value());
            boolean committed = (instruction.state() == WorkInstructionState.DISPATCHED
                    || instruction.state() == WorkInstructionState.IN_PROGRESS)
                    && instruction.assigned().stream().anyMatch(fleet::contains);
            if (!committed || jobs.containsKey(id)) {
                continue;
            }
            Optional<TransportJob> job = switch (instruction.kind()) {
                case YARD_SHIFT -> yardShift(snapshot, instruction);
                case DISCHARGE, LOAD -> instruction.assigned().stream().filter(cranes::containsKey).findFirst()
                        .flatMap(crane -> craneJob(snapshot, instruction, crane, cranes.get(crane),
                                instruction.updatedAt()));
                case REHANDLE, GATE_IN, GATE_OUT -> Optional.empty();
            };
            job.ifPresentOrElse(j -> {
                jobs.put(j.id(), j);
                instructions.put(j.id(), instruction);
            }, () -> skipped.add("committed " + instruction.kind() + " " + instruction.id() + " (" + instruction.from()
                    + " -> " + instruction.to() + ") is not a quay-yard or yard-yard trip this dispatcher can plan"));
        }
    }

    private Optional<TransportJob> yardShift(TransportSnapshot snapshot, WorkInstruction instruction) {
        Optional<HandoverPoint.BlockBay> from = points.yardEnd(snapshot, instruction, instruction.from());
        Optional<HandoverPoint.BlockBay> to = points.yardEnd(snapshot, instruction, instruction.to());
        if (from.isEmpty() || to.isEmpty() || !points.knowsBlock(from.get()) || !points.knowsBlock(to.get())) {
            return Optional.empty();
        }
        Set<EquipmentKind> carriers = EnumSet.copyOf(carriers(from.get()));
        carriers.retainAll(carriers(to.get()));
        if (carriers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TransportJob(new TransportJobId(instruction.id().value()), instruction.container(),
                MoveKind.YARD_SHIFT, from.get(), to.get(), null, instruction.updatedAt(), settings.yardHandling(),
                carriers));
    }

    /**
     * Which vehicles a block's yard end takes: a straddle-carrier block is worked by straddles; automated stacking
     * cranes hand over to AGVs; RTG and RMG blocks load and unload tractors, and straddles, which can set a box down in
     * any transfer lane.
     */
    private Set<EquipmentKind> carriers(HandoverPoint.BlockBay bay) {
        BlockLayout block = layout.block(bay.block()).orElseThrow();
        return switch (block.craneKind()) {
            case STRADDLE_CARRIER -> EnumSet.of(EquipmentKind.STRADDLE_CARRIER);
            case ASC -> EnumSet.of(EquipmentKind.AGV);
            case RTG, RMG, REACH_STACKER -> EnumSet.of(EquipmentKind.TERMINAL_TRACTOR, EquipmentKind.STRADDLE_CARRIER);
            case QUAY_CRANE, TERMINAL_TRACTOR, AGV -> throw new IllegalStateException("block " + bay.block()
                    + " is worked by " + block.craneKind() + ", which the layout refuses for a block");
        };
    }

    /** Faulted, offline, reporting fault codes, or silent for longer than the settings allow: no new work. */
    private Optional<String> unavailable(EquipmentState state, Instant now) {
        if (state.status() == EquipmentStatus.FAULT || state.status() == EquipmentStatus.OFFLINE) {
            return Optional.of(state.id() + " is " + state.status());
        }
        if (!state.faultCodes().isEmpty()) {
            return Optional.of(state.id() + " reports faults " + state.faultCodes());
        }
        Duration silent = Duration.between(state.lastSeen(), now);
        if (silent.compareTo(settings.silentAfter()) > 0) {
            return Optional.of(state.id() + " stalled: not heard from for " + silent.toSeconds() + " s (since "
                    + state.lastSeen() + ")");
        }
        return Optional.empty();
    }

    /**
     * A vehicle's committed instructions among the jobs: the one in progress first, then dispatched ones in sequence.
     * A move naming several transport machines is committed to the first of them only. A vehicle that is not available
     * keeps only the move in progress (the box is on it); what it was dispatched but has not started is free for
     * others, which is how a stalled vehicle's work is dispatched again.
     */
    private static List<WorkInstruction> committed(EquipmentId vehicle, Set<EquipmentId> fleet,
                                                   Set<TransportJobId> jobs,
                                                   Map<TransportJobId, WorkInstruction> instructions,
                                                   boolean unavailable) {
        return jobs.stream().map(instructions::get)
                .filter(i -> PlanInstructions.vehicleOf(i, fleet).filter(vehicle::equals).isPresent())
                .filter(i -> i.state() == WorkInstructionState.IN_PROGRESS
                        || i.state() == WorkInstructionState.DISPATCHED && !unavailable)
                .sorted(Comparator.comparing((WorkInstruction i) -> i.state() != WorkInstructionState.IN_PROGRESS)
                        .thenComparing(WorkInstruction::sequence).thenComparing(i -> i.id().value()))
                .toList();
    }

    /**
     * Where and when the vehicle sets off: on a job in progress, from its pickup when it started it (the instruction
     * went IN_PROGRESS when the box was taken over); otherwise from its reported position, now, or, when it is not
     * available, only after {@link MappingSettings#unavailableFor()}.
     */
    private Vehicle vehicle(EquipmentState state, List<WorkInstruction> committed,
                            Map<TransportJobId, TransportJob> jobs, boolean unavailable, Instant now) {
        List<TransportJobId> ids = committed.stream().map(i -> new TransportJobId(i.id().value())).toList();
        HandoverPoint position = new HandoverPoint.Spot(state.position());
        Instant from = unavailable ? now.plus(settings.unavailableFor()) : now;
        if (!unavailable && !committed.isEmpty() && committed.getFirst().state() == WorkInstructionState.IN_PROGRESS) {
            position = jobs.get(ids.getFirst()).pickup();
            from = committed.getFirst().updatedAt();
        }
        return new Vehicle(state.id(), state.kind(), position, from, ids);
    }

    private static PublishedPlan publishedFromLive(List<Vehicle> vehicles, Map<TransportJobId, TransportJob> jobs,
                                                   Map<TransportJobId, WorkInstruction> instructions) {
        Map<EquipmentId, List<TransportJobId>> routes = new HashMap<>();
        Set<TransportJobId> taken = new HashSet<>();
        for (Vehicle vehicle : vehicles) {
            List<TransportJobId> route = new ArrayList<>(vehicle.committed());
            taken.addAll(route);
            jobs.values().stream()
                    .filter(job -> !taken.contains(job.id()))
                    .filter(job -> instructions.get(job.id()).state() == WorkInstructionState.PLANNED
                            && instructions.get(job.id()).assigned().contains(vehicle.id()))
                    .sorted(Comparator.comparing(TransportJob::due))
                    .forEach(job -> {
                        route.add(job.id());
                        taken.add(job.id());
                    });
            if (!route.isEmpty()) {
                routes.put(vehicle.id(), route);
            }
        }
        return new PublishedPlan(routes);
    }
}
