package org.portops.crane.vessel;

import java.util.List;

/** A vessel call that cannot become crane work: every problem found, each naming its slot or container. */
public final class VesselWorkException extends IllegalArgumentException {
    private final List<String> problems;

    public VesselWorkException(List<String> problems) {
        super("vessel work cannot be planned: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
