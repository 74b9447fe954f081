package org.portops.vessel.edi.inbound;

import java.util.List;
import org.portops.vessel.edi.EdiError;
import org.portops.vessel.edi.EdiRepair;

/** A MOVINS: the stowage instructions the crane scheduler sequences. */
public record LoadPlanMessage(MessageHeader header, List<StowageInstruction> instructions, List<EdiError> errors,
                              List<EdiRepair> repairs) implements InboundMessage {

    public LoadPlanMessage {
        instructions = List.copyOf(instructions);
        errors = List.copyOf(errors);
        repairs = List.copyOf(repairs);
    }

    @Override
    public int containers() {
        return instructions.size();
    }

    @Override
    public int reefers() {
        return (int) instructions.stream().filter(StowageInstruction::reefer).count();
    }

    @Override
    public int dangerous() {
        return (int) instructions.stream().filter(StowageInstruction::dangerous).count();
    }
}
