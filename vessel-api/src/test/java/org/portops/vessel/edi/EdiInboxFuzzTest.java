package org.portops.vessel.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;
import org.portops.state.testsupport.TestPostgres;
import org.portops.vessel.edi.archive.EdiArchive.Outcome;

/**
 * The public sample interchanges mutated at random (seeded) and handed to the inbox against real PostgreSQL and a
 * real live yard: the inbox always answers with a receipt, never fails; every interchange is archived; a rejected
 * one names its errors and leaves the vessel call's bay plan, in live state and in PostgreSQL, exactly as it was.
 */
class EdiInboxFuzzTest {

    private static final long SEED = Long.getLong("portops.fuzz.seed", 20261124L);
    private static final int INPUTS = Integer.getInteger("portops.fuzz.inputs", 150);
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final UnLocode HERE = new UnLocode("NLRTM");
    private static final VesselCallId CALL_ID = new VesselCallId("MSC-ANNA-2547W");
    private static final List<String> FILES = List.of("baplie-d95b-smdg22-msc-anna.edi",
            "movins-d95b-smdg-msc-anna.edi", "vermas-d16a-smdg-vgm.edi", "baplie-broken-repairable.edi");

    private static Vertx vertx;
    private static TestDatabase database;
    private static Pool pool;
    private static HazelcastInstance member;
    private static LiveYard yard;
    private static EdiInbox inbox;

    @BeforeAll
    static void start() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        vertx = Vertx.vertx();
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        member = TestHazelcast.member(TestHazelcast.uniqueClusterName("edi-fuzz"));
        yard = await(LiveYard.open(vertx, member, pool, TestLayouts.small(), clock));
        Container planned = new Container(new ContainerNumber("MSCU9000013"), new SizeTypeCode("22G1"),
                new VgmWeight(20_100), new LineOperator("MSC"), HERE, new UnLocode("DEHAM"), ContainerCategory.EXPORT,
                null, null);
        VesselCall call = new VesselCall(CALL_ID, new Vessel(new ImoNumber("9074729"), "MSC ANNA", 300, 40, 12),
                new Voyage("2547W"), new LineOperator("MSC"), null, NOW, null, NOW.plusSeconds(86_400),
                new BayPlan(List.of(new BayPlanEntry(StowageSlot.parse("0010484"), planned, BayPlanAction.LOAD))));
        assertThat(await(yard.updateVesselCall(call))).isEqualTo(ChangeResult.APPLIED);
        inbox = new EdiInbox(vertx, pool, yard, PartnerProfiles.all(PartnerProfile.DEFAULT), HERE, clock);
    }

    @AfterAll
    static void stop() {
        await(yard.close());
        member.shutdown();
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    @Test
    void mutatedInterchangesAreAppliedWholeOrRejectedWholeNeverHalf() throws SQLException {
        Random random = new Random(SEED);
        int rejected = 0;
        int applied = 0;
        for (int input = 0; input < INPUTS; input++) {
            String file = FILES.get(random.nextInt(FILES.size()));
            String mutated = mutate(new String(EdiFiles.bytes(file), StandardCharsets.ISO_8859_1), random);
            BayPlan before = await(yard.reader().vesselCall(CALL_ID)).orElseThrow().bayPlan();
            String rowsBefore = bayPlanRows();
            long archivedBefore = count("select count(*) from edi_messages");

            EdiInbox.Receipt receipt = await(inbox.receive(mutated.getBytes(StandardCharsets.ISO_8859_1)));

            String context = "seed " + SEED + " input " + input + " (" + file + "):\n" + mutated;
            assertThat(count("select count(*) from edi_messages")).as(context).isEqualTo(archivedBefore + 1);
            assertThat(receipt.outcome()).as(context).isNotEqualTo(Outcome.RECEIVED);
            if (receipt.outcome() == Outcome.REJECTED) {
                rejected++;
                assertThat(receipt.errors()).as(context).isNotEmpty();
                assertThat(await(yard.reader().vesselCall(CALL_ID)).orElseThrow().bayPlan()).as(context)
                        .isEqualTo(before);
                assertThat(bayPlanRows()).as(context).isEqualTo(rowsBefore);
            } else {
                applied++;
            }
        }
        System.err.printf("EdiInboxFuzzTest seed %d: %d interchanges, %d rejected whole, %d applied or accepted%n",
                SEED, INPUTS, rejected, applied);
        assertThat(rejected).as("the mutations must break most interchanges").isGreaterThan(INPUTS / 3);
    }

    /** Segment-aware and character-level damage: segments dropped, doubled, swapped; characters flipped, cut. */
    private static String mutate(String interchange, Random random) {
        List<String> segments = new ArrayList<>(Arrays.asList(interchange.split("(?<=')")));
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            int at = random.nextInt(segments.size());
            switch (random.nextInt(7)) {
                case 0 -> segments.remove(at);
                case 1 -> segments.add(at, segments.get(random.nextInt(segments.size())));
                case 2 -> {
                    int other = random.nextInt(segments.size());
                    String swapped = segments.get(at);
                    segments.set(at, segments.get(other));
                    segments.set(other, swapped);
                }
                case 3 -> segments.set(at, flip(segments.get(at), random));
                case 4 -> segments.set(at, segments.get(at).replace("+", random.nextBoolean() ? "++" : ":"));
                case 5 -> segments.set(at, segments.get(at).replaceAll("[0-9]", String.valueOf(random.nextInt(10))));
                default -> {
                    String text = String.join("", segments);
                    return text.substring(0, random.nextInt(text.length() + 1));
                }
            }
            if (segments.isEmpty()) {
                return "";
            }
        }
        return String.join("", segments);
    }

    private static String flip(String segment, Random random) {
        if (segment.isEmpty()) {
            return segment;
        }
        char[] chars = segment.toCharArray();
        int at = random.nextInt(chars.length);
        String odd = "+:'?*\u0000\u00ff A9";
        chars[at] = odd.charAt(random.nextInt(odd.length()));
        return new String(chars);
    }

    private static String bayPlanRows() throws SQLException {
        try (Connection connection = database.jdbc(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select coalesce(string_agg(t::text, ';' order by t::text), '') "
                     + "from bay_plan_entries t where call_id = '" + CALL_ID + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = database.jdbc(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
