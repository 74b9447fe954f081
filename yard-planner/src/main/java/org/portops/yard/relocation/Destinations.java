package org.portops.yard.relocation;

import java.util.ArrayList;
import java.util.List;

/** Where the container on top of the target's stack may go; empty stacks are interchangeable, so only one is offered. */
final class Destinations {

    private Destinations() {
    }

    static List<Integer> of(Bay bay, int from) {
        List<Integer> stacks = new ArrayList<>();
        boolean emptyOffered = false;
        for (int s = 0; s < bay.stacks(); s++) {
            if (!bay.canReceive(s, from)) {
                continue;
            }
            if (bay.height[s] == 0) {
                if (emptyOffered) {
                    continue;
                }
                emptyOffered = true;
            }
            stacks.add(s);
        }
        return stacks;
    }
}
