package org.portops.vessel.edi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.portops.model.container.LineOperator;
import org.portops.model.container.UnLocode;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.state.store.LogEntry;
import org.portops.vessel.edi.outbound.CraneMove;
import org.portops.vessel.edi.outbound.CraneTimesheet;
import org.portops.vessel.edi.outbound.Envelope;
import org.portops.vessel.edi.outbound.MoveLogMoves;
import org.portops.vessel.edi.outbound.TpfrepWriter;

class TpfrepWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final VesselCall CALL = new VesselCall(new VesselCallId("MSC-ANNA-2547W"),
            new Vessel(new ImoNumber("9074729"), "MSC ANNA", 300, 40, 12), new Voyage("2547W"),
            new LineOperator("MSC"), null, T0.minusSeconds(3_600), null, T0.plusSeconds(86_400), BayPlan.EMPTY);

    /** QC01 discharges three (a 28-minute gap before the third), QC02 loads two; a yard shift and another call's move are not its business. */
    private static final List<LogEntry> LOG = List.of(
            entry(1, "MSCU1234566", "DISCHARGE", "vessel:MSC-ANNA-2547W/0340282", "yard:A01-01-01-1", "WI-1", 0),
            entry(2, "MSCU2345672", "DISCHARGE", "vessel:MSC-ANNA-2547W/0340482", "yard:A01-01-02-1", "WI-2", 120),
            entry(3, "TGHU3456780", "YARD_SHIFT", "yard:A01-01-02-1", "yard:A01-02-02-1", "WI-3", 200),
            entry(4, "MSCU9000013", "LOAD", "yard:A02-01-01-1", "vessel:MSC-ANNA-2547W/0010484", "WI-4", 300),
            entry(5, "MSCU9100012", "DISCHARGE", "vessel:MSC-ANNA-2547W/0340682", "yard:A01-01-03-1", "WI-5", 1_800),
            entry(6, "MSCU9100028", "LOAD", "yard:A02-01-02-1", "vessel:MSC-ANNA-2547W/0030484", "WI-6", 420),
            entry(7, "MSCU9100033", "DISCHARGE", "vessel:OTHER/0020282", "yard:A03-01-01-1", "WI-7", 500));
    private static final Map<String, String> CRANE_OF = Map.of("WI-1", "QC01", "WI-2", "QC01", "WI-5", "QC01",
            "WI-4", "QC02", "WI-6", "QC02", "WI-7", "QC03");

    @Test
    void timesheetsCountEachCranesMovesAndItsGapsLongerThanTheThreshold() {
        List<CraneMove> moves = MoveLogMoves.craneMoves(LOG, CALL.id(),
                id -> Optional.ofNullable(CRANE_OF.get(id)).map(EquipmentId::new));

        List<CraneTimesheet> sheets = CraneTimesheet.of(moves, Duration.ofMinutes(15));

        assertThat(sheets).extracting(s -> s.crane().value()).containsExactly("QC01", "QC02");
        CraneTimesheet qc01 = sheets.getFirst();
        assertThat(qc01.discharges()).isEqualTo(3);
        assertThat(qc01.loads()).isZero();
        assertThat(qc01.first()).isEqualTo(T0);
        assertThat(qc01.last()).isEqualTo(T0.plusSeconds(1_800));
        assertThat(qc01.delays()).singleElement().satisfies(d -> assertThat(d.length()).hasMinutes(28));
        assertThat(qc01.movesPerHour()).isEqualTo(6.0);
        assertThat(sheets.get(1).loads()).isEqualTo(2);
        assertThat(sheets.get(1).delays()).isEmpty();
    }

    @Test
    void writesATpfrepThatReadsBackWithoutEnvelopeErrors() {
        List<CraneMove> moves = MoveLogMoves.craneMoves(LOG, CALL.id(),
                id -> Optional.ofNullable(CRANE_OF.get(id)).map(EquipmentId::new));

        byte[] tpfrep = TpfrepWriter.write(new Envelope("NLRTMPORTOPS", "MSCU", "T1", T0.plusSeconds(7_200)), CALL,
                new UnLocode("NLRTM"), T0.plusSeconds(3_600), moves, Duration.ofMinutes(15));
        Interchange read = EdiReader.read(tpfrep);

        assertThat(read.envelopeErrors()).isEmpty();
        EdiMessage message = read.messages().getFirst();
        assertThat(message.syntaxErrors()).isEmpty();
        assertThat(message.type()).isEqualTo("TPFREP");
        assertThat(message.body()).extracting(Segment::text).contains(
                "DTM+186:202611240900:203'",
                "EQD+ZZZ+QC01'", "QTY+DIS:3'", "QTY+LOA:0'", "DTM+194:202611240800:203'", "DTM+206:202611240830:203'",
                "DTM+ZZZ:202611240802-202611240830:719'", "FTX+AAI+++NO MOVE FOR 28 MIN'",
                "EQD+ZZZ+QC02'", "QTY+DIS:0'", "QTY+LOA:2'");
        assertThat(message.body()).extracting(Segment::text).doesNotContain("EQD+ZZZ+QC03'");
    }

    private static LogEntry entry(long seq, String container, String kind, String from, String to, String instruction,
                                  int seconds) {
        return new LogEntry(seq, container, kind, from, to, instruction, T0.plusSeconds(seconds), new JsonObject());
    }
}
