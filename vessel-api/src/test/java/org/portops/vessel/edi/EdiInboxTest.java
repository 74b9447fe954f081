package org.portops.vessel.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.YardMaps;
import org.portops.state.block.BlockState;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;
import org.portops.state.testsupport.TestPostgres;
import org.portops.vessel.edi.archive.EdiArchive;
import org.portops.vessel.edi.archive.EdiArchive.Outcome;

/** The inbox against real PostgreSQL and a real live yard: archive, apply whole, or reject whole. */
class EdiInboxTest {

    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final UnLocode HERE = new UnLocode("NLRTM");
    private static final VesselCallId CALL_ID = new VesselCallId("MSC-ANNA-2547W");
    private static final Container PLANNED_LOAD = new Container(new ContainerNumber("MSCU9000013"),
            new SizeTypeCode("22G1"), new VgmWeight(20_100), new LineOperator("MSC"), HERE, new UnLocode("DEHAM"),
            ContainerCategory.EXPORT, null, null);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Vertx vertx;
    private TestDatabase database;
    private Pool pool;
    private HazelcastInstance member;
    private LiveYard yard;
    private EdiInbox inbox;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        member = TestHazelcast.member(TestHazelcast.uniqueClusterName("edi-inbox"));
        yard = await(LiveYard.open(vertx, member, pool, TestLayouts.small(), clock));
        VesselCall call = new VesselCall(CALL_ID, new Vessel(new ImoNumber("9074729"), "MSC ANNA", 300, 40, 12),
                new Voyage("2547W"), new LineOperator("MSC"), null, NOW, null, NOW.plusSeconds(86_400),
                new BayPlan(List.of(new BayPlanEntry(StowageSlot.parse("0010484"), PLANNED_LOAD, BayPlanAction.LOAD))));
        assertThat(await(yard.updateVesselCall(call))).isEqualTo(ChangeResult.APPLIED);
        inbox = new EdiInbox(vertx, pool, yard, PartnerProfiles.all(PartnerProfile.DEFAULT), HERE, clock);
    }

    @AfterEach
    void stop() {
        await(yard.close());
        member.shutdown();
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    @Test
    void appliesABaplieToItsVesselCallKeepingThePlannedLoadsAndArchivesItApplied() throws SQLException {
        EdiInbox.Receipt receipt = await(inbox.receive(EdiFiles.bytes("baplie-d95b-smdg22-msc-anna.edi")));

        assertThat(receipt.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(receipt.vesselCalls()).containsExactly(CALL_ID.value());
        BayPlan live = await(yard.reader().vesselCall(CALL_ID)).orElseThrow().bayPlan();
        assertThat(live.withAction(BayPlanAction.LOAD)).extracting(e -> e.container().number())
                .containsExactly(PLANNED_LOAD.number());
        assertThat(live.withAction(BayPlanAction.DISCHARGE)).hasSize(4);
        assertThat(live.withAction(BayPlanAction.REMAIN_ON_BOARD)).extracting(e -> e.slot().toString())
                .containsExactly("0030082");
        assertThat(count("select count(*) from bay_plan_entries where call_id = '" + CALL_ID + "'")).isEqualTo(6);
        JsonObject row = await(new EdiArchive(pool).latest(1)).getFirst();
        assertThat(row.getString("outcome")).isEqualTo("APPLIED");
        assertThat(row.getString("vesselCall")).isEqualTo(CALL_ID.value());
        assertThat(((JsonArray) row.getValue("repairs")).getJsonObject(0).getString("repair"))
                .isEqualTo("IMDG class 3.1 (subclass withdrawn in 2001) read as class 3");
        assertThat(text("select content from edi_messages where id = " + receipt.archiveId()))
                .isEqualTo(new String(EdiFiles.bytes("baplie-d95b-smdg22-msc-anna.edi")));
    }

    @Test
    void aBrokenBaplieIsRejectedWholeAndArchivedWithSegmentPositionAndReason() throws SQLException {
        BayPlan before = await(yard.reader().vesselCall(CALL_ID)).orElseThrow().bayPlan();

        EdiInbox.Receipt receipt = await(inbox.receive(EdiFiles.bytes("baplie-broken-unrepairable.edi")));

        assertThat(receipt.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(receipt.errors()).hasSize(5);
        assertThat(await(yard.reader().vesselCall(CALL_ID)).orElseThrow().bayPlan()).isEqualTo(before);
        assertThat(count("select count(*) from bay_plan_entries where call_id = '" + CALL_ID + "'")).isEqualTo(1);
        JsonObject row = await(new EdiArchive(pool).latest(1)).getFirst();
        assertThat(row.getString("outcome")).isEqualTo("REJECTED");
        JsonObject first = ((JsonArray) row.getValue("errors")).getJsonObject(1);
        assertThat(first.getString("segment")).isEqualTo("EQD");
        assertThat(first.getInteger("position")).isEqualTo(12);
        assertThat(first.getString("reason")).isEqualTo("container number MSCU8000010 has check digit 0, expected 9");
    }

    @Test
    void aBaplieThatClashesWithThePlannedLoadsIsRejectedAndChangesNothing() {
        String clash = new String(EdiFiles.bytes("baplie-d95b-smdg22-msc-anna.edi")).replace("MSCU1234566",
                PLANNED_LOAD.number().value());
        BayPlan before = await(yard.reader().vesselCall(CALL_ID)).orElseThrow().bayPlan();

        EdiInbox.Receipt receipt = await(inbox.receive(clash.getBytes()));

        assertThat(receipt.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(receipt.errors()).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(new SegmentRef("UNH", 3, 0, 0));
            assertThat(e.reason()).startsWith("with the plan of call MSC-ANNA-2547W: bay plan: container "
                    + "MSCU9000013 appears twice");
        });
        assertThat(await(yard.reader().vesselCall(CALL_ID)).orElseThrow().bayPlan()).isEqualTo(before);
    }

    @Test
    void aBaplieForAnUnknownVoyageIsRejected() {
        String other = new String(EdiFiles.bytes("baplie-d95b-smdg22-msc-anna.edi")).replace("2547W", "2548E");

        EdiInbox.Receipt receipt = await(inbox.receive(other.getBytes()));

        assertThat(receipt.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(receipt.errors()).singleElement().hasToString("UNH (segment 3): no vessel call for vessel MSC ANNA "
                + "2548E (IMO 9074729): a bay plan needs exactly one");
    }

    @Test
    void aValidVermasIsArchivedAcceptedWithNothingApplied() {
        EdiInbox.Receipt receipt = await(inbox.receive(EdiFiles.bytes("vermas-d16a-smdg-vgm.edi")));

        assertThat(receipt.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(await(new EdiArchive(pool).latest(1)).getFirst().getString("messageTypes")).isEqualTo("VERMAS");
    }

    @Test
    void aMovinsReplacesTheLoadsWithContainersFromTheYardAndOrdersDischarges() {
        assertThat(await(inbox.receive(EdiFiles.bytes("baplie-d95b-smdg22-msc-anna.edi"))).outcome())
                .isEqualTo(Outcome.APPLIED);
        Container export = new Container(new ContainerNumber("MSCU9000013"), new SizeTypeCode("22G1"),
                new VgmWeight(19_990), new LineOperator("MSC"), HERE, new UnLocode("DEHAM"), ContainerCategory.EXPORT,
                null, null);
        assertThat(await(yard.move(MoveRequest.arrival(export, MoveKind.GATE_IN, new GateLocation("IN-1"),
                new YardLocation(freeGroundSlot()))))).isInstanceOf(MoveResult.Accepted.class);
        String movins = movins(
                "LOC+147+0050484::5", "HAN+LOA", "EQD+CN+MSCU9000013+22G1", "LOC+11+DEHAM:139:6",
                "LOC+147+0030486::5", "HAN+LOA", "EQD+CN++22G1", "LOC+11+DEHAM:139:6",
                "LOC+147+0030082::5", "HAN+DIS", "EQD+CN+MAEU3456780+22G1");

        EdiInbox.Receipt receipt = await(inbox.receive(movins.getBytes()));

        assertThat(receipt.errors()).isEmpty();
        assertThat(receipt.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(receipt.openCells()).isEqualTo(1);
        BayPlan live = await(yard.reader().vesselCall(CALL_ID)).orElseThrow().bayPlan();
        assertThat(live.withAction(BayPlanAction.LOAD)).singleElement().satisfies(load -> {
            assertThat(load.slot()).isEqualTo(StowageSlot.parse("0050484"));
            assertThat(load.container()).isEqualTo(export);
        });
        assertThat(live.withAction(BayPlanAction.REMAIN_ON_BOARD)).isEmpty();
        assertThat(live.withAction(BayPlanAction.DISCHARGE)).hasSize(5);
    }

    @Test
    void aMovinsNamingContainersNotInTheTerminalOrNotOnBoardIsRejectedWhole() {
        BayPlan before = await(yard.reader().vesselCall(CALL_ID)).orElseThrow().bayPlan();

        EdiInbox.Receipt receipt = await(inbox.receive(EdiFiles.bytes("movins-d95b-smdg-msc-anna.edi")));

        assertThat(receipt.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(receipt.errors()).extracting(EdiError::reason).containsExactly(
                "MOVINS loads MSCU9000013 at 0010484 but it is not in the terminal",
                "MOVINS loads MSCU9000029 at 0020488 but it is not in the terminal",
                "MOVINS orders DISCHARGE of MSCU9000034 at 0100082 but the bay plan has it not on board");
        assertThat(await(yard.reader().vesselCall(CALL_ID)).orElseThrow().bayPlan()).isEqualTo(before);
    }

    @Test
    void aVermasGivesAPlannedLoadItsVerifiedGrossMass() {
        String vermas = "UNB+UNOA:2+VGMHUB+NLRTMPORTOPS+261124:1000+80002'UNH+V2+VERMAS:D:16A:UN:SMDG10'"
                + "BGM+VGM+V2+9'EQD+CN+MSCU9000013+22G1:6346:5'MEA+AAE+VGM+KGM:21340'DTM+798:202611231500:203'"
                + "NAD+SPC+++SHIPPER BV'UNT+7+V2'UNZ+1+80002'";

        EdiInbox.Receipt receipt = await(inbox.receive(vermas.getBytes()));

        assertThat(receipt.errors()).isEmpty();
        assertThat(receipt.outcome()).isEqualTo(Outcome.APPLIED);
        BayPlan live = await(yard.reader().vesselCall(CALL_ID)).orElseThrow().bayPlan();
        assertThat(live.withAction(BayPlanAction.LOAD)).singleElement()
                .satisfies(load -> assertThat(load.container().weight()).isEqualTo(new VgmWeight(21_340)));
    }

    @Test
    void aCoprarPutsItsLoadOrdersOnTheCallsLoadList() throws SQLException {
        EdiInbox.Receipt receipt = await(inbox.receive(EdiFiles.bytes("coprar-d95b-smdg-loading-order.edi")));

        assertThat(receipt.errors()).isEmpty();
        assertThat(receipt.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(receipt.vesselCalls()).containsExactly(CALL_ID.value());
        assertThat(orderedLoads()).containsExactly("MSCU9100012", "MSCU9100028", "MSCU9100033");
        JsonObject reefer = await(new VesselCallOrders(pool).ordered(CALL_ID, BayPlanAction.LOAD, null))
                .getJsonObject(1).getJsonObject("container");
        assertThat(reefer.getDouble("reeferSetPointC")).isEqualTo(-25.0);
        assertThat(await(new EdiArchive(pool).latest(1)).getFirst().getString("outcome")).isEqualTo("APPLIED");
        assertThat(count("select count(*) from vessel_call_orders where edi_message_id = " + receipt.archiveId()))
                .isEqualTo(3);
    }

    @Test
    void aCoprarWithOneBrokenContainerKeepsTheOthersOrdersAndReportsTheBadSegment() {
        String broken = new String(EdiFiles.bytes("coprar-d95b-smdg-loading-order.edi"))
                .replace("MSCU9100028", "MSCU9100027");

        EdiInbox.Receipt receipt = await(inbox.receive(broken.getBytes()));

        assertThat(receipt.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(receipt.errors()).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(new SegmentRef("EQD", 14, 2, 1));
            assertThat(e.reason()).isEqualTo("container number MSCU9100027 has check digit 7, expected 8");
        });
        assertThat(orderedLoads()).containsExactly("MSCU9100012", "MSCU9100033");
        JsonObject row = await(new EdiArchive(pool).latest(1)).getFirst();
        assertThat(row.getString("reason")).isEqualTo("1 error(s) in container groups: those containers' orders were "
                + "refused, the 2 others kept");
        assertThat(((JsonArray) row.getValue("errors")).getJsonObject(0).getInteger("position")).isEqualTo(14);
    }

    @Test
    void aCoprarForNoKnownVoyageOrWithABrokenEnvelopeChangesNoOrder() {
        String unknown = new String(EdiFiles.bytes("coprar-d95b-smdg-loading-order.edi")).replace("2547W", "2548E");
        String envelope = new String(EdiFiles.bytes("coprar-d95b-smdg-loading-order.edi"))
                .replace("UNZ+1+79001", "UNZ+1+79009");

        EdiInbox.Receipt noCall = await(inbox.receive(unknown.getBytes()));
        EdiInbox.Receipt broken = await(inbox.receive(envelope.getBytes()));

        assertThat(noCall.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(noCall.errors()).singleElement().hasToString("UNH (segment 2): no vessel call for vessel MSC ANNA "
                + "2548E: container orders need exactly one");
        assertThat(broken.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(broken.errors()).extracting(e -> e.at().tag()).containsExactly("UNZ");
        assertThat(orderedLoads()).isEmpty();
    }

    private List<String> orderedLoads() {
        return await(new VesselCallOrders(pool).ordered(CALL_ID, BayPlanAction.LOAD, null)).stream()
                .map(o -> ((JsonObject) o).getJsonObject("container").getString("number")).toList();
    }

    private static String movins(String... cells) {
        List<String> segments = new ArrayList<>(List.of("UNH+M2+MOVINS:D:95B:UN:SMDG20", "BGM++M2+9",
                "TDT+20+2547W+++MSC:172:20+++9074729:146:11:MSC ANNA", "LOC+5+NLRTM:139:6"));
        segments.addAll(List.of(cells));
        segments.add("UNT+" + (segments.size() + 1) + "+M2");
        return "UNB+UNOA:2+MSCU+NLRTMPORTOPS+261124:0800+78002'" + String.join("'", segments) + "'UNZ+1+78002'";
    }

    private YardSlot freeGroundSlot() {
        for (BlockState block : YardMaps.of(member).blocks().values()) {
            for (int bay = 1; bay <= block.bays(); bay++) {
                for (int row = 1; row <= block.rows() - 1; row++) {
                    if (block.stack(bay, row).containers()[0] == null && !block.isClosed(bay, row, 1)) {
                        return YardSlot.of(block.block(), bay, row, 1);
                    }
                }
            }
        }
        throw new IllegalStateException("yard full");
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = database.jdbc(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
