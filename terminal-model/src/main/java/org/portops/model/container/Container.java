package org.portops.model.container;

import org.portops.model.Validation;

/**
 * A container as the terminal knows it. {@code reeferSetPoint} and {@code imdgClass} are null when not
 * applicable. A set point is only accepted on a reefer size-type, and a laden (non-empty) reefer must have one.
 */
public record Container(ContainerNumber number, SizeTypeCode sizeType, VgmWeight weight, LineOperator line,
                        UnLocode portOfLoading, UnLocode portOfDischarge, ContainerCategory category,
                        ReeferSetPoint reeferSetPoint, ImdgClass imdgClass) {

    public Container {
        Validation.notNull(number, "container number");
        Validation.notNull(sizeType, "size-type of " + number);
        Validation.notNull(weight, "weight of " + number);
        Validation.notNull(line, "line operator of " + number);
        Validation.notNull(portOfLoading, "port of loading of " + number);
        Validation.notNull(portOfDischarge, "port of discharge of " + number);
        Validation.notNull(category, "category of " + number);
        if (reeferSetPoint != null && !sizeType.isReefer()) {
            throw new IllegalArgumentException("container " + number + " has a reefer set point but size-type "
                    + sizeType + " is not a reefer");
        }
        if (reeferSetPoint == null && sizeType.isReefer() && category != ContainerCategory.EMPTY) {
            throw new IllegalArgumentException("laden reefer " + number + " (" + sizeType
                    + ") must have a reefer set point");
        }
    }

    /** Whether it must be plugged in: it has a set point. */
    public boolean isReefer() {
        return reeferSetPoint != null;
    }

    public boolean isDangerous() {
        return imdgClass != null;
    }

    public ContainerLength length() {
        return sizeType.length();
    }
}
