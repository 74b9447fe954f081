package org.portops.vessel.edi.inbound;

import java.util.List;
import org.portops.vessel.edi.EdiError;
import org.portops.vessel.edi.EdiRepair;

/**
 * One inbound message read into domain values, with every error and repair found. A message with errors is refused
 * whole: its values are what could be read, for the report, never to be applied.
 */
public sealed interface InboundMessage permits BayPlanMessage, LoadPlanMessage, OrderMessage, VgmMessage,
        MoveReportMessage, UnsupportedMessage {

    MessageHeader header();

    List<EdiError> errors();

    List<EdiRepair> repairs();

    /** Containers the message names. */
    int containers();

    int reefers();

    int dangerous();

    default boolean accepted() {
        return errors().isEmpty();
    }
}
