package org.portops.map.cab;

import java.util.Set;
import java.util.regex.Pattern;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;

/**
 * A driver's command from the cab: confirm the next step of a work instruction, or flag an exception on it.
 *
 * @param seen the state the driver's tablet showed when the button was pressed: a command is applied only from
 *             that state, so a retry of a command that was applied already cannot apply twice
 * @param key  the tablet's idempotency key for this press, the same on every retry of it
 */
public record CabCommand(EquipmentId machine, WorkInstructionId instruction, WorkInstructionState seen,
                         ExceptionReason exception, String key) {

    /** The exceptions a driver can flag from the cab. */
    public static final Set<String> EXCEPTION_CODES = Set.of("DAMAGED", "SEAL_MISSING", "WRONG_CONTAINER",
            "CANNOT_REACH");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    public CabCommand {
        if (machine == null || instruction == null || seen == null) {
            throw new IllegalArgumentException("a cab command needs the machine, the instruction and the state seen");
        }
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("idempotency key must be 8..64 of A-Z, a-z, 0-9, '-', '_', was "
                    + (key == null ? "missing" : "'" + key + "'"));
        }
        if (exception != null && !EXCEPTION_CODES.contains(exception.code())) {
            throw new IllegalArgumentException("exception code " + exception.code() + " is not one a driver flags; one of "
                    + EXCEPTION_CODES.stream().sorted().toList());
        }
    }

    public static CabCommand confirm(EquipmentId machine, WorkInstructionId instruction, WorkInstructionState seen,
                                     String key) {
        return new CabCommand(machine, instruction, seen, null, key);
    }

    public static CabCommand flag(EquipmentId machine, WorkInstructionId instruction, WorkInstructionState seen,
                                  ExceptionReason exception, String key) {
        if (exception == null) {
            throw new IllegalArgumentException("an exception needs its code");
        }
        return new CabCommand(machine, instruction, seen, exception, key);
    }

    public boolean isConfirmation() {
        return exception == null;
    }

    /** The state this command moves the instruction to from {@link #seen}, or null when it cannot. */
    public WorkInstructionState target() {
        if (exception != null) {
            return seen == WorkInstructionState.DISPATCHED || seen == WorkInstructionState.IN_PROGRESS
                    ? WorkInstructionState.SUSPENDED : null;
        }
        return switch (seen) {
            case DISPATCHED -> WorkInstructionState.IN_PROGRESS;
            case IN_PROGRESS -> WorkInstructionState.DONE;
            case PLANNED, SUSPENDED, DONE, FAILED, CANCELLED -> null;
        };
    }
}
