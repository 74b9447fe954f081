package org.portops.vessel.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portops.model.container.LineOperator;
import org.portops.model.equipment.EquipmentId;

class CallerTest {

    private static JsonObject claims(String... roles) {
        return new JsonObject().put("sub", "someone").put("exp", 2_000_000_000L).put("roles", new JsonArray(
                List.of((Object[]) roles)));
    }

    private static String refusal(JsonObject claims) {
        return switch (Caller.fromClaims(claims)) {
            case Caller.Claims.Invalid invalid -> invalid.reason();
            case Caller.Claims.Valid valid -> throw new AssertionError("accepted " + valid.caller());
        };
    }

    @Test
    void claimsRoundTripForEveryKindOfCaller() {
        for (Caller caller : List.of(
                new Caller("ops", Set.of(Role.OPERATOR, Role.PLANNER), null, null),
                new Caller("msc-system", Set.of(Role.LINE), new LineOperator("MSCU"), null),
                new Caller("driver-7", Set.of(Role.CRANE_DRIVER), null, new EquipmentId("QC03")))) {
            JsonObject claims = caller.toClaims().put("exp", 2_000_000_000L);
            assertThat(Caller.fromClaims(claims)).isEqualTo(new Caller.Claims.Valid(caller));
        }
    }

    @Test
    void unusableClaimsAreRefusedWithTheReason() {
        assertThat(refusal(claims("line"))).contains("no valid line claim");
        assertThat(refusal(claims("line", "admin").put("line", "MSCU"))).contains("line role only");
        assertThat(refusal(claims("crane-driver"))).contains("no valid machine claim");
        assertThat(refusal(claims("captain"))).contains("unknown roles [captain]");
        assertThat(refusal(claims())).contains("no roles claim");
        assertThat(refusal(claims("admin").put("sub", " "))).contains("no sub claim");
        JsonObject noExpiry = claims("admin");
        noExpiry.remove("exp");
        assertThat(refusal(noExpiry)).contains("no exp claim");
    }

    @Test
    void aLineMayAccessItsOwnBusinessOnlyAndStaffAll() {
        Caller line = new Caller("s", Set.of(Role.LINE), new LineOperator("MSCU"), null);
        Caller staff = new Caller("s", Set.of(Role.OPERATOR), null, null);
        assertThat(line.mayAccess(new LineOperator("MSCU"))).isTrue();
        assertThat(line.mayAccess(new LineOperator("MAEU"))).isFalse();
        assertThat(staff.mayAccess(new LineOperator("MAEU"))).isTrue();
    }

    @Test
    void permissionsFollowTheRoleTable() {
        Caller clerk = new Caller("gate-1", Set.of(Role.GATE_CLERK), null, null);
        assertThat(clerk.may(Permission.READ_CONTAINERS)).isEqualTo(Decision.ALLOWED);
        assertThat(clerk.may(Permission.WRITE_VESSEL_CALLS)).isEqualTo(
                Decision.refused("gate-1 ([gate-clerk]) may not write vessel calls"));
        Caller both = new Caller("x", Set.of(Role.GATE_CLERK, Role.PLANNER), null, null);
        assertThat(both.may(Permission.WRITE_VESSEL_CALLS)).isEqualTo(Decision.ALLOWED);
        assertThat(new Caller("a", Set.of(Role.ADMIN), null, null).may(Permission.SUBSCRIBE_EVENTS))
                .isEqualTo(Decision.ALLOWED);
    }
}
