package org.portops.yard.slot;

import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardSlot;

/** Why a container cannot go on a stack: the hard rule it would break, in the operator's words. */
public sealed interface SlotRefusal {

    String describe();

    record BlockClosed(BlockId block) implements SlotRefusal {
        public String describe() {
            return "block " + block + " is closed";
        }
    }

    record StackClosed(StackId stack) implements SlotRefusal {
        public String describe() {
            return "stack " + stack + " is closed";
        }
    }

    record StackFull(StackId stack, int maxTiers) implements SlotRefusal {
        public String describe() {
            return "stack " + stack + " already stands " + maxTiers + " high, its tier limit";
        }
    }

    /** A 40'/45' needs an odd bay and its even partner bay inside the block. */
    record NoBayPair(StackId stack) implements SlotRefusal {
        public String describe() {
            return "a 40'/45' cannot start at " + stack + ": it needs an odd bay and the next bay in the block";
        }
    }

    /** 20' never on a 40'/45' (no corner castings mid-length), 40'/45' never on 20's. */
    record LengthMismatch(StackId stack, ContainerLength onTop, ContainerLength arriving) implements SlotRefusal {
        public String describe() {
            return "a " + arriving.feet() + "' cannot stand on the " + onTop.feet() + "' on top of " + stack;
        }
    }

    record StackTooHeavy(StackId stack, int kilogramsAfter, int limit) implements SlotRefusal {
        public String describe() {
            return "stack " + stack + " would weigh " + kilogramsAfter + " kg per ground position, limit " + limit;
        }
    }

    record TooHeavyForCrane(BlockId block, int kilograms, int safeWorkingLoad) implements SlotRefusal {
        public String describe() {
            return kilograms + " kg is over the " + safeWorkingLoad + " kg safe working load of block " + block
                    + "'s crane";
        }
    }

    record ReeferWithoutPlug(StackId stack) implements SlotRefusal {
        public String describe() {
            return "reefer needs a plug and row " + stack.row() + " of block " + stack.block() + " has none";
        }
    }

    record SegregationBreached(ImdgClass arriving, ContainerNumber other, ImdgClass otherClass, YardSlot otherSlot,
                               Segregation required) implements SlotRefusal {
        public String describe() {
            return "IMDG class " + arriving + " must be " + required + " class " + otherClass + " of " + other
                    + " at " + otherSlot;
        }
    }
}
