package org.portops.model.layout;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.portops.model.Validation;
import org.portops.model.vessel.VesselCall;

/**
 * Generates a realistic, deterministic yard inventory and three vessel calls for a layout: the demo's and the
 * tests' starting state.
 *
 * <p>The yard is filled to about 62 % of its capacity in 20' slots (16,000 containers in the sample terminal).
 * Every yard invariant holds: nothing floats, tiers stay within the block's limit, a 40'/45' stands on an odd bay
 * with bay + 1 in the block, reefers stand in plugged rows only, nothing overlaps, and numbers are valid and
 * unique. The mix: about 45 % 20', 50 % 40', 5 % 45' containers; 8 % reefers; 3 % dangerous goods; 12 % empties;
 * imports, exports and transshipments of 7 lines to 15 ports. Stacks are grouped as a yard planner would: one
 * category and mostly one line and port of discharge per stack. The same layout, seed and time give the same
 * inventory.
 */
public final class SampleInventory {

    /** Share of the yard's 20' slots the sample fills. */
    public static final double UTILISATION = 0.62;
    /** Average 20' slots per container of the mix (45 % take one, 55 % take two). */
    private static final double SLOTS_PER_CONTAINER = 1.55;

    private SampleInventory() {
    }

    public static Inventory generate(TerminalLayout layout, long seed, Instant now) {
        Validation.notNull(layout, "layout");
        Validation.notNull(now, "now");
        Random random = new Random(seed);
        ContainerFactory factory = new ContainerFactory(random, layout.port());
        int target = (int) (layout.capacitySlots() * UTILISATION / SLOTS_PER_CONTAINER);
        List<PlacedContainer> yard = new YardFiller(layout, random, factory).fill(target);
        List<VesselCall> calls = new VesselCallFactory(layout, random, factory).calls(yard, now);
        return new Inventory(yard, calls);
    }
}
