package org.portops.yard.slot;

import org.portops.model.Validation;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;

/**
 * What slot allocation needs to know of a container standing in (or coming to) the yard.
 *
 * @param imdg  its dangerous-goods class, null when it carries none
 * @param group its export group, null when it leaves on no known vessel call
 */
public record YardBox(ContainerNumber number, ContainerLength length, int kilograms, Departure departure,
                      ImdgClass imdg, boolean reefer, ExportGroup group) {

    public YardBox {
        Validation.notNull(number, "container number");
        Validation.notNull(length, "length of " + number);
        Validation.notNull(departure, "expected departure of " + number);
        Validation.inRange(kilograms, 1, 50_000, "weight in kg of " + number);
    }

    public static YardBox of(SlotRequest request) {
        var c = request.container();
        return new YardBox(c.number(), c.length(), c.weight().kilograms(), request.departure(), c.imdgClass(),
                c.isReefer(), request.exportGroup());
    }

    public boolean isLong() {
        return length.yardBays() == 2;
    }

    public WeightClass weightClass() {
        return WeightClass.of(kilograms);
    }

    /** The same container with a new departure estimate. */
    public YardBox withDeparture(Departure newDeparture) {
        return new YardBox(number, length, kilograms, newDeparture, imdg, reefer, group);
    }
}
