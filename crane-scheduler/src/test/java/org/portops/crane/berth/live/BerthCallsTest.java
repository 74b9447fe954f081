package org.portops.crane.berth.live;

import org.junit.jupiter.api.Test;
import org.portops.crane.berth.quay.BerthCall;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.model.container.LineOperator;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.quay.Berth;
import org.portops.model.quay.BerthId;
import org.portops.model.quay.Quay;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live vessel calls as the berth planner sees them, on the sample terminal (B2 from 400 m). */
class BerthCallsTest {
    private static final TerminalLayout LAYOUT = TerminalLayoutLoader.sample();
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");

    private static VesselCall call(BerthId berth, Instant eta, Instant etb) {
        return new VesselCall(new VesselCallId("C1"), new Vessel(new ImoNumber("9074729"), "TEST CARRIER", 299.9, 48,
                14), new Voyage("001W"), new LineOperator("MSCU"), berth, eta, etb, eta.plus(Duration.ofDays(1)),
                BayPlan.EMPTY);
    }

    @Test
    void aCallWithABerthAndAPastEtbLiesAlongsideFromTheBerthsStartSinceTheMinuteOfItsEtb() {
        Instant etb = NOW.minus(Duration.ofMinutes(90)).plusSeconds(42);
        BerthCall moored = BerthCalls.of(call(new BerthId("B2"), etb.minusSeconds(600), etb), LAYOUT,
                BerthSettings.defaults(), NOW, 14);

        assertThat(moored.alongside()).isEqualTo(new BerthCall.Alongside(400, NOW.minus(Duration.ofMinutes(90)), 6));
        assertThat(moored.lengthMeters()).isEqualTo(300);
        assertThat(moored.moves()).isZero();
    }

    @Test
    void anEtbWithoutABerthIsTheRequestedBerthingAndTheCallIsFree() {
        Instant eta = NOW.plus(Duration.ofHours(3));
        BerthCall due = BerthCalls.of(call(null, eta, eta.plus(Duration.ofHours(1))), LAYOUT,
                BerthSettings.defaults(), NOW, 14);

        assertThat(due.isAlongside()).isFalse();
        assertThat(due.requestedBerthing()).isEqualTo(eta.plus(Duration.ofHours(1)));
        assertThat(BerthCalls.of(call(null, eta, null), LAYOUT, BerthSettings.defaults(), NOW, 4).maxCranes())
                .isEqualTo(4);
    }

    @Test
    void aFutureBerthAndEtbThePlannerDidNotWriteAreFixedThereByAnOperator() {
        Instant eta = NOW.plus(Duration.ofHours(3));
        Instant etb = eta.plus(Duration.ofHours(1));
        BerthCall fixed = BerthCalls.of(call(new BerthId("B2"), eta, etb), LAYOUT, BerthSettings.defaults(), NOW, 14);

        assertThat(fixed.alongside()).isEqualTo(new BerthCall.Alongside(400, etb, 6, true));
        assertThat(fixed.isFixed()).isTrue();
        // the planner wrote another berthing than live state holds now: someone else changed it, so it is fixed
        BerthPlanWriteBack.Written other = new BerthPlanWriteBack.Written(new BerthId("B2"),
                etb.plus(Duration.ofMinutes(15)), eta, eta);
        assertThat(BerthCalls.of(call(new BerthId("B2"), eta, etb), other, LAYOUT, BerthSettings.defaults(), NOW, 14)
                .isFixed()).isTrue();
    }

    @Test
    void aFutureBerthAndEtbThePlannerWroteAreItsOwnAndKeepTheLinesRequest() {
        Instant eta = NOW.plus(Duration.ofHours(3));
        Instant requested = eta.plus(Duration.ofMinutes(30));
        Instant etb = eta.plus(Duration.ofHours(2));
        BerthPlanWriteBack.Written ours = new BerthPlanWriteBack.Written(new BerthId("B3"), etb, eta, requested);

        BerthCall planned = BerthCalls.of(call(new BerthId("B3"), eta, etb), ours, LAYOUT, BerthSettings.defaults(),
                NOW, 14);
        assertThat(planned.isAlongside()).isFalse();
        assertThat(planned.requestedBerthing()).isEqualTo(requested);

        // the ETA passes the request: the request cannot be before the ETA
        Instant later = eta.plus(Duration.ofHours(1));
        assertThat(BerthCalls.of(call(new BerthId("B3"), later, etb), ours, LAYOUT, BerthSettings.defaults(), NOW, 14)
                .requestedBerthing()).isEqualTo(later);
        // a request "on arrival" follows the ETA, earlier too
        BerthPlanWriteBack.Written onArrival = new BerthPlanWriteBack.Written(new BerthId("B3"), etb, eta, eta);
        Instant earlier = eta.minus(Duration.ofHours(1));
        assertThat(BerthCalls.of(call(new BerthId("B3"), earlier, etb), onArrival, LAYOUT, BerthSettings.defaults(),
                NOW, 14).requestedBerthing()).isEqualTo(earlier);
    }

    @Test
    void aVesselMooredIsAlongsideWhoeverWroteItsBerth() {
        Instant etb = NOW.minus(Duration.ofMinutes(5));
        BerthPlanWriteBack.Written ours = new BerthPlanWriteBack.Written(new BerthId("B2"), etb,
                etb.minus(Duration.ofHours(1)), etb);
        BerthCall moored = BerthCalls.of(call(new BerthId("B2"), etb.minus(Duration.ofHours(1)), etb), ours, LAYOUT,
                BerthSettings.defaults(), NOW, 14);

        assertThat(moored.alongside()).isEqualTo(new BerthCall.Alongside(400, etb, 6, false));
        assertThat(moored.isFixed()).isFalse();
    }

    @Test
    void aVesselLongerThanTheQuayIsRefused() {
        TerminalLayout shortQuay = new TerminalLayout(LAYOUT.terminalCode(), LAYOUT.name(), LAYOUT.port(),
                new Quay("Short Quay", 250, List.of(new Berth(new BerthId("S1"), 0, 250, 15))), LAYOUT.blocks(),
                LAYOUT.equipment(), LAYOUT.gateLanes());
        assertThatThrownBy(() -> BerthCalls.of(call(null, NOW, null), shortQuay, BerthSettings.defaults(), NOW, 14))
                .hasMessage("vessel call C1 (TEST CARRIER, 300 m) is longer than the quay Short Quay (250.0 m)");
    }

    @Test
    void aCallAtABerthTheQuayHasNotIsRefused() {
        assertThatThrownBy(() -> BerthCalls.of(call(new BerthId("B9"), NOW.minusSeconds(3600), NOW), LAYOUT,
                BerthSettings.defaults(), NOW, 14))
                .hasMessage("vessel call C1 lies at berth B9, which the quay North Quay has not");
    }
}
