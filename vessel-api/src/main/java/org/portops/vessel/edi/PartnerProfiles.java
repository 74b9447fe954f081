package org.portops.vessel.edi;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The profiles per partner (UNB sender id), with a fallback for partners without one. Read from properties:
 * <pre>
 * default=lenient                       # or strict
 * partner.OOCLIES.fix-control-counts=true
 * partner.OOCLIES.drop-stray-ftx=true
 * partner.OOCLIES.drop-unknown-qualifiers=DTM,RFF
 * partner.OOCLIES.alias.MEA+VGM=WT
 * </pre>
 */
public final class PartnerProfiles {

    private final PartnerProfile fallback;
    private final Map<String, PartnerProfile> byPartner;

    public PartnerProfiles(PartnerProfile fallback, Map<String, PartnerProfile> byPartner) {
        this.fallback = fallback;
        this.byPartner = Map.copyOf(byPartner);
    }

    /** Every partner gets {@code profile}. */
    public static PartnerProfiles all(PartnerProfile profile) {
        return new PartnerProfiles(profile, Map.of());
    }

    public PartnerProfile forPartner(String sender) {
        return byPartner.getOrDefault(sender, fallback);
    }

    /** Reads the properties form; an unknown key or value is refused with its name. */
    public static PartnerProfiles fromProperties(Properties properties) {
        PartnerProfile fallback = PartnerProfile.DEFAULT;
        Map<String, Map<String, String>> settings = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).strip();
            if (key.equals("default")) {
                fallback = switch (value) {
                    case "lenient" -> PartnerProfile.DEFAULT;
                    case "strict" -> PartnerProfile.STRICT;
                    default -> throw new IllegalArgumentException("partner profiles: default must be lenient or "
                            + "strict, was '" + value + "'");
                };
            } else if (key.startsWith("partner.") && key.indexOf('.', 8) > 8) {
                int dot = key.indexOf('.', 8);
                settings.computeIfAbsent(key.substring(8, dot), p -> new HashMap<>()).put(key.substring(dot + 1), value);
            } else {
                throw new IllegalArgumentException("partner profiles: unknown key '" + key
                        + "' (default, partner.<sender>.<setting>)");
            }
        }
        Map<String, PartnerProfile> byPartner = new HashMap<>();
        settings.forEach((partner, values) -> byPartner.put(partner, profile(partner, values)));
        return new PartnerProfiles(fallback, byPartner);
    }

    private static PartnerProfile profile(String partner, Map<String, String> values) {
        boolean counts = false;
        boolean ftx = false;
        Set<String> droppable = new HashSet<>();
        Map<String, String> aliases = new HashMap<>();
        for (Map.Entry<String, String> setting : values.entrySet()) {
            String name = setting.getKey();
            String value = setting.getValue();
            switch (name) {
                case "fix-control-counts" -> counts = bool(partner, name, value);
                case "drop-stray-ftx" -> ftx = bool(partner, name, value);
                case "drop-unknown-qualifiers" -> Arrays.stream(value.split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).forEach(droppable::add);
                default -> {
                    if (name.startsWith("alias.") && name.contains("+")) {
                        aliases.put(name.substring("alias.".length()), value);
                    } else {
                        throw new IllegalArgumentException("partner profile " + partner + ": unknown setting '" + name
                                + "' (fix-control-counts, drop-stray-ftx, drop-unknown-qualifiers, alias.TAG+CODE)");
                    }
                }
            }
        }
        return new PartnerProfile(partner, counts, ftx, droppable, aliases);
    }

    private static boolean bool(String partner, String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("partner profile " + partner + ": " + name
                    + " must be true or false, was '" + value + "'");
        };
    }
}
