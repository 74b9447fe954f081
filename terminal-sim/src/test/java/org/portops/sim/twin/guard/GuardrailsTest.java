package org.portops.sim.twin.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.sim.twin.Scenario;
import org.portops.sim.twin.ScenarioEvent;
import org.portops.sim.twin.TwinKpis;
import org.portops.sim.twin.TwinRun;
import org.portops.sim.twin.WhatIf;
import org.portops.sim.twin.guard.Guardrails.Action;
import org.portops.sim.twin.guard.Guardrails.Answer;
import org.portops.sim.twin.guard.Guardrails.Outcome;

/**
 * Decision guardrails with the twin as their what-if: a decision that must be approved does not take effect until it
 * is, a veto within its window puts the previous plan back, limits escalate what the autonomy level would have
 * applied, and every choice is audited. A decision's plan here is the twin scenario of its effect on the terminal
 * (a crane taken off its call is the crane out of the run), so the escalation's what-if is a real twin run.
 */
class GuardrailsTest {
    private static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
    private static final TerminalLayout LAYOUT = TerminalLayoutLoader.sample();
    private static final TwinRun RUN = new TwinRun(LAYOUT, SampleInventory.generate(LAYOUT, 7, START), START, 3);
    /** A what-if per distinct effect, shared by the tests: the runs are deterministic, so one is as good as two. */
    private static final Map<List<ScenarioEvent>, Foresight.Comparison> FORESEEN = new ConcurrentHashMap<>();
    private static final Foresight<Scenario> TWIN = (decision, inForce) -> FORESEEN.computeIfAbsent(
            decision.plan().events(), events -> {
                List<TwinKpis> runs = new WhatIf(RUN, 2).compare(List.of(decision.plan()), Duration.ofMinutes(10),
                        progress -> { });
                return new Foresight.Comparison(runs.get(1), runs.get(0));
            });

    private final StepClock clock = new StepClock(START);

    /** A clock the test moves. */
    private static final class StepClock extends Clock {
        private Instant now;

        StepClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is UTC");
        }
    }

    private static Decision<Scenario> craneOff(String id, String crane, Duration completionLater) {
        return new Decision<>(new Decision.Id(id), DecisionKind.CRANE_REASSIGNMENT, crane,
                Scenario.parse(id + "=breakdown:" + crane + "@0s+1h"),
                crane + " leaves CALL1 for CALL2: CALL2 sails 40 min earlier, CALL1 " + completionLater.toMinutes()
                        + " min later", completionLater);
    }

    private static Decision<Scenario> dispatch(String id, String tractor, int out) {
        return new Decision<>(new Decision.Id(id), DecisionKind.VEHICLE_DISPATCH, tractor,
                Scenario.parse(id + "=tractors-out:" + out + "@0s+1h"), tractor + " to the gate", Duration.ZERO);
    }

    @Test
    void aDecisionThatMustBeApprovedStopsUntilApprovedWithItsWhatIf() {
        Guardrails<Scenario> guardrails = new Guardrails<>(Map.of(), TWIN, clock);
        Decision<Scenario> decision = craneOff("r1", "QC01", Duration.ofMinutes(5));

        Outcome outcome = guardrails.propose(decision);

        assertThat(outcome).isEqualTo(new Outcome.AwaitingApproval(List.of("CRANE_REASSIGNMENT asks first")));
        assertThat(guardrails.inForce(DecisionKind.CRANE_REASSIGNMENT, "QC01")).isEmpty();
        Guardrails.Escalation<Scenario> escalation = guardrails.awaitingApproval().getFirst();
        assertThat(escalation.decision().explanation()).isEqualTo(decision.explanation());
        Foresight.Comparison whatIf = escalation.whatIf().orElseThrow();
        assertThat(whatIf.accepting().craneMoves().getOrDefault(new EquipmentId("QC01"), 0)).isZero();
        assertThat(whatIf.rejecting().craneMoves().getOrDefault(new EquipmentId("QC01"), 0)).isPositive();
        assertThat(whatIf.accepting().vesselMoves()).isLessThan(whatIf.rejecting().vesselMoves());

        clock.advance(Duration.ofMinutes(3));
        assertThat(guardrails.inForce(DecisionKind.CRANE_REASSIGNMENT, "QC01")).as("still waiting").isEmpty();
        assertThat(guardrails.approve(decision.id(), "ops-anna")).isEqualTo(new Answer.Done());

        assertThat(guardrails.inForce(DecisionKind.CRANE_REASSIGNMENT, "QC01")).contains(decision.plan());
        assertThat(guardrails.awaitingApproval()).isEmpty();
        assertThat(guardrails.approve(decision.id(), "ops-anna")).isEqualTo(new Answer.Refused(
                "decision r1 is in force; only a decision awaiting approval can be approved"));
        assertThat(guardrails.veto(decision.id(), "ops-bo", "changed my mind")).isEqualTo(new Answer.Refused(
                "decision r1 is in force; only a decision applied unless vetoed can be vetoed"));
    }

    @Test
    void aRejectedDecisionLeavesThePlanInForce() {
        Guardrails<Scenario> guardrails = new Guardrails<>(Map.of(DecisionKind.CRANE_REASSIGNMENT,
                new Policy(new Autonomy.Automatic(), List.of(new Limit.CompletionLaterThan(Duration.ofMinutes(15))))),
                TWIN, clock);
        Decision<Scenario> first = craneOff("r1", "QC01", Duration.ofMinutes(15));
        Decision<Scenario> second = craneOff("r2", "QC01", Duration.ofMinutes(16));
        assertThat(guardrails.propose(first)).as("exactly at the limit").isEqualTo(new Outcome.Applied(null));

        assertThat(guardrails.propose(second)).isEqualTo(new Outcome.AwaitingApproval(List.of(
                "vessel completion moves 16 min later; more than 15 min needs an operator")));
        assertThat(guardrails.awaitingApproval().getFirst().inForce()).contains(first.plan());
        assertThat(guardrails.reject(second.id(), "ops-anna", "CALL1 has a tight window")).isEqualTo(new Answer.Done());

        assertThat(guardrails.inForce(DecisionKind.CRANE_REASSIGNMENT, "QC01")).contains(first.plan());
        assertThat(guardrails.approve(second.id(), "ops-bo")).isInstanceOf(Answer.Refused.class);
    }

    @Test
    void aVetoWithinItsWindowRestoresThePreviousPlan() {
        Guardrails<Scenario> guardrails = new Guardrails<>(Map.of(DecisionKind.VEHICLE_DISPATCH,
                new Policy(new Autonomy.UnlessVetoed(Duration.ofSeconds(60)), List.of())), TWIN, clock);
        Decision<Scenario> earlier = dispatch("d1", "TT01", 1);
        Decision<Scenario> later = dispatch("d2", "TT01", 2);
        assertThat(guardrails.propose(earlier)).isEqualTo(new Outcome.Applied(START.plusSeconds(60)));
        clock.advance(Duration.ofSeconds(61));
        assertThat(guardrails.propose(later)).isEqualTo(new Outcome.Applied(START.plusSeconds(121)));
        assertThat(guardrails.inForce(DecisionKind.VEHICLE_DISPATCH, "TT01")).contains(later.plan());
        assertThat(guardrails.veto(earlier.id(), "ops-anna", "too late")).isEqualTo(new Answer.Refused(
                "the veto window of decision d1 closed at " + START.plusSeconds(60)));

        clock.advance(Duration.ofSeconds(60));
        assertThat(guardrails.veto(later.id(), "ops-anna", "TT01 is needed at the quay"))
                .as("at the window's last instant").isEqualTo(new Answer.Done());

        assertThat(guardrails.inForce(DecisionKind.VEHICLE_DISPATCH, "TT01")).contains(earlier.plan());
        assertThat(guardrails.veto(later.id(), "ops-anna", "again")).isInstanceOf(Answer.Refused.class);
        Decision<Scenario> first = dispatch("d3", "TT02", 1);
        guardrails.propose(first);
        assertThat(guardrails.veto(first.id(), "ops-anna", "no")).isEqualTo(new Answer.Done());
        assertThat(guardrails.inForce(DecisionKind.VEHICLE_DISPATCH, "TT02")).as("no plan before it").isEmpty();
    }

    @Test
    void aVetoCannotUndoALaterDecisionForTheSameSubject() {
        Guardrails<Scenario> guardrails = new Guardrails<>(Map.of(DecisionKind.VEHICLE_DISPATCH,
                new Policy(new Autonomy.UnlessVetoed(Duration.ofMinutes(5)), List.of())), TWIN, clock);
        guardrails.propose(dispatch("d1", "TT01", 1));
        guardrails.propose(dispatch("d2", "TT01", 2));

        assertThat(guardrails.veto(new Decision.Id("d1"), "ops-anna", "no")).isEqualTo(new Answer.Refused(
                "decision d1 was replaced by decision d2 for TT01; veto that one"));
        assertThat(guardrails.veto(new Decision.Id("d9"), "ops-anna", "no"))
                .isEqualTo(new Answer.Refused("no decision d9"));
        assertThatThrownBy(() -> guardrails.propose(dispatch("d1", "TT03", 1)))
                .hasMessage("decision d1 was proposed before");
    }

    @Test
    void aCraneReassignedAgainWithinTheLimitsPeriodIsEscalated() {
        Guardrails<Scenario> guardrails = new Guardrails<>(Map.of(DecisionKind.CRANE_REASSIGNMENT,
                new Policy(new Autonomy.Automatic(), List.of(new Limit.OncePer(Duration.ofMinutes(10))))), TWIN, clock);
        assertThat(guardrails.propose(craneOff("r1", "QC01", Duration.ZERO))).isInstanceOf(Outcome.Applied.class);
        clock.advance(Duration.ofMinutes(4));

        assertThat(guardrails.propose(craneOff("r2", "QC01", Duration.ZERO))).isEqualTo(new Outcome.AwaitingApproval(
                List.of("QC01 had a CRANE_REASSIGNMENT 4 min ago; at most one in 10 min")));
        assertThat(guardrails.propose(craneOff("r3", "QC02", Duration.ZERO))).as("another crane")
                .isInstanceOf(Outcome.Applied.class);
        clock.advance(Duration.ofMinutes(6));
        assertThat(guardrails.propose(craneOff("r4", "QC01", Duration.ZERO))).as("10 min after")
                .isInstanceOf(Outcome.Applied.class);
    }

    @Test
    void theAuditTrailHasEveryChoiceWhoMadeItAndWhen() {
        Guardrails<Scenario> guardrails = new Guardrails<>(Map.of(DecisionKind.VEHICLE_DISPATCH,
                new Policy(new Autonomy.UnlessVetoed(Duration.ofSeconds(30)), List.of())), TWIN, clock);
        guardrails.propose(dispatch("d1", "TT01", 1));
        clock.advance(Duration.ofSeconds(10));
        guardrails.veto(new Decision.Id("d1"), "ops-anna", "TT01 is needed at the quay");
        guardrails.propose(craneOff("r1", "QC01", Duration.ofMinutes(5)));
        clock.advance(Duration.ofSeconds(20));
        guardrails.approve(new Decision.Id("r1"), "ops-bo");

        assertThat(guardrails.audit()).containsExactly(
                entry(0, "d1", DecisionKind.VEHICLE_DISPATCH, "TT01", Action.PROPOSED, Guardrails.AUTOMATIC,
                        "TT01 to the gate"),
                entry(0, "d1", DecisionKind.VEHICLE_DISPATCH, "TT01", Action.APPLIED, Guardrails.AUTOMATIC,
                        "applied unless vetoed by " + START.plusSeconds(30)),
                entry(10, "d1", DecisionKind.VEHICLE_DISPATCH, "TT01", Action.VETOED, "ops-anna",
                        "TT01 is needed at the quay"),
                entry(10, "r1", DecisionKind.CRANE_REASSIGNMENT, "QC01", Action.PROPOSED, Guardrails.AUTOMATIC,
                        "QC01 leaves CALL1 for CALL2: CALL2 sails 40 min earlier, CALL1 5 min later"),
                entry(10, "r1", DecisionKind.CRANE_REASSIGNMENT, "QC01", Action.ESCALATED, Guardrails.AUTOMATIC,
                        "CRANE_REASSIGNMENT asks first"),
                entry(30, "r1", DecisionKind.CRANE_REASSIGNMENT, "QC01", Action.APPROVED, "ops-bo", "approved"));
    }

    @Test
    void aDecisionWhoseWhatIfFailsIsStillEscalatedSayingWhy() {
        Guardrails<Scenario> guardrails = new Guardrails<>(Map.of(), (decision, inForce) -> {
            TwinKpis accepting = RUN.run(decision.plan(), Duration.ofMinutes(1), done -> { });
            return new Foresight.Comparison(accepting, RUN.run(Scenario.BASELINE, Duration.ofMinutes(1), done -> { }));
        }, clock);
        Decision<Scenario> unknownCrane = craneOff("r1", "QC99", Duration.ZERO);

        assertThat(guardrails.propose(unknownCrane)).isEqualTo(new Outcome.AwaitingApproval(List.of(
                "CRANE_REASSIGNMENT asks first", "no what-if: scenario r1: no machine QC99 in the terminal")));
        assertThat(guardrails.awaitingApproval().getFirst().whatIf()).isEmpty();
        assertThat(guardrails.approve(unknownCrane.id(), "ops-anna")).isEqualTo(new Answer.Done());
    }

    private static Guardrails.AuditEntry entry(long second, String id, DecisionKind kind, String subject,
                                               Action action, String who, String reason) {
        return new Guardrails.AuditEntry(START.plusSeconds(second), new Decision.Id(id), kind, subject, action, who,
                reason);
    }
}
