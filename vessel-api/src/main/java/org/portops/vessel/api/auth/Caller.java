package org.portops.vessel.api.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.portops.model.container.LineOperator;
import org.portops.model.equipment.EquipmentId;

/**
 * The verified holder of a token: its subject, roles and bindings. A line token carries the line role only, so a
 * line is never also staff; a crane driver is bound to one machine.
 *
 * @param line    the line a {@link Role#LINE} caller acts for, else null
 * @param machine the machine a {@link Role#CRANE_DRIVER} caller drives, else null
 */
public record Caller(String subject, Set<Role> roles, LineOperator line, EquipmentId machine) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The result of reading a token's claims: a caller, or why the token cannot be used. */
    public sealed interface Claims {
        record Valid(Caller caller) implements Claims {
        }

        record Invalid(String reason) implements Claims {
        }
    }

    /** Reads {@code sub}, {@code roles}, {@code line} and {@code machine} from a verified token's claims. */
    public static Claims fromClaims(JsonObject claims) {
        return fromClaims(claims, RoleMapping.PORTOPS);
    }

    /** As {@link #fromClaims(JsonObject)}, the roles read as {@code mapping} says (an OIDC provider's token). */
    public static Claims fromClaims(JsonObject claims, RoleMapping mapping) {
        String subject = claims.getString("sub");
        if (subject == null || subject.isBlank()) {
            return new Claims.Invalid("token has no sub claim");
        }
        if (!(claims.getValue("exp") instanceof Number)) {
            return new Claims.Invalid("token of " + subject + " has no exp claim; PortOps accepts expiring tokens only");
        }
        Set<Role> roles;
        switch (mapping.read(claims, subject)) {
            case RoleMapping.Roles.Refused refused -> {
                return new Claims.Invalid(refused.reason());
            }
            case RoleMapping.Roles.Found found -> roles = found.roles();
        }
        LineOperator line = null;
        if (roles.contains(Role.LINE)) {
            if (roles.size() > 1) {
                return new Claims.Invalid("token of " + subject + " combines the line role with " + roles
                        + "; a line token carries the line role only");
            }
            try {
                line = new LineOperator(claims.getString("line"));
            } catch (IllegalArgumentException | NullPointerException e) {
                return new Claims.Invalid("token of " + subject + " has the line role but no valid line claim: "
                        + e.getMessage());
            }
        }
        EquipmentId machine = null;
        if (roles.contains(Role.CRANE_DRIVER)) {
            try {
                machine = new EquipmentId(claims.getString("machine"));
            } catch (IllegalArgumentException | NullPointerException e) {
                return new Claims.Invalid("token of " + subject + " has the crane-driver role but no valid machine "
                        + "claim");
            }
        }
        return new Claims.Valid(new Caller(subject, roles, line, machine));
    }

    /** The claims of a token for this caller; {@link #fromClaims} reads them back. */
    public JsonObject toClaims() {
        JsonObject claims = new JsonObject()
                .put("sub", subject)
                .put("roles", new JsonArray(roles.stream().map(Role::claim).sorted().toList()));
        if (line != null) {
            claims.put("line", line.code());
        }
        if (machine != null) {
            claims.put("machine", machine.value());
        }
        return claims;
    }

    public boolean isLine() {
        return line != null;
    }

    /** Whether one of the caller's roles grants the permission. */
    public Decision may(Permission permission) {
        for (Role role : roles) {
            if (Permission.grantedTo(role).contains(permission)) {
                return Decision.ALLOWED;
            }
        }
        return Decision.refused(subject + " (" + roles.stream().map(Role::claim).sorted().toList()
                + ") may not " + permission.name().toLowerCase().replace('_', ' '));
    }

    /**
     * Whether the caller may see or change business owned by {@code owner}: staff may, a line only its own. The
     * API answers a refusal like a missing resource, so a line cannot even learn what other lines have.
     */
    public boolean mayAccess(LineOperator owner) {
        return line == null || line.equals(owner);
    }
}
