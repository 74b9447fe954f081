package org.portops.map.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.portops.map.kpi.YardKpis.BlockKpi;
import org.portops.model.container.ContainerNumber;
import org.portops.model.layout.BlockLayout;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardSlot;
import org.portops.state.ContainerView;

/**
 * Reckons {@link YardKpis} from the live yard's containers and work instructions, and the gate's transactions:
 * each block's fill in TEU over its ground positions times its tiers, the rehandles it had in the window and the
 * ones its open moves have ahead of them, and the trucks' turn times.
 */
public final class YardKpiBoard {

    /** A truck that has not left this long after it came in is not on the same visit any more. */
    public static final Duration LONGEST_TURN = Duration.ofHours(6);

    /** One accepted gate transaction: a truck coming in ({@code in}) or going out, at a time. */
    public record GateTransit(String truck, boolean in, Instant at) {
    }

    private YardKpiBoard() {
    }

    public static YardKpis reckon(List<BlockLayout> blocks, List<ContainerView> containers,
                                  List<WorkInstruction> instructions, List<GateTransit> gate, Instant now,
                                  Duration window) {
        Instant since = now.minus(window);
        // every 20' ground position a yard box covers (a 40' covers its bay and the next), with the tiers standing there
        Map<StackId, List<Integer>> tiers = new HashMap<>();
        Map<String, int[]> teuAndBoxes = new HashMap<>();
        Map<ContainerNumber, Integer> yardBays = new HashMap<>();
        for (ContainerView view : containers) {
            if (view.location() instanceof YardLocation yard) {
                int bays = view.container().sizeType().length().yardBays();
                yardBays.put(view.container().number(), bays);
                for (StackId stack : covered(yard.slot(), bays)) {
                    tiers.computeIfAbsent(stack, s -> new ArrayList<>()).add(yard.slot().tier().level());
                }
                int[] counts = teuAndBoxes.computeIfAbsent(yard.slot().block().value(), b -> new int[2]);
                counts[0] += bays;
                counts[1]++;
            }
        }
        Map<String, Integer> done = new HashMap<>();
        Map<String, Integer> ahead = new HashMap<>();
        for (WorkInstruction instruction : instructions) {
            if (!(instruction.from() instanceof YardLocation from)) {
                continue;
            }
            String block = from.slot().block().value();
            if (instruction.kind() == MoveKind.REHANDLE && instruction.state() == WorkInstructionState.DONE
                    && instruction.updatedAt().isAfter(since) && !instruction.updatedAt().isAfter(now)) {
                done.merge(block, 1, Integer::sum);
            }
            if (open(instruction.state())) {
                ahead.merge(block, above(from.slot(), tiers, yardBays.getOrDefault(instruction.container(), 1)), Integer::sum);
            }
        }
        List<BlockKpi> kpis = blocks.stream().sorted(Comparator.comparing(b -> b.id().value())).map(b -> {
            String id = b.id().value();
            int[] counts = teuAndBoxes.getOrDefault(id, new int[2]);
            return new BlockKpi(id, b.origin().x(), b.origin().y(), b.bays() * BlockLayout.BAY_PITCH_METRES,
                    b.rows() * BlockLayout.ROW_PITCH_METRES, b.capacitySlots(), counts[0], counts[1],
                    done.getOrDefault(id, 0), ahead.getOrDefault(id, 0));
        }).toList();
        return new YardKpis(now, window, kpis, new YardKpis.TruckTurns(turns(gate, since, now)));
    }

    private static boolean open(WorkInstructionState state) {
        return switch (state) {
            case PLANNED, DISPATCHED, SUSPENDED -> true;
            // a move under way has its box in the spreader already; the others are finished
            case IN_PROGRESS, DONE, FAILED, CANCELLED -> false;
        };
    }

    /** The boxes on top of the move's box: the tiers above its slot in every ground position it covers. */
    private static int above(YardSlot slot, Map<StackId, List<Integer>> tiers, int bays) {
        int most = 0;
        for (StackId stack : covered(slot, bays)) {
            int level = slot.tier().level();
            most = Math.max(most, (int) tiers.getOrDefault(stack, List.of()).stream().filter(t -> t > level).count());
        }
        return most;
    }

    private static List<StackId> covered(YardSlot slot, int bays) {
        StackId stack = slot.stack();
        return bays == 1 ? List.of(stack) : List.of(stack, StackId.of(stack.block().value(),
                stack.bay().number() + 1, stack.row().number()));
    }

    /**
     * Each truck's turn: from its first way in to its next way out, when that is in the window and within
     * {@link #LONGEST_TURN}. A truck that only drops a box or only collects one leaves one transaction and no turn.
     */
    static List<Double> turns(List<GateTransit> gate, Instant since, Instant now) {
        Map<String, Instant> cameIn = new HashMap<>();
        List<Double> minutes = new ArrayList<>();
        for (GateTransit transit : gate.stream().sorted(Comparator.comparing(GateTransit::at)).toList()) {
            if (transit.in()) {
                cameIn.putIfAbsent(transit.truck(), transit.at());
                continue;
            }
            Instant in = cameIn.remove(transit.truck());
            if (in != null && transit.at().isAfter(since) && !transit.at().isAfter(now)
                    && Duration.between(in, transit.at()).compareTo(LONGEST_TURN) <= 0) {
                minutes.add(Duration.between(in, transit.at()).toMillis() / 60_000.0);
            }
        }
        return minutes;
    }
}
