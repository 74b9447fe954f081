package org.portops.model.event;

import java.time.Instant;
import org.portops.model.Validation;
import org.portops.model.work.WorkInstruction;

/** A work instruction was created or changed; carries its new version. */
public record WorkInstructionChanged(long sequence, Instant at, WorkInstruction instruction) implements YardEvent {

    public WorkInstructionChanged {
        YardEvent.check(sequence, at);
        Validation.notNull(instruction, "work instruction");
    }
}
