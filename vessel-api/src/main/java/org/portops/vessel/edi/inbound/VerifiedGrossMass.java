package org.portops.vessel.edi.inbound;

import java.time.Instant;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.VgmWeight;

/** One VERMAS declaration: a container's verified gross mass, when it was determined (null if not sent), by whom. */
public record VerifiedGrossMass(ContainerNumber container, VgmWeight mass, Instant determinedAt, String responsible) {
}
