package org.portops.yard.relocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The moves that led to a search state, shared with its siblings instead of copied into each. */
record Trail(RelocationOp op, Trail previous) {

    static Trail append(Trail trail, List<RelocationOp> ops) {
        Trail t = trail;
        for (RelocationOp op : ops) {
            t = new Trail(op, t);
        }
        return t;
    }

    static List<RelocationOp> ops(Trail trail) {
        List<RelocationOp> ops = new ArrayList<>();
        for (Trail t = trail; t != null; t = t.previous) {
            ops.add(t.op);
        }
        Collections.reverse(ops);
        return ops;
    }
}
