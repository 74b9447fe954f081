package org.portops.yard.relocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Full bays of random priorities, as the Caserta et al. set has, for property tests. */
final class RandomBays {

    private RandomBays() {
    }

    static BlocksInstance full(Random random, int tiers, int stacks, String name) {
        List<Integer> priorities = new ArrayList<>();
        for (int p = 1; p <= tiers * stacks; p++) {
            priorities.add(p);
        }
        Collections.shuffle(priorities, random);
        List<List<Integer>> bay = new ArrayList<>();
        for (int s = 0; s < stacks; s++) {
            bay.add(priorities.subList(s * tiers, (s + 1) * tiers));
        }
        return new BlocksInstance(name, tiers, bay);
    }
}
