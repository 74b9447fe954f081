package org.portops.vessel.edi.inbound;

import java.util.ArrayList;
import java.util.List;
import org.portops.vessel.edi.EdiError;
import org.portops.vessel.edi.EdiRepair;
import org.portops.vessel.edi.SegmentRef;

/** The errors and repairs found while reading one message, in the order found. */
public final class Findings {

    private final List<EdiError> errors = new ArrayList<>();
    private final List<EdiRepair> repairs = new ArrayList<>();

    Findings(List<EdiError> errors, List<EdiRepair> repairs) {
        this.errors.addAll(errors);
        this.repairs.addAll(repairs);
    }

    void error(SegmentRef at, String reason) {
        errors.add(new EdiError(at, reason));
    }

    void repair(SegmentRef at, String repair) {
        repairs.add(new EdiRepair(at, repair));
    }

    public List<EdiError> errors() {
        return List.copyOf(errors);
    }

    public List<EdiRepair> repairs() {
        return List.copyOf(repairs);
    }
}
