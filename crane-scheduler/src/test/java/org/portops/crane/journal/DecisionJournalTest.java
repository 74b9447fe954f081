package org.portops.crane.journal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.crane.journal.JournaledPlan.Alternative;
import org.portops.crane.journal.JournaledPlan.Decision;
import org.portops.crane.journal.JournaledPlan.Justification;
import org.portops.crane.journal.JournaledPlan.TaskMove;
import org.portops.crane.journal.JournaledPlan.Trigger;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.lease.Lease;
import org.portops.state.lease.LeaseLostException;
import org.portops.state.lease.LeaseRefusal;
import org.portops.state.lease.NodeId;
import org.portops.state.lease.PlannerLease;
import org.portops.state.lease.PlannerName;
import org.portops.state.store.AuditLog;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

class DecisionJournalTest {
    private static final VesselCallId CALL = new VesselCallId("CALL1");
    private static final VesselCallId OTHER_CALL = new VesselCallId("CALL2");
    private static final EquipmentId QC1 = new EquipmentId("QC01");
    private static final EquipmentId QC2 = new EquipmentId("QC02");
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private Vertx vertx;
    private TestDatabase database;
    private Pool pool;
    private DecisionJournal journal;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        journal = new DecisionJournal(vertx, pool);
    }

    @AfterEach
    void tearDown() {
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    @Test
    void queriesByContainerMachineCallAndTimeReturnTheirRows() {
        WorkInstruction first = instruction(CALL, 1, QC1, 1000);
        WorkInstruction second = instruction(CALL, 2, QC1, 1001);
        WorkInstruction third = instruction(CALL, 3, QC2, 2000);
        await(journal.append(plan(CALL, 1, T0, new Trigger("PLAN_STARTED", "vessel call CALL1 planned"),
                List.of(new TaskMove("B03-D-H", null, QC1, 2), new TaskMove("B07-D-H", null, QC2, 1)),
                List.of(decision(first, null), decision(second, null), decision(third, null)))));
        WorkInstruction moved = instruction(CALL, 2, QC2, 2001);
        await(journal.append(plan(CALL, 2, T0.plusSeconds(60), new Trigger("CRANE_FAULT", "QC01 fault"),
                List.of(new TaskMove("B03-D-H", QC1, QC2, 1)), List.of(decision(moved, QC1)))));
        await(journal.append(plan(OTHER_CALL, 1, T0.plusSeconds(30), new Trigger("PLAN_STARTED", "CALL2"),
                List.of(), List.of(decision(instruction(OTHER_CALL, 9, QC1, 10), null)))));
        TimeRange all = new TimeRange(T0, T0.plus(Duration.ofHours(1)));

        List<JournalEntry> container = await(journal.byContainer(moved.container(), all, 100));
        assertThat(container).extracting(JournalEntry::version).containsExactly(1L, 2L);
        JournalEntry reassignment = container.get(1);
        assertThat(reassignment.instruction()).isEqualTo(moved);
        assertThat(reassignment.previousMachine()).isEqualTo(QC1);
        assertThat(reassignment.trigger()).isEqualTo(new Trigger("CRANE_FAULT", "QC01 fault"));
        assertThat(reassignment.justifications()).containsExactly(
                new Justification("Vessel completion", "0hard/-100medium/0soft", "the vessel is finished at 100"));
        assertThat(reassignment.alternatives()).containsExactly(new Alternative(QC1, "0hard/-130medium/0soft"));

        // QC01 had work in both calls and lost one move in version 2: that decision concerns it too
        assertThat(await(journal.byMachine(QC1, all, 100)))
                .extracting(e -> e.call().value() + "/" + e.version() + "/" + e.instruction().id())
                .containsExactly("CALL1/1/WI-CALL1-1", "CALL1/1/WI-CALL1-2", "CALL2/1/WI-CALL2-9", "CALL1/2/WI-CALL1-2");
        assertThat(await(journal.byMachine(QC2, all, 100))).extracting(e -> e.instruction().id().value())
                .containsExactly("WI-CALL1-3", "WI-CALL1-2");
        assertThat(await(journal.byVesselCall(OTHER_CALL, all, 100))).extracting(e -> e.instruction().id().value())
                .containsExactly("WI-CALL2-9");
        assertThat(await(journal.between(new TimeRange(T0.plusSeconds(30), T0.plusSeconds(61)), 100)))
                .extracting(e -> e.instruction().id().value()).containsExactly("WI-CALL2-9", "WI-CALL1-2");
        assertThat(await(journal.byVesselCall(CALL, all, 2))).hasSize(2);
        assertThat(await(journal.byVesselCall(CALL, new TimeRange(T0.plusSeconds(61), T0.plusSeconds(120)), 100)))
                .isEmpty();
    }

    @Test
    void transportDecisionsAreQueriedByContainerVehicleCallAndTimeAndChainedIntoTheAuditLog() throws SQLException {
        EquipmentId tt1 = new EquipmentId("TT001");
        EquipmentId tt2 = new EquipmentId("TT002");
        WorkInstruction onFirst = withMachines(instruction(CALL, 1, QC1, 1000), QC1, tt1);
        WorkInstruction other = withMachines(instruction(OTHER_CALL, 7, QC2, 70), QC2, tt2);
        await(journal.append(round(T0, new Trigger("CRANE_PLAN", "crane plan v1 of CALL1"),
                List.of(dispatch(onFirst, CALL, tt1, null), dispatch(other, OTHER_CALL, tt2, null)))));
        WorkInstruction moved = withMachines(instruction(CALL, 1, QC1, 1000), QC1, tt2);
        await(journal.append(round(T0.plusSeconds(60), new Trigger("VEHICLE_STALLED", "vehicle TT001 stalled: FAULT"),
                List.of(dispatch(moved, CALL, tt2, tt1)))));
        TimeRange all = new TimeRange(T0, T0.plus(Duration.ofHours(1)));

        List<DispatchEntry> container = await(journal.dispatchesByContainer(moved.container(), all, 100));
        assertThat(container).extracting(DispatchEntry::vehicle).containsExactly(tt1, tt2);
        DispatchEntry reassignment = container.get(1);
        assertThat(reassignment.round()).isGreaterThan(container.getFirst().round());
        assertThat(reassignment.instruction()).isEqualTo(moved);
        assertThat(reassignment.previousVehicle()).isEqualTo(tt1);
        assertThat(reassignment.call()).isEqualTo(CALL);
        assertThat(reassignment.trigger()).isEqualTo(new Trigger("VEHICLE_STALLED", "vehicle TT001 stalled: FAULT"));
        assertThat(reassignment.roundScore()).isEqualTo("0hard/-420soft");
        assertThat(reassignment.justifications()).containsExactly(new Justification("Empty driving", "0hard/-42soft",
                "TT002 drives empty 42 s"));
        assertThat(reassignment.alternatives()).containsExactly(new Alternative(tt1, "0hard/-15soft"));
        // TT001 got the move in the first round and lost it in the second: both concern it
        assertThat(await(journal.dispatchesByMachine(tt1, all, 100))).extracting(e -> e.trigger().kind())
                .containsExactly("CRANE_PLAN", "VEHICLE_STALLED");
        assertThat(await(journal.dispatchesByMachine(tt2, all, 100))).extracting(e -> e.instruction().id().value())
                .containsExactly("WI-CALL2-7", "WI-CALL1-1");
        assertThat(await(journal.dispatchesByVesselCall(OTHER_CALL, all, 100))).extracting(DispatchEntry::instruction)
                .containsExactly(other);
        assertThat(await(journal.dispatchesBetween(new TimeRange(T0.plusSeconds(1), T0.plusSeconds(61)), 100)))
                .extracting(DispatchEntry::instruction).containsExactly(moved);
        assertThat(await(journal.dispatchesBetween(all, 1))).hasSize(1);
        assertThat(await(journal.byContainer(moved.container(), all, 100))).as("no crane decision was journaled")
                .isEmpty();

        assertThat(await(new AuditLog(pool).verify()).intact()).isTrue();
        try (Connection connection = database.jdbc(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select a.action, a.subject, r.figures->>'dualCycles' "
                    + "from dispatch_round r join audit_log a on a.id = r.audit_id order by r.id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(DecisionJournal.TRANSPORT_ACTION);
                assertThat(rows.getString(2)).isEqualTo("CRANE_PLAN");
                assertThat(rows.getString(3)).isEqualTo("2");
            }
            assertThatThrownBy(() -> statement.executeUpdate("update dispatch_decision set machine = 'TT009'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.executeUpdate("delete from dispatch_round"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void everyPlanIsChainedIntoTheAuditLogAndCannotBeRewritten() throws SQLException {
        await(journal.append(plan(CALL, 1, T0, new Trigger("PLAN_STARTED", "planned"), List.of(),
                List.of(decision(instruction(CALL, 1, QC1, 1), null)))));
        assertThat(await(new AuditLog(pool).verify()).intact()).isTrue();
        try (Connection connection = database.jdbc(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "select a.action, a.subject, a.details->>'version' from crane_plan p join audit_log a on a.id = p.audit_id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(DecisionJournal.ACTION);
                assertThat(rows.getString(2)).isEqualTo("CALL1");
                assertThat(rows.getString(3)).isEqualTo("1");
            }
            assertThatThrownBy(() -> statement.executeUpdate("update crane_decision set machine = 'QC09'"))
                    .hasMessageContaining("crane_decision is append-only");
        }
    }

    @Test
    void aBurstOfPlansFromOtherThreadsIsWrittenCompletely() {
        List<Future<Void>> appends = new ArrayList<>();
        for (int version = 1; version <= 40; version++) {
            appends.add(journal.append(plan(CALL, version, T0.plusSeconds(version), new Trigger("MOVE_DONE", "move " + version),
                    List.of(), List.of(decision(instruction(CALL, version, QC1, version), null)))));
        }
        await(Future.all(appends));
        assertThat(await(journal.byVesselCall(CALL, new TimeRange(T0, T0.plusSeconds(100)), 1000)))
                .extracting(JournalEntry::version).hasSize(40).isSorted();
    }

    @Test
    void aDuplicateVersionFailsItsAppendAndKeepsWhatWasWritten() {
        await(journal.append(plan(CALL, 1, T0, new Trigger("PLAN_STARTED", "planned"), List.of(),
                List.of(decision(instruction(CALL, 1, QC1, 1), null)))));
        Future<Void> duplicate = journal.append(plan(CALL, 1, T0.plusSeconds(1), new Trigger("MOVE_DONE", "again"),
                List.of(), List.of(decision(instruction(CALL, 2, QC1, 2), null))));
        assertThatThrownBy(() -> await(duplicate)).hasMessageContaining("crane_plan_pkey");
        assertThat(await(journal.byVesselCall(CALL, new TimeRange(T0, T0.plusSeconds(10)), 10)))
                .extracting(e -> e.instruction().id().value()).containsExactly("WI-CALL1-1");
    }

    @Test
    void aFencedJournalWritesWhileItsTermHoldsAndNothingOnceAnotherNodeTookOver() {
        PlannerLease leases = new PlannerLease(pool);
        PlannerName scheduler = new PlannerName("crane-scheduler");
        Lease deposed = await(leases.tryAcquire(scheduler, new NodeId("node-a"), Duration.ofSeconds(30))).orElseThrow();
        DecisionJournal fenced = new DecisionJournal(vertx, pool, deposed);
        await(fenced.append(plan(CALL, 1, T0, new Trigger("PLAN_STARTED", "planned"), List.of(),
                List.of(decision(instruction(CALL, 1, QC1, 1), null)))));

        await(leases.release(deposed));
        Lease next = await(leases.tryAcquire(scheduler, new NodeId("node-b"), Duration.ofSeconds(30))).orElseThrow();
        Future<Void> late = fenced.append(plan(CALL, 2, T0.plusSeconds(1), new Trigger("MOVE_DONE", "late"), List.of(),
                List.of(decision(instruction(CALL, 2, QC1, 2), null))));

        assertThatThrownBy(() -> await(late)).isInstanceOfSatisfying(LeaseLostException.class, lost ->
                assertThat(lost.refusal()).isEqualTo(new LeaseRefusal.Superseded(next.token(), next.holder())));
        assertThat(await(journal.byVesselCall(CALL, new TimeRange(T0, T0.plusSeconds(10)), 10)))
                .extracting(JournalEntry::version).containsExactly(1L);
    }

    @Test
    void refusesAPlanWithAnInstructionOfAnotherVessel() {
        assertThatThrownBy(() -> plan(CALL, 1, T0, new Trigger("X", ""), List.of(),
                List.of(decision(instruction(OTHER_CALL, 1, QC1, 1), null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WI-CALL2-1 moves neither from nor to the vessel of the call");
    }

    private static JournaledPlan plan(VesselCallId call, long version, Instant at, Trigger trigger, List<TaskMove> diff,
                                      List<Decision> decisions) {
        return new JournaledPlan(call, version, at, trigger, "0hard/-100medium/0soft", 100, diff, decisions);
    }

    private static JournaledRound round(Instant at, Trigger trigger, List<JournaledRound.Decision> decisions) {
        return new JournaledRound(at, trigger, "0hard/-420soft", 0, 420, 2, 1, decisions);
    }

    private static JournaledRound.Decision dispatch(WorkInstruction instruction, VesselCallId call, EquipmentId vehicle,
                                                    EquipmentId previous) {
        return new JournaledRound.Decision(instruction, call, vehicle, previous,
                List.of(new Justification("Empty driving", "0hard/-42soft", vehicle + " drives empty 42 s")),
                List.of(new Alternative(previous == null ? new EquipmentId("TT009") : previous, "0hard/-15soft")));
    }

    private static WorkInstruction withMachines(WorkInstruction instruction, EquipmentId... machines) {
        return new WorkInstruction(instruction.id(), instruction.container(), instruction.kind(), instruction.from(),
                instruction.to(), List.of(machines), instruction.sequence(), WorkInstructionState.DISPATCHED, null, T0);
    }

    private static Decision decision(WorkInstruction instruction, EquipmentId previous) {
        return new Decision(instruction, previous,
                List.of(new Justification("Vessel completion", "0hard/-100medium/0soft", "the vessel is finished at 100")),
                List.of(new Alternative(QC1, "0hard/-130medium/0soft")));
    }

    private static WorkInstruction instruction(VesselCallId call, int number, EquipmentId crane, long sequence) {
        return new WorkInstruction(new WorkInstructionId("WI-" + call + "-" + number),
                ContainerNumber.fromParts("MSC", 'U', number), MoveKind.DISCHARGE,
                new VesselLocation(call, StowageSlot.of(3, 2, 82)), new YardLocation(YardSlot.of("A01", 1, 1, 1)),
                List.of(crane), sequence, WorkInstructionState.PLANNED, null, T0);
    }
}
