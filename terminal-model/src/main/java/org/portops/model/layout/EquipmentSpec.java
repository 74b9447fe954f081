package org.portops.model.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.portops.model.Validation;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;

/**
 * A fleet of identical machines: {@code count} of {@code kind}, numbered from 1 after {@code idPrefix}. Numbers
 * have two digits for cranes and three for horizontal transport ({@code QC01}, {@code RTG07}, {@code TT042}), more
 * when the count needs them.
 */
public record EquipmentSpec(EquipmentKind kind, String idPrefix, int count, String model) {

    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9-]{0,12}");

    public EquipmentSpec {
        Validation.notNull(kind, "equipment kind");
        Validation.matching(idPrefix, PREFIX, "equipment id prefix", "an upper-case letter and up to 12 of A-Z, 0-9, '-'");
        Validation.inRange(count, 1, 999, "count of " + idPrefix);
        Validation.notNull(model, "model of " + idPrefix);
    }

    /** The machines, ids {@code idPrefix} + zero-padded number from 1 to {@code count}. */
    public List<Equipment> expand() {
        String format = "%s%0" + digits() + "d";
        List<Equipment> machines = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            machines.add(new Equipment(new EquipmentId(String.format(format, idPrefix, n)), kind, model));
        }
        return List.copyOf(machines);
    }

    private int digits() {
        int wanted = kind.isHorizontalTransport() ? 3 : 2;
        return Math.max(wanted, Integer.toString(count).length());
    }
}
