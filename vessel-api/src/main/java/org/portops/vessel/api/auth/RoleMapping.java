package org.portops.vessel.api.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a token carries its holder's roles and what they are called there. PortOps's own tokens carry PortOps role
 * names in {@code roles}; a terminal's OIDC provider carries its own group or role names wherever it keeps them
 * (Keycloak: {@code realm_access.roles}, Entra ID: {@code roles}, many: {@code groups}), which {@code names} maps to
 * PortOps roles. A provider's token also carries roles of other applications: those are ignored, but a token
 * without any mapped role is refused.
 *
 * @param claim the claim's path, dot-separated through nested objects, e.g. {@code realm_access.roles}; its value is
 *              an array of names or one space-separated string
 * @param names the provider's role names and the PortOps role each stands for; empty: the names are PortOps role
 *              names, and an unknown one refuses the token (PortOps's own tokens)
 */
public record RoleMapping(String claim, Map<String, Role> names) {

    /** PortOps's own tokens: PortOps role names in {@code roles}. */
    public static final RoleMapping PORTOPS = new RoleMapping("roles", Map.of());

    public RoleMapping {
        if (claim == null || claim.isBlank() || claim.startsWith(".") || claim.endsWith(".")
                || claim.contains("..")) {
            throw new IllegalArgumentException("auth: the roles claim must be a claim name or a dot-separated path "
                    + "like realm_access.roles, was '" + claim + "'");
        }
        names = Map.copyOf(names);
    }

    /**
     * Parses {@code provider-name=portops-role} pairs separated by commas, e.g.
     * {@code terminal-ops=operator,berth-planning=planner}; a blank spec is the empty mapping.
     *
     * @throws IllegalArgumentException naming the pair that is not of that form or names no PortOps role
     */
    public static RoleMapping parse(String claim, String spec) {
        Map<String, Role> names = new LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String pair : spec.split(",")) {
                int equals = pair.indexOf('=');
                String from = equals < 0 ? "" : pair.substring(0, equals).strip();
                String to = equals < 0 ? "" : pair.substring(equals + 1).strip();
                if (from.isEmpty() || to.isEmpty()) {
                    throw new IllegalArgumentException("auth: role mapping '" + pair.strip()
                            + "' is not of the form provider-role=portops-role");
                }
                Role role = Role.fromClaim(to).orElseThrow(() -> new IllegalArgumentException("auth: role mapping '"
                        + pair.strip() + "' names no PortOps role; known: " + knownRoles()));
                if (names.put(from, role) != null) {
                    throw new IllegalArgumentException("auth: provider role '" + from + "' is mapped twice");
                }
            }
        }
        return new RoleMapping(claim.strip(), names);
    }

    /** The result of reading the roles: the PortOps roles, or why the token cannot be used. */
    public sealed interface Roles {
        record Found(Set<Role> roles) implements Roles {
        }

        record Refused(String reason) implements Roles {
        }
    }

    /** The PortOps roles the claims grant {@code subject}. */
    public Roles read(JsonObject claims, String subject) {
        List<String> values = values(claims);
        if (values == null || values.isEmpty()) {
            return new Roles.Refused("token of " + subject + " has no " + claim + " claim (an array of role names)");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> unknown = new ArrayList<>();
        for (String value : values) {
            Role role = names.isEmpty() ? Role.fromClaim(value).orElse(null) : names.get(value);
            if (role != null) {
                roles.add(role);
            } else {
                unknown.add(value);
            }
        }
        if (names.isEmpty() && !unknown.isEmpty()) {
            return new Roles.Refused("token of " + subject + " has unknown roles " + unknown);
        }
        if (roles.isEmpty()) {
            return new Roles.Refused("token of " + subject + " has none of the roles PortOps maps from " + claim
                    + " (" + names.keySet().stream().sorted().toList() + "); it has " + unknown);
        }
        return new Roles.Found(roles);
    }

    private List<String> values(JsonObject claims) {
        Object value = claims;
        for (String step : claim.split("\\.")) {
            if (!(value instanceof JsonObject object)) {
                return null;
            }
            value = object.getValue(step);
        }
        if (value instanceof JsonArray array) {
            List<String> values = new ArrayList<>();
            array.forEach(item -> values.add(String.valueOf(item)));
            return values;
        }
        if (value instanceof String text) {
            return List.of(text.strip().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList();
        }
        return null;
    }

    private static List<String> knownRoles() {
        return List.of(Role.values()).stream().map(Role::claim).toList();
    }
}
