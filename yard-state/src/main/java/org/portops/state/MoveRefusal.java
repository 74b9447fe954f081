package org.portops.state;

import org.portops.model.container.ContainerNumber;
import org.portops.model.work.Location;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.YardSlot;

/**
 * Why a change to the yard was refused: each case names the invariant it would have broken. A refused change
 * changes nothing. Handle with a {@code switch} without {@code default}, so a new case fails compilation.
 */
public sealed interface MoveRefusal {

    /** The refusal in operator language. */
    String reason();

    /** The container is not in the terminal's custody. */
    record UnknownContainer(ContainerNumber container) implements MoveRefusal {
        public String reason() {
            return "container " + container + " is not in the terminal";
        }
    }

    /** A container cannot arrive twice: it is already somewhere in the terminal. */
    record AlreadyInTerminal(ContainerNumber container, Location at) implements MoveRefusal {
        public String reason() {
            return "container " + container + " is already in the terminal at " + at;
        }
    }

    /** The move starts where the container is not. */
    record NotAtOrigin(ContainerNumber container, Location expected, Location actual) implements MoveRefusal {
        public String reason() {
            return "container " + container + " is at " + actual + ", not at " + expected;
        }
    }

    /** Another move of the same container is under way. */
    record MoveInProgress(ContainerNumber container, long sequence) implements MoveRefusal {
        public String reason() {
            return "container " + container + " is already being moved (move " + sequence + ")";
        }
    }

    /** A container arriving in the terminal must come with its master data. */
    record MasterDataMissing(ContainerNumber container) implements MoveRefusal {
        public String reason() {
            return "container " + container + " arrives without master data (size-type, weight, line, ports)";
        }
    }

    /** The move goes nowhere. */
    record SameLocation(ContainerNumber container, Location at) implements MoveRefusal {
        public String reason() {
            return "container " + container + " is already at " + at;
        }
    }

    /** The terminal has no such block. */
    record UnknownBlock(BlockId block) implements MoveRefusal {
        public String reason() {
            return "the terminal has no yard block " + block;
        }
    }

    /** The slot (or, for a 40'/45', its second bay) lies outside the block's bays or rows. */
    record OutsideBlock(YardSlot slot, int bays, int rows) implements MoveRefusal {
        public String reason() {
            return "slot " + slot + " is outside block " + slot.block() + " (" + bays + " bays x " + rows + " rows)";
        }
    }

    /** A stack never grows above its block's tier limit. */
    record TierLimitExceeded(YardSlot slot, int maxTiers) implements MoveRefusal {
        public String reason() {
            return "slot " + slot + " is above block " + slot.block() + "'s limit of " + maxTiers + " tiers";
        }
    }

    /** A 40'/45' stands on an odd bay b and covers bays b and b+1. */
    record LongContainerOnEvenBay(YardSlot slot) implements MoveRefusal {
        public String reason() {
            return "a 40'/45' container must stand on an odd bay (covering it and the next); " + slot
                    + " is on even bay " + slot.bay().number();
        }
    }

    /** The slot is taken. */
    record SlotOccupied(YardSlot slot, ContainerNumber occupant) implements MoveRefusal {
        public String reason() {
            return "slot " + slot + " is occupied by " + occupant;
        }
    }

    /** The slot is reserved for a container already on its way there. */
    record SlotReserved(YardSlot slot, ContainerNumber inbound) implements MoveRefusal {
        public String reason() {
            return "slot " + slot + " is reserved for inbound container " + inbound;
        }
    }

    /** Closed slots are not used. */
    record SlotClosed(YardSlot slot) implements MoveRefusal {
        public String reason() {
            return "slot " + slot + " is closed";
        }
    }

    /** No container floats: the slot below must hold a container that stays. */
    record WouldFloat(YardSlot slot, YardSlot below) implements MoveRefusal {
        public String reason() {
            return "slot " + slot + " has nothing to stand on: " + below + " is empty, reserved or being emptied";
        }
    }

    /** Nothing is taken from under another container. */
    record BuriedUnder(YardSlot slot, ContainerNumber above) implements MoveRefusal {
        public String reason() {
            return "the container at " + slot + " is under " + above;
        }
    }

    /** Reefers stand only where there is a plug. */
    record ReeferWithoutPlug(YardSlot slot) implements MoveRefusal {
        public String reason() {
            return "reefer cannot go to " + slot + ": row " + slot.row().number() + " of block " + slot.block()
                    + " has no plugs";
        }
    }

    /** The block does not hold the container where the move says it is. */
    record NotInSlot(ContainerNumber container, YardSlot slot) implements MoveRefusal {
        public String reason() {
            return "container " + container + " does not stand at " + slot;
        }
    }
}
