package org.portops.yard.slot.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.yard.YardSlot;
import org.portops.yard.slot.ExportGroup;
import org.portops.yard.slot.Segregation;
import org.portops.yard.slot.WeightClass;

/** Why a constraint scored a slot choice, in the operator's words. */
public sealed interface SlotJustification extends ConstraintJustification {

    /** The container whose slot choice it is about (the first of a pair). */
    ContainerNumber container();

    String describe();

    record SlotTaken(ContainerNumber container, ContainerNumber other, YardSlot slot, YardSlot otherSlot)
            implements SlotJustification {
        public String describe() {
            return container + " at " + slot + " and " + other + " at " + otherSlot + " need the same cell";
        }
    }

    record OverTierLimit(ContainerNumber container, YardSlot slot, int maxTiers) implements SlotJustification {
        public String describe() {
            return container + " at " + slot + " is above the stack's " + maxTiers + "-tier limit";
        }
    }

    record WrongBay(ContainerNumber container, YardSlot slot, ContainerLength length, ContainerLength onTop)
            implements SlotJustification {
        public String describe() {
            return container + " (" + length.feet() + "') cannot stand at " + slot
                    + (onTop == null ? ": it needs an odd bay and its partner" : " on a " + onTop.feet() + "'");
        }
    }

    record OverWeight(ContainerNumber container, YardSlot slot, int kilograms, int limit) implements SlotJustification {
        public String describe() {
            return container + " at " + slot + ": " + kilograms + " kg over a limit of " + limit + " kg";
        }
    }

    record ReeferUnplugged(ContainerNumber container, YardSlot slot) implements SlotJustification {
        public String describe() {
            return "reefer " + container + " at " + slot + " has no plug";
        }
    }

    record SlotClosed(ContainerNumber container, YardSlot slot) implements SlotJustification {
        public String describe() {
            return container + " at " + slot + ": the stack or block is closed";
        }
    }

    record SegregationBreached(ContainerNumber container, ImdgClass imdg, ContainerNumber other, ImdgClass otherImdg,
                               Segregation required, int breaches) implements SlotJustification {
        public String describe() {
            return container + " (class " + imdg + ") must be " + required + " " + other + " (class " + otherImdg
                    + ")" + (breaches > 1 ? " and " + (breaches - 1) + " more" : "");
        }
    }

    record BuriesEarlier(ContainerNumber container, YardSlot slot, int percentChance) implements SlotJustification {
        public String describe() {
            return container + " at " + slot + " leaves after a container below it (" + percentChance
                    + " % likely): one rehandle";
        }
    }

    record MixedGroup(ContainerNumber container, YardSlot slot, ExportGroup group, ExportGroup below)
            implements SlotJustification {
        public String describe() {
            return "export " + container + " (" + group + ") at " + slot + " stands on "
                    + (below == null ? "a container of no export group" : "group " + below);
        }
    }

    record LightOnHeavy(ContainerNumber container, YardSlot slot, WeightClass weight, WeightClass below)
            implements SlotJustification {
        public String describe() {
            return container + " (" + weight + ") at " + slot + " stands on a " + below
                    + " container that loads before it";
        }
    }

    record Travel(ContainerNumber container, YardSlot slot, int metres) implements SlotJustification {
        public String describe() {
            return container + " drives " + metres + " m to " + slot;
        }
    }

    record CraneWorkload(ContainerNumber container, String block, int movesInWindow, int arrivals)
            implements SlotJustification {
        public String describe() {
            return "block " + block + "'s crane has " + movesInWindow + " recent moves and " + arrivals
                    + " arrival(s) of this decision";
        }
    }

    record OverTargetFill(ContainerNumber container, String block, int fillPercent, int targetPercent)
            implements SlotJustification {
        public String describe() {
            return "block " + block + " would be " + fillPercent + " % full, target " + targetPercent + " %";
        }
    }
}
