package org.portops.vessel.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.LineOperator;
import org.portops.model.container.ReeferSetPoint;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.model.work.MoveKind;
import org.portops.state.store.LogEntry;
import org.portops.vessel.edi.inbound.MoveReportMessage;
import org.portops.vessel.edi.inbound.ReportedMove;
import org.portops.vessel.edi.outbound.Envelope;
import org.portops.vessel.edi.outbound.MoveLogMoves;
import org.portops.vessel.edi.outbound.MoveReportWriter;
import org.portops.vessel.edi.outbound.OutboundMove;

class MoveReportWriterTest {

    private static final UnLocode HERE = new UnLocode("NLRTM");
    private static final Instant AT = Instant.parse("2026-11-24T10:15:00Z");
    private static final Envelope ENVELOPE = new Envelope("NLRTMPORTOPS", "MSCU", "500123", AT);
    private static final VesselCall CALL = new VesselCall(new VesselCallId("MSC-ANNA-2547"),
            new Vessel(new ImoNumber("9074729"), "MSC ANNA", 300, 40, 12), new Voyage("2547W"),
            new LineOperator("MSC"), null, AT.minusSeconds(86_400), null, AT.plusSeconds(86_400), BayPlan.EMPTY);

    @Test
    void thePublicCoarriSampleSurvivesARoundTripThroughTheWriter() {
        EdiIntake.Read sample = EdiFiles.read("coarri-d95b-itg13-cosco-africa.edi", PartnerProfile.STRICT);
        List<ReportedMove> original = sample.messages().stream()
                .flatMap(m -> ((MoveReportMessage) m).moves().stream()).toList();
        List<OutboundMove> outbound = original.stream().map(m -> new OutboundMove(m.container(), m.sizeType(),
                m.kind(), m.full(), m.slot(), null, m.at(), m.weightKg(), m.portOfLoading(), m.portOfDischarge(),
                m.imdgClass()))
                .toList();

        byte[] written = MoveReportWriter.coarri(ENVELOPE, CALL, new UnLocode("ITGOA"), outbound);
        EdiIntake.Read reread = EdiIntake.read(written, PartnerProfiles.all(PartnerProfile.STRICT));

        assertThat(reread.allErrors()).as(new String(written)).isEmpty();
        assertThat(reread.allRepairs()).isEmpty();
        assertThat(reread.messages().stream().flatMap(m -> ((MoveReportMessage) m).moves().stream()).toList())
                .isEqualTo(original);
        assertThat(original).hasSize(21).allSatisfy(m -> assertThat(m.weightKg()).isPositive());
    }

    @Test
    void coarriAndCodecoFromTheMoveLogReportEachMoveOfTheirKind() {
        Container imported = container("MSCU1234566", "45R1", ContainerCategory.IMPORT, -18.0);
        Container exported = container("MSCU2345672", "22G1", ContainerCategory.EXPORT, null);
        Container empty = container("TGHU3456780", "42G1", ContainerCategory.EMPTY, null);
        Map<ContainerNumber, Container> master = Map.of(imported.number(), imported, exported.number(), exported,
                empty.number(), empty);
        List<LogEntry> log = List.of(
                entry(1, imported, "DISCHARGE", "vessel:MSC-ANNA-2547/0340282", "yard:A01-05-03-2", 0),
                entry(2, exported, "GATE_IN", "gate:IN-3", "yard:A02-01-01-1", 60),
                entry(3, exported, "YARD_SHIFT", "yard:A02-01-01-1", "yard:A02-02-01-1", 120),
                entry(4, exported, "LOAD", "yard:A02-02-01-1", "vessel:MSC-ANNA-2547/0010084", 180),
                entry(5, empty, "DISCHARGE", "vessel:OTHER-CALL/0020282", "yard:A03-01-01-1", 240),
                entry(6, empty, "GATE_OUT", "yard:A03-01-01-1", "gate:OUT-1", 300));

        List<OutboundMove> vessel = MoveLogMoves.vesselMoves(log, CALL.id(), n -> Optional.ofNullable(master.get(n)));
        List<OutboundMove> gate = MoveLogMoves.gateMoves(log, n -> Optional.ofNullable(master.get(n)));
        EdiIntake.Read coarri = EdiIntake.read(MoveReportWriter.coarri(ENVELOPE, CALL, HERE, vessel),
                PartnerProfiles.all(PartnerProfile.STRICT));
        EdiIntake.Read codeco = EdiIntake.read(MoveReportWriter.codeco(ENVELOPE, HERE, gate),
                PartnerProfiles.all(PartnerProfile.STRICT));

        assertThat(coarri.allErrors()).isEmpty();
        assertThat(codeco.allErrors()).isEmpty();
        assertThat(coarri.messages()).extracting(m -> m.header().documentCode()).containsExactly("44", "46");
        assertThat(coarri.messages().getFirst().header().vessel().text()).isEqualTo("MSC ANNA 2547W");
        assertThat(moves(coarri)).containsExactly(
                new ReportedMove(imported.number(), imported.sizeType(), MoveKind.DISCHARGE, true,
                        StowageSlot.parse("0340282"), AT, 25_000, imported.portOfLoading(), HERE, null),
                new ReportedMove(exported.number(), exported.sizeType(), MoveKind.LOAD, true,
                        StowageSlot.parse("0010084"), AT.plusSeconds(180), 25_000, HERE, exported.portOfDischarge(),
                        new ImdgClass("8")));
        assertThat(moves(codeco)).extracting(ReportedMove::container, ReportedMove::kind, ReportedMove::full)
                .containsExactly(tuple(exported.number(), MoveKind.GATE_IN, true),
                        tuple(empty.number(), MoveKind.GATE_OUT, false));
        assertThat(codeco.messages()).extracting(m -> m.header().documentCode()).containsExactly("34", "36");
        assertThat(coarri.messages().get(1).dangerous()).isEqualTo(1);
    }

    @Test
    void refusesToWriteAnEmptyReport() {
        assertThatThrownBy(() -> MoveReportWriter.codeco(ENVELOPE, HERE, List.of()))
                .hasMessage("CODECO needs at least one move to report");
    }

    private static List<ReportedMove> moves(EdiIntake.Read read) {
        return read.messages().stream().flatMap(m -> ((MoveReportMessage) m).moves().stream()).toList();
    }

    private static Container container(String number, String sizeType, ContainerCategory category, Double setPoint) {
        boolean export = category == ContainerCategory.EXPORT;
        return new Container(new ContainerNumber(number), new SizeTypeCode(sizeType), new VgmWeight(25_000),
                new LineOperator("MSC"), export ? HERE : new UnLocode("CNSHA"), export ? new UnLocode("USNYC") : HERE,
                category, setPoint == null ? null : new ReeferSetPoint(setPoint), export ? new ImdgClass("8") : null);
    }

    private static LogEntry entry(long seq, Container container, String kind, String from, String to, int seconds) {
        return new LogEntry(seq, container.number().value(), kind, from, to, null, AT.plusSeconds(seconds),
                new JsonObject());
    }
}
