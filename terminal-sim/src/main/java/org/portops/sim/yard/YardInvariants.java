package org.portops.sim.yard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.portops.model.container.ContainerNumber;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardSlot;

/**
 * Checks a set of placed containers against the yard rules from scratch, independent of how they got there: every
 * slot inside its block and the tier limit, 40'/45' on an odd bay with bay + 1 in the block, no two containers in
 * one cell, nothing floating, reefers on plugged rows. Returns one line per violation.
 */
public final class YardInvariants {

    private YardInvariants() {
    }

    public static List<String> violations(TerminalLayout layout, List<PlacedContainer> placed) {
        List<String> problems = new ArrayList<>();
        Map<YardSlot, ContainerNumber> cells = new HashMap<>();
        for (PlacedContainer p : placed) {
            BlockLayout block = layout.block(p.slot().block()).orElse(null);
            if (block == null) {
                problems.add(p.container().number() + " at " + p.slot() + ": no such block");
                continue;
            }
            if (!block.fits(p.slot(), p.container().length())) {
                problems.add(p.container().number() + " at " + p.slot() + ": does not fit its block");
            }
            if (p.container().isReefer() && !block.hasPlug(p.slot().stack())) {
                problems.add("reefer " + p.container().number() + " at " + p.slot() + ": row has no plug");
            }
            for (YardSlot cell : SimYard.cellsOf(p.slot(), p.container().length().yardBays())) {
                ContainerNumber other = cells.put(cell, p.container().number());
                if (other != null) {
                    problems.add(p.container().number() + " and " + other + " both in " + cell);
                }
            }
        }
        for (Map.Entry<YardSlot, ContainerNumber> cell : cells.entrySet()) {
            int tier = cell.getKey().tier().level();
            if (tier > 1 && !cells.containsKey(new YardSlot(cell.getKey().stack(), new Tier(tier - 1)))) {
                problems.add(cell.getValue() + " floats at " + cell.getKey());
            }
        }
        return problems;
    }
}
