package org.portops.state.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.audit.AuditEvent.EdiMessage;
import org.portops.state.audit.AuditEvent.InstructionStateChanged;
import org.portops.state.audit.AuditEvent.ManualOverride;
import org.portops.state.audit.AuditEvent.PlanChanged;
import org.portops.state.audit.AuditEvent.SecurityEvent;
import org.portops.state.audit.AuditEvent.TokenIssued;
import org.portops.state.store.AuditLog.AuditEntry;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestPostgres;

/** The audit trail on a real PostgreSQL: one chain under concurrent writers, and every kind of tampering caught. */
class AuditTrailTest {

    private static final Instant NOW = Instant.parse("2026-11-24T13:00:00.123456Z");

    private Vertx vertx;
    private TestDatabase database;
    private Pool pool;
    private AuditTrail trail;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        trail = new AuditTrail(pool, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    @Test
    void everyKindOfEventIsChainedAndVerifiesOutsideTheDatabase() {
        List<AuditEvent> events = List.of(
                new PlanChanged("planner:crane", "call:MSC-042", 7, "crane QC03 broke down"),
                new InstructionStateChanged("machine:SC12", new WorkInstructionId("WI-9"),
                        WorkInstructionState.DISPATCHED, WorkInstructionState.IN_PROGRESS, null),
                new InstructionStateChanged("live-yard", new WorkInstructionId("WI-10"), null,
                        WorkInstructionState.PLANNED, null),
                new ManualOverride("user:jdoe", "MSCU1234565", "slot 01A-03-02-1",
                        "reefer plug: \"urgent\"\\ line one\nline two\ttab \u0001 control, caf\u00e9 \ud83d\udea2"),
                new EdiMessage("edi", EdiMessage.Direction.RECEIVED, "BAPLIE", "REF 1",
                        "ab".repeat(32)),
                new TokenIssued("api", "driver:anna", "crane-driver", "QC03", NOW.plusSeconds(8 * 3600)),
                new SecurityEvent("telemetry-ingest", "spoofing", "SC12", "topic claims SC12, payload SC13"));
        List<AuditEntry> entries = events.stream().map(e -> await(trail.append(e))).toList();

        ChainCheck check = await(trail.verify());

        assertThat(check.intact()).as("%s", check.firstBreak()).isTrue();
        assertThat(check.rowsChecked()).isEqualTo(events.size());
        assertThat(check.headHash()).isEqualTo(entries.getLast().hash());
        assertThat(entries.getFirst().prevHash()).isEqualTo(AuditChain.GENESIS);
    }

    @Test
    void concurrentAppendsFromTwoPoolsKeepOneChain() throws SQLException {
        Pool other = database.pool(vertx);
        long began = System.nanoTime();
        try {
            List<Future<AuditEntry>> appends = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                AuditTrail writer = i % 2 == 0 ? trail : new AuditTrail(other, Clock.fixed(NOW, ZoneOffset.UTC));
                appends.add(writer.append(new SecurityEvent("test", "replay", "SC" + i, "writer " + i % 2)));
            }
            await(Future.all(appends));
            System.out.printf("200 concurrent audit appends from two pools of 8 connections: %d ms%n",
                    (System.nanoTime() - began) / 1_000_000);
        } finally {
            await(other.close());
        }

        ChainCheck check = await(trail.verify());

        assertThat(check.intact()).as("%s", check.firstBreak()).isTrue();
        assertThat(check.rowsChecked()).isEqualTo(200);
        try (Connection connection = database.jdbc(); Statement statement = connection.createStatement();
             ResultSet forks = statement.executeQuery(
                     "select count(*) - count(distinct prev_hash) from audit_log")) {
            forks.next();
            assertThat(forks.getLong(1)).as("rows sharing a predecessor (a fork)").isZero();
        }
    }

    @Test
    void aChangedRowIsNamed() throws SQLException {
        List<AuditEntry> entries = appendSome(6);

        tamper("update audit_log set details = '{\"reason\": \"nothing to see\"}' where id = " + entries.get(3).id());

        ChainCheck check = await(trail.verify());
        assertThat(check.firstBreak()).isEqualTo(new ChainCheck.Break(entries.get(3).id(),
                ChainCheck.Problem.CONTENT_CHANGED, "row " + entries.get(3).id()
                        + " no longer matches its hash: its content or its id was changed after it was written"));
        assertThat(check.rowsChecked()).isEqualTo(3);
        assertThat(check.headHash()).isEqualTo(entries.get(2).hash());
    }

    @Test
    void aRowWhoseHashWasRecomputedToFitIsNamedByTheRowAfterIt() throws SQLException {
        List<AuditEntry> entries = appendSome(6);
        long id = entries.get(2).id();

        tamper("update audit_log set actor = 'intruder' where id = " + id);
        tamper("update audit_log set hash = audit_log_hash(prev_hash, id, at, actor, action, subject, details) "
                + "where id = " + id);

        ChainCheck check = await(trail.verify());
        assertThat(check.firstBreak().id()).isEqualTo(entries.get(3).id());
        assertThat(check.firstBreak().problem()).isEqualTo(ChainCheck.Problem.LINK_BROKEN);
    }

    @Test
    void aRowSlippedInBelowTheFirstIdIsNamed() throws SQLException {
        List<AuditEntry> entries = appendSome(3);

        tamper("insert into audit_log select -5, at, 'intruder', action, subject, details, prev_hash, "
                + "repeat('e', 64) from audit_log where id = " + entries.getFirst().id());

        ChainCheck check = await(trail.verify());
        assertThat(check.firstBreak().id()).isEqualTo(-5);
        assertThat(check.firstBreak().problem()).isEqualTo(ChainCheck.Problem.CONTENT_CHANGED);
        assertThat(check.headId()).isZero();
    }

    @Test
    void aDeletedRowIsNamedByTheRowAfterIt() throws SQLException {
        List<AuditEntry> entries = appendSome(6);

        tamper("delete from audit_log where id = " + entries.get(2).id());

        ChainCheck check = await(trail.verify());
        assertThat(check.firstBreak().id()).isEqualTo(entries.get(3).id());
        assertThat(check.firstBreak().problem()).isEqualTo(ChainCheck.Problem.LINK_BROKEN);
        assertThat(check.rowsChecked()).isEqualTo(2);
    }

    @Test
    void rowsSwappedInPlaceAreNamedAtTheFirstOfThem() throws SQLException {
        List<AuditEntry> entries = appendSome(6);
        long first = entries.get(1).id();
        long second = entries.get(2).id();

        tamper("update audit_log set id = -1 where id = " + first);
        tamper("update audit_log set id = " + first + " where id = " + second);
        tamper("update audit_log set id = " + second + " where id = -1");

        ChainCheck check = await(trail.verify());
        assertThat(check.firstBreak().id()).isEqualTo(first);
        assertThat(check.rowsChecked()).isEqualTo(1);
    }

    @Test
    void rowsMovedWithTheirOwnIdsAreNamedAtTheFirstOfThem() throws SQLException {
        List<AuditEntry> entries = appendSome(6);
        long first = entries.get(1).id();
        long second = entries.get(2).id();
        String columns = "at, actor, action, subject, details, prev_hash, hash";

        tamper("create temporary table swap as select * from audit_log where id in (" + first + ", " + second + ")",
                "update audit_log set hash = repeat('x', 64) where id = " + first,
                "update audit_log a set (" + columns + ") = (select " + columns + " from swap s where s.id = "
                        + first + ") where a.id = " + second,
                "update audit_log a set (" + columns + ") = (select " + columns + " from swap s where s.id = "
                        + second + ") where a.id = " + first);

        ChainCheck check = await(trail.verify());
        assertThat(check.firstBreak().id()).isEqualTo(first);
        assertThat(check.firstBreak().problem()).isEqualTo(ChainCheck.Problem.CONTENT_CHANGED);
    }

    @Test
    void aChainLongerThanOnePageIsCheckedToItsEnd() throws SQLException {
        List<AuditEntry> entries = appendSome(23);
        AuditChain chain = new AuditChain(pool, 5);

        assertThat(await(chain.verify()))
                .isEqualTo(new ChainCheck(23, entries.getLast().id(), entries.getLast().hash(), null));

        tamper("update audit_log set subject = 'elsewhere' where id = " + entries.get(21).id());
        assertThat(await(chain.verify()).firstBreak().id()).isEqualTo(entries.get(21).id());
    }

    @Test
    void rowsCutOffTheEndAreCaughtByAnAnchorOnly() throws SQLException {
        List<AuditEntry> entries = appendSome(6);
        AuditChain.Anchor anchor = new AuditChain.Anchor(entries.get(4).id(), entries.get(4).hash());

        tamper("delete from audit_log where id >= " + entries.get(3).id());

        assertThat(await(trail.verify()).intact()).as("a shorter chain is still a chain").isTrue();
        ChainCheck check = await(new AuditChain(pool).verify(anchor));
        assertThat(check.firstBreak().problem()).isEqualTo(ChainCheck.Problem.CUT_OFF);
        assertThat(check.firstBreak().id()).isEqualTo(entries.get(4).id());
        assertThat(check.headId()).isEqualTo(entries.get(2).id());
    }

    @Test
    void anAnchoredRowThatIsGoneWhileLaterRowsRemainIsNamed() throws SQLException {
        List<AuditEntry> entries = appendSome(6);
        AuditChain.Anchor anchor = new AuditChain.Anchor(entries.get(2).id(), entries.get(2).hash());

        tamper("delete from audit_log where id = " + entries.get(2).id());

        ChainCheck check = await(new AuditChain(pool).verify(anchor));
        assertThat(check.firstBreak().problem()).isEqualTo(ChainCheck.Problem.CUT_OFF);
        assertThat(check.firstBreak().id()).isEqualTo(entries.get(2).id());
    }

    @Test
    void aChainRewrittenWithRecomputedHashesIsCaughtByAnAnchorOnly() throws SQLException {
        List<AuditEntry> entries = appendSome(6);
        AuditChain.Anchor anchor = AuditChain.Anchor.parse(entries.get(4).id() + ":" + entries.get(4).hash());

        tamper("update audit_log set actor = 'intruder' where id = " + entries.get(1).id(),
                "do $$ declare r record; previous text := repeat('0', 64); begin "
                        + "for r in select id from audit_log order by id loop "
                        + "update audit_log set prev_hash = previous, hash = audit_log_hash(previous, id, at, actor, "
                        + "action, subject, details) where id = r.id returning hash into previous; "
                        + "end loop; end $$");

        assertThat(await(trail.verify()).intact()).as("a consistently rewritten chain is still a chain").isTrue();
        ChainCheck check = await(new AuditChain(pool).verify(anchor));
        assertThat(check.firstBreak().problem()).isEqualTo(ChainCheck.Problem.ANCHOR_MISMATCH);
        assertThat(check.firstBreak().id()).isEqualTo(entries.get(4).id());
        assertThat(await(new AuditChain(pool).verify(anchor)).rowsChecked()).isEqualTo(4);
    }

    @Test
    void anchorsAreReadAsIdColonHash() {
        String hash = "0123456789abcdef".repeat(4);
        assertThat(AuditChain.Anchor.parse("42:" + hash)).isEqualTo(new AuditChain.Anchor(42, hash));
        assertThat(AuditChain.Anchor.parse("42:" + hash).toString()).isEqualTo("42:" + hash);
        assertThatThrownBy(() -> AuditChain.Anchor.parse(hash)).hasMessageContaining("<row id>:<hash>");
        assertThatThrownBy(() -> AuditChain.Anchor.parse("42:" + hash.toUpperCase()))
                .hasMessageContaining("64 hex digit hash");
    }

    @Test
    void anEmptyTrailIsIntact() {
        assertThat(await(trail.verify())).isEqualTo(new ChainCheck(0, 0, AuditChain.GENESIS, null));
    }

    @Test
    void eventsRefuseWhatCannotBeAudited() {
        assertThatThrownBy(() -> new InstructionStateChanged("x", new WorkInstructionId("WI-1"),
                WorkInstructionState.DONE, WorkInstructionState.DONE, null))
                .hasMessage("work instruction WI-1 stays DONE: not a state change");
        assertThatThrownBy(() -> new EdiMessage("edi", EdiMessage.Direction.SENT, "COARRI", "R1", "abc"))
                .hasMessageContaining("needs the SHA-256 of its content");
        assertThatThrownBy(() -> new ManualOverride("user:x", "WI-1", "state", " "))
                .hasMessage("reason of an override of an audit event must not be blank, was ' '");
    }

    private List<AuditEntry> appendSome(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> await(trail.append(new PlanChanged("planner:yard", "yard", i, "round " + i))))
                .toList();
    }

    /** What someone with write access to the database could do, past the append-only triggers. */
    private void tamper(String... sql) throws SQLException {
        try (Connection connection = database.jdbc(); Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
