package org.portops.vessel.edi.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.LineOperator;
import org.portops.model.container.ReeferSetPoint;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.vessel.StowageSlot;
import org.portops.vessel.edi.Segment;
import org.portops.vessel.edi.SegmentRef;

/**
 * The segments of one equipment group (a {@code LOC+147} stowage group or an {@code EQD} group) by role, and their
 * reading into model values. Each reading reports a bad value as an error naming its segment and returns null, so a
 * message reports every problem at once.
 */
final class EquipmentGroup {

    /** SMDG 2.x "3.1"-style subclasses of class 3, replaced by plain class 3 in IMDG amendment 30 (2001). */
    private static final Set<String> LEGACY_CLASS_3 = Set.of("3.1", "3.2", "3.3");

    final Segment first;
    Segment stowage;
    Segment eqd;
    Segment vgm;
    Segment gross;
    Segment loading;
    Segment discharge;
    Segment destination;
    Segment operator;
    Segment temperature;
    Segment dangerous;
    Segment handling;
    Segment executed;

    private EquipmentGroup(Segment first) {
        this.first = first;
    }

    /**
     * The group of {@code segments}; ports of loading and discharge the group does not name are the header's
     * (a COPRAR names its port of loading once, in the header).
     */
    static EquipmentGroup of(List<Segment> segments, List<Segment> header) {
        EquipmentGroup group = new EquipmentGroup(segments.getFirst());
        for (Segment s : header) {
            if (s.tag().equals("LOC")) {
                group.location(s);
            }
        }
        for (Segment s : segments) {
            switch (s.tag()) {
                case "LOC" -> group.location(s);
                case "EQD" -> group.eqd = group.eqd == null ? s : group.eqd;
                case "MEA" -> group.measure(s);
                case "NAD" -> group.operator = s.qualifier().equals("CF") || group.operator == null ? s : group.operator;
                case "TMP" -> group.temperature = s;
                case "DGS" -> group.dangerous = group.dangerous == null ? s : group.dangerous;
                case "HAN" -> group.handling = s;
                case "DTM" -> group.executed = Set.of("203", "7", "798").contains(s.qualifier()) ? s : group.executed;
                default -> { }
            }
        }
        return group;
    }

    private void location(Segment s) {
        switch (s.qualifier()) {
            case "147" -> stowage = stowage == null ? s : stowage;
            case "9" -> loading = s;
            case "76" -> loading = loading == null ? s : loading;
            case "11" -> discharge = s;
            case "83" -> destination = s;
            default -> { }
        }
    }

    private void measure(Segment s) {
        String what = s.qualifier().equals("AAE") ? s.value(2) : s.qualifier();
        switch (what) {
            case "VGM" -> vgm = s;
            case "WT", "G", "AAD", "EGW" -> gross = s;
            default -> { }
        }
    }

    StowageSlot slot(Findings findings) {
        if (stowage == null) {
            findings.error(SegmentRef.of(first), "no stowage position (LOC+147) in the group of " + describe());
            return null;
        }
        String text = stowage.value(2, 1);
        // SMDG 2.x allows a leading zero to be dropped from the 7-digit position (340282 for 0340282)
        String digits = text.length() == 6 && text.chars().allMatch(Character::isDigit) ? "0" + text : text;
        try {
            return StowageSlot.parse(digits);
        } catch (IllegalArgumentException e) {
            findings.error(SegmentRef.of(stowage, 2, 1), e.getMessage());
            return null;
        }
    }

    String describe() {
        return eqd == null ? first.tag() + " at segment " + first.position() : eqd.value(2, 1);
    }

    ContainerNumber number(Findings findings) {
        if (eqd == null) {
            findings.error(SegmentRef.of(first), "no container (EQD) in the group starting here");
            return null;
        }
        if (!eqd.qualifier().equals("CN")) {
            findings.error(SegmentRef.of(eqd, 1), "equipment " + eqd.qualifier() + " is not a container (EQD+CN)");
            return null;
        }
        try {
            return ContainerNumber.of(eqd.value(2, 1));
        } catch (IllegalArgumentException e) {
            findings.error(SegmentRef.of(eqd, 2, 1), e.getMessage());
            return null;
        }
    }

    SizeTypeCode sizeType(Findings findings) {
        if (eqd == null) {
            return null;
        }
        try {
            SizeTypes.Read read = SizeTypes.read(eqd.value(3, 1));
            if (read.iso2716() != null) {
                findings.repair(SegmentRef.of(eqd, 3, 1), "ISO 2716 size-type " + read.iso2716()
                        + " read as ISO 6346 " + read.code());
            }
            return read.code();
        } catch (IllegalArgumentException e) {
            findings.error(SegmentRef.of(eqd, 3, 1), e.getMessage());
            return null;
        }
    }

    /** Full/empty indicator, EQD element 6: 4 empty, 5 full. */
    boolean empty() {
        return eqd != null && eqd.value(6).equals("4");
    }

    /** Equipment status, EQD element 5 (2 export, 3 import, 4 remain on board, 5 shifter, 6 transshipment). */
    String status() {
        return eqd == null ? "" : eqd.value(5);
    }

    VgmWeight weight(Findings findings, boolean required) {
        Segment measure = vgm != null ? vgm : gross;
        if (measure == null) {
            if (required) {
                findings.error(SegmentRef.of(eqd != null ? eqd : first), "no gross mass (MEA WT, VGM or AAE) for "
                        + describe());
            }
            return null;
        }
        String unit = measure.value(3, 1);
        String amount = measure.value(3, 2);
        try {
            double value = Double.parseDouble(amount);
            double kilograms = switch (unit) {
                case "KGM" -> value;
                case "TNE" -> value * 1000;
                default -> throw new IllegalArgumentException("mass unit '" + unit + "' is not KGM or TNE");
            };
            return new VgmWeight((int) Math.round(kilograms));
        } catch (NumberFormatException e) {
            findings.error(SegmentRef.of(measure, 3, 2), "mass '" + amount + "' is not a number");
        } catch (IllegalArgumentException e) {
            findings.error(SegmentRef.of(measure, 3), e.getMessage());
        }
        return null;
    }

    UnLocode port(Segment location, String what, Findings findings) {
        if (location == null) {
            findings.error(SegmentRef.of(eqd != null ? eqd : first), "no " + what + " for " + describe());
            return null;
        }
        try {
            return new UnLocode(location.value(2, 1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            findings.error(SegmentRef.of(location, 2, 1), e.getMessage());
            return null;
        }
    }

    /** A port the message may leave out: null when absent, an error when malformed. */
    UnLocode optionalPort(Segment location, Findings findings) {
        return location == null ? null : port(location, "", findings);
    }

    LineOperator line(String fallback, Findings findings) {
        String code = operator != null ? operator.value(2, 1) : fallback;
        if (code == null || code.isEmpty()) {
            findings.error(SegmentRef.of(eqd != null ? eqd : first), "no container operator (NAD+CA or NAD+CF) for "
                    + describe());
            return null;
        }
        try {
            return new LineOperator(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            findings.error(operator == null ? SegmentRef.of(first) : SegmentRef.of(operator, 2, 1), e.getMessage());
            return null;
        }
    }

    ReeferSetPoint setPoint(Findings findings) {
        if (temperature == null) {
            return null;
        }
        String amount = temperature.value(2, 1);
        String unit = temperature.value(2, 2);
        try {
            double value = Double.parseDouble(amount);
            return switch (unit) {
                case "CEL", "" -> new ReeferSetPoint(value);
                case "FAH" -> new ReeferSetPoint(Math.round((value - 32) / 1.8 * 10) / 10.0);
                default -> throw new IllegalArgumentException("temperature unit '" + unit + "' is not CEL or FAH");
            };
        } catch (NumberFormatException e) {
            findings.error(SegmentRef.of(temperature, 2, 1), "temperature '" + amount + "' is not a number");
        } catch (IllegalArgumentException e) {
            findings.error(SegmentRef.of(temperature, 2), e.getMessage());
        }
        return null;
    }

    ImdgClass imdg(Findings findings) {
        if (dangerous == null) {
            return null;
        }
        String code = dangerous.value(2, 1);
        if (LEGACY_CLASS_3.contains(code)) {
            findings.repair(SegmentRef.of(dangerous, 2, 1), "IMDG class " + code
                    + " (subclass withdrawn in 2001) read as class 3");
            code = "3";
        }
        try {
            return new ImdgClass(code);
        } catch (IllegalArgumentException e) {
            findings.error(SegmentRef.of(dangerous, 2, 1), e.getMessage());
            return null;
        }
    }

    /**
     * The container of this group, or null (with the errors reported) when any part is missing or wrong. The
     * category: empty, else transshipment when a final destination beyond the port of discharge is given, else
     * {@code laden}.
     */
    Container container(String fallbackOperator, ContainerCategory laden, Findings findings) {
        int before = findings.errors().size();
        ContainerNumber number = number(findings);
        SizeTypeCode sizeType = sizeType(findings);
        VgmWeight weight = weight(findings, true);
        LineOperator line = line(fallbackOperator, findings);
        UnLocode pol = port(loading, "port of loading (LOC+9)", findings);
        UnLocode pod = port(discharge, "port of discharge (LOC+11)", findings);
        ReeferSetPoint setPoint = setPoint(findings);
        ImdgClass imdg = imdg(findings);
        if (findings.errors().size() > before) {
            return null;
        }
        ContainerCategory category = empty() ? ContainerCategory.EMPTY
                : destination != null && !destination.value(2, 1).equalsIgnoreCase(pod.value())
                ? ContainerCategory.TRANSSHIPMENT : laden;
        if (setPoint != null && !sizeType.isReefer()) {
            findings.error(SegmentRef.of(temperature), "container " + number + " has a set point but size-type "
                    + sizeType + " is not a reefer");
            return null;
        }
        if (setPoint == null && sizeType.isReefer() && category != ContainerCategory.EMPTY) {
            findings.error(SegmentRef.of(eqd), "laden reefer " + number + " (" + sizeType + ") has no set point (TMP+2)");
            return null;
        }
        return new Container(number, sizeType, weight, line, pol, pod, category, setPoint, imdg);
    }
}
