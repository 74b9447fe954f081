package org.portops.vessel.edi.inbound;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.work.MoveKind;
import org.portops.vessel.edi.EdiMessage;
import org.portops.vessel.edi.MessageSpec;
import org.portops.vessel.edi.PartnerProfile;
import org.portops.vessel.edi.Segment;
import org.portops.vessel.edi.SegmentLinter;
import org.portops.vessel.edi.SegmentRef;

/**
 * Reads one message into its domain values: lints and repairs it with the partner's profile, then maps it by type.
 * Every problem is reported with its segment and position; nothing is thrown for bad content.
 */
public final class InboundReader {

    private static final DateTimeFormatter CCYYMMDDHHMM = DateTimeFormatter.ofPattern("uuuuMMddHHmm");
    private static final DateTimeFormatter YYMMDDHHMM = DateTimeFormatter.ofPattern("yyMMddHHmm");

    private InboundReader() {
    }

    public static InboundMessage read(EdiMessage message, String sender, PartnerProfile profile) {
        return switch (message.type()) {
            case "BAPLIE" -> bayPlan(message, sender, profile);
            case "MOVINS" -> loadPlan(message, sender, profile);
            case "COPRAR" -> orders(message, sender, profile);
            case "VERMAS" -> masses(message, sender, profile);
            case "COARRI", "CODECO" -> moves(message, sender, profile);
            default -> unsupported(message, sender);
        };
    }

    private record Start(MessageHeader header, List<Segment> headerSegments, List<List<Segment>> groups, Findings findings) {
    }

    private static Start start(EdiMessage message, MessageSpec spec, String sender, PartnerProfile profile) {
        SegmentLinter.Linted linted = SegmentLinter.lint(message, spec, profile);
        Findings findings = new Findings(linted.errors(), linted.repairs());
        return new Start(header(message, sender, linted.header()), linted.header(), linted.groups(), findings);
    }

    private static MessageHeader header(EdiMessage message, String sender, List<Segment> header) {
        String document = "";
        String name = "";
        String imo = "";
        String callSign = "";
        String voyage = "";
        String carrier = "";
        for (Segment s : header) {
            switch (s.tag()) {
                case "BGM" -> document = s.value(1);
                case "TDT" -> {
                    voyage = s.value(2);
                    carrier = s.value(5, 1);
                    // C222 transport identification: id, code list (146 IMO/Lloyd's, 103 call sign), agency, name
                    String id = s.value(8, 1);
                    if (s.value(8, 2).equals("146")) {
                        imo = id;
                    } else {
                        callSign = id;
                    }
                    name = s.value(8, 4);
                }
                case "RFF" -> voyage = s.qualifier().equals("VON") && voyage.isEmpty() ? s.value(1, 2) : voyage;
                case "NAD" -> carrier = s.qualifier().equals("CA") && carrier.isEmpty() ? s.value(2, 1) : carrier;
                default -> { }
            }
        }
        return new MessageHeader(message.type(), message.versionText(), message.reference(),
                message.segments().getFirst().position(), sender, document,
                new VesselVoyage(name, imo, callSign, voyage, carrier));
    }

    private static BayPlanMessage bayPlan(EdiMessage message, String sender, PartnerProfile profile) {
        Start start = start(message, MessageSpecs.BAPLIE, sender, profile);
        List<StowedContainer> stowage = new ArrayList<>();
        for (List<Segment> segments : start.groups()) {
            EquipmentGroup group = EquipmentGroup.of(segments, start.headerSegments());
            if (group.eqd == null) {
                // an empty stowage position or a break-bulk one: SMDG allows a LOC+147 without EQD
                continue;
            }
            StowageSlot slot = group.slot(start.findings());
            Container container = group.container(start.header().vessel().carrier(), ContainerCategory.IMPORT,
                    start.findings());
            if (slot != null && container != null && fitsBay(slot, container, group, start.findings())) {
                stowage.add(new StowedContainer(slot, container));
            }
        }
        return new BayPlanMessage(start.header(), stowage, start.findings().errors(), start.findings().repairs());
    }

    /**
     * A 40' or 45' container must be reported in an even bay. A partner reporting one in an odd bay is not repaired:
     * bay 33 could mean 32 or 34.
     */
    private static boolean fitsBay(StowageSlot slot, Container container, EquipmentGroup group, Findings findings) {
        boolean forty = container.length() != ContainerLength.TWENTY;
        if (forty == slot.bay().isFortyFootBay()) {
            return true;
        }
        findings.error(SegmentRef.of(group.stowage, 2, 1), "container " + container.number() + " ("
                + container.sizeType() + ") cannot be at " + slot + ": 20' containers go in odd bays, 40'/45' in even "
                + "bays, and which even bay an odd one means is ambiguous");
        return false;
    }

    private static LoadPlanMessage loadPlan(EdiMessage message, String sender, PartnerProfile profile) {
        Start start = start(message, MessageSpecs.MOVINS, sender, profile);
        List<StowageInstruction> instructions = new ArrayList<>();
        for (List<Segment> segments : start.groups()) {
            EquipmentGroup group = EquipmentGroup.of(segments, start.headerSegments());
            StowageSlot slot = group.slot(start.findings());
            BayPlanAction action = handling(group, start.findings());
            if (group.eqd == null) {
                start.findings().error(SegmentRef.of(group.first), "no equipment (EQD) for the instruction at "
                        + group.first.value(2, 1));
                continue;
            }
            String number = group.eqd.value(2, 1);
            ContainerNumber container = number.isEmpty() ? null : group.number(start.findings());
            SizeTypeCode sizeType = group.sizeType(start.findings());
            String pod = group.discharge == null ? "" : group.discharge.value(2, 1);
            if (slot != null && sizeType != null
                    && (sizeType.length() != ContainerLength.TWENTY) != slot.bay().isFortyFootBay()) {
                start.findings().error(SegmentRef.of(group.stowage, 2, 1), "a " + sizeType + " cannot go to " + slot
                        + ": 20' containers go in odd bays, 40'/45' in even bays");
                continue;
            }
            if (slot != null && action != null && sizeType != null && (number.isEmpty() || container != null)) {
                instructions.add(new StowageInstruction(slot, action, container, sizeType, pod,
                        group.temperature != null, group.dangerous != null));
            }
        }
        return new LoadPlanMessage(start.header(), instructions, start.findings().errors(), start.findings().repairs());
    }

    private static BayPlanAction handling(EquipmentGroup group, Findings findings) {
        if (group.handling == null) {
            findings.error(SegmentRef.of(group.first), "no handling instruction (HAN) at " + group.first.value(2, 1));
            return null;
        }
        return switch (group.handling.qualifier()) {
            case "LOA" -> BayPlanAction.LOAD;
            case "DIS" -> BayPlanAction.DISCHARGE;
            case "RES", "SHI" -> BayPlanAction.RESTOW;
            default -> null;
        };
    }

    private static OrderMessage orders(EdiMessage message, String sender, PartnerProfile profile) {
        Start start = start(message, MessageSpecs.COPRAR, sender, profile);
        // BGM 45 is a loading order; a discharge order carries another document code (SMDG COPRAR 1.x/2.x)
        boolean loadingOrder = start.header().documentCode().equals("45");
        List<ContainerOrder> orders = new ArrayList<>();
        // a damaged file can leave a group with no segment: it orders nothing and bounds nothing
        List<List<Segment>> groups = start.groups().stream().filter(group -> !group.isEmpty()).toList();
        // a group reaches up to the next one (or the message's last body segment), so a segment the linter dropped
        // is laid at the door of the group it stood in
        int bodyEnd = message.body().isEmpty() ? 0 : message.body().getLast().position();
        for (int g = 0; g < groups.size(); g++) {
            List<Segment> segments = groups.get(g);
            int last = g + 1 < groups.size() ? groups.get(g + 1).getFirst().position() - 1 : bodyEnd;
            EquipmentGroup group = EquipmentGroup.of(segments, start.headerSegments());
            BayPlanAction action = switch (group.status()) {
                case "2" -> BayPlanAction.LOAD;
                case "3" -> BayPlanAction.DISCHARGE;
                case "4" -> BayPlanAction.REMAIN_ON_BOARD;
                case "5" -> BayPlanAction.RESTOW;
                default -> loadingOrder ? BayPlanAction.LOAD : BayPlanAction.DISCHARGE;
            };
            ContainerCategory laden = action == BayPlanAction.LOAD ? ContainerCategory.EXPORT : ContainerCategory.IMPORT;
            Container container = group.container(start.header().vessel().carrier(), laden, start.findings());
            if (container != null) {
                orders.add(new ContainerOrder(container, action, segments.getFirst().position(), last));
            }
        }
        return new OrderMessage(start.header(), orders, start.findings().errors(), start.findings().repairs(),
                groups.isEmpty() ? 0 : groups.getFirst().getFirst().position(), groups.isEmpty() ? 0 : bodyEnd);
    }

    private static VgmMessage masses(EdiMessage message, String sender, PartnerProfile profile) {
        Start start = start(message, MessageSpecs.VERMAS, sender, profile);
        List<VerifiedGrossMass> masses = new ArrayList<>();
        for (List<Segment> segments : start.groups()) {
            EquipmentGroup group = EquipmentGroup.of(segments, start.headerSegments());
            ContainerNumber number = group.number(start.findings());
            if (group.vgm == null) {
                start.findings().error(SegmentRef.of(group.first), "no verified gross mass (MEA+AAE+VGM) for "
                        + group.describe());
                continue;
            }
            VgmWeight mass = group.weight(start.findings(), true);
            Instant at = group.executed == null ? null : time(group.executed, start.findings());
            String responsible = segments.stream().filter(s -> s.tag().equals("NAD") && s.qualifier().equals("SPC"))
                    .map(s -> s.value(2, 1).isEmpty() ? s.value(4, 1) : s.value(2, 1)).findFirst().orElse("");
            if (number != null && mass != null) {
                masses.add(new VerifiedGrossMass(number, mass, at, responsible));
            }
        }
        return new VgmMessage(start.header(), masses, start.findings().errors(), start.findings().repairs());
    }

    private static MoveReportMessage moves(EdiMessage message, String sender, PartnerProfile profile) {
        Start start = start(message, MessageSpecs.MOVE_REPORT, sender, profile);
        String document = start.header().documentCode();
        MoveKind kind = switch (document) {
            case "44" -> MoveKind.DISCHARGE;
            case "46" -> MoveKind.LOAD;
            case "34" -> MoveKind.GATE_IN;
            case "36" -> MoveKind.GATE_OUT;
            default -> null;
        };
        if (kind == null) {
            Segment bgm = message.body().stream().filter(s -> s.tag().equals("BGM")).findFirst()
                    .orElse(message.segments().getFirst());
            start.findings().error(SegmentRef.of(bgm, 1, 1), "document code '" + document + "' is none of 44 discharge report, 46 loading "
                    + "report (COARRI), 34 gate-in report, 36 gate-out report (CODECO)");
        }
        List<ReportedMove> moves = new ArrayList<>();
        for (List<Segment> segments : start.groups()) {
            EquipmentGroup group = EquipmentGroup.of(segments, start.headerSegments());
            ContainerNumber number = group.number(start.findings());
            SizeTypeCode sizeType = group.sizeType(start.findings());
            boolean gate = kind == MoveKind.GATE_IN || kind == MoveKind.GATE_OUT;
            StowageSlot slot = gate || group.stowage == null ? null : group.slot(start.findings());
            Instant at = group.executed == null ? null : time(group.executed, start.findings());
            VgmWeight weight = group.weight(start.findings(), false);
            UnLocode loading = group.optionalPort(group.loading, start.findings());
            UnLocode discharge = group.optionalPort(group.discharge, start.findings());
            ImdgClass imdg = group.imdg(start.findings());
            if (kind != null && number != null && sizeType != null) {
                moves.add(new ReportedMove(number, sizeType, kind, !group.empty(), slot, at,
                        weight == null ? 0 : weight.kilograms(), loading, discharge, imdg));
            }
        }
        return new MoveReportMessage(start.header(), moves, start.findings().errors(), start.findings().repairs());
    }

    private static UnsupportedMessage unsupported(EdiMessage message, String sender) {
        Findings findings = new Findings(message.syntaxErrors(), List.of());
        findings.error(new SegmentRef("UNH", message.segments().getFirst().position(), 2, 1), "message type '"
                + message.type() + "' is not read by PortOps (BAPLIE, MOVINS, COPRAR, VERMAS, COARRI, CODECO)");
        return new UnsupportedMessage(new MessageHeader(message.type(), message.versionText(), message.reference(),
                message.segments().getFirst().position(), sender, "", VesselVoyage.NONE), findings.errors(), findings.repairs());
    }

    /** DTM C507: qualifier, value, format 203 (CCYYMMDDHHMM), 201 (YYMMDDHHMM) or 102 (CCYYMMDD), read as UTC. */
    static Instant time(Segment dtm, Findings findings) {
        String value = dtm.value(1, 2);
        String format = dtm.value(1, 3);
        try {
            return switch (format) {
                case "203" -> LocalDateTime.parse(value, CCYYMMDDHHMM).toInstant(ZoneOffset.UTC);
                case "201" -> LocalDateTime.parse(value, YYMMDDHHMM).toInstant(ZoneOffset.UTC);
                case "102" -> LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay()
                        .toInstant(ZoneOffset.UTC);
                default -> throw new DateTimeParseException("date format " + format + " is not 203, 201 or 102",
                        value, 0);
            };
        } catch (DateTimeParseException e) {
            findings.error(SegmentRef.of(dtm, 1, 2), "date '" + value + "' in format '" + format + "': "
                    + e.getMessage());
            return null;
        }
    }
}
