package org.portops.sim.twin;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.yard.BlockId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named what-if: the events that happen to the terminal, on top of its usual day. The baseline has none. The
 * text form, one event after another separated by {@code ;}:
 * <pre>
 *   breakdown:QC03@1h+2h         QC03 breaks down 1 h in, repaired 2 h later
 *   vessel:CALL2-3h              CALL2 arrives 3 h early (vessel:CALL2+90m: 90 minutes late)
 *   block-closed:A03@0h+4h       block A03 closed for the first 4 h
 *   gate-surge:3@1h+2h           three times the trucks from 1 h in, for 2 h
 *   tractors-out:10@0h+8h        10 tractors out for 8 h
 * </pre>
 * Times are {@code 90m}, {@code 2h}, {@code 1h30m} or {@code 45s}.
 */
public record Scenario(String name, List<ScenarioEvent> events) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final Pattern TIME = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Pattern AT = Pattern.compile("(.+)@([0-9hms]+)\\+([0-9hms]+)");

    /** The terminal's usual day: no event. */
    public static final Scenario BASELINE = new Scenario("baseline", List.of());

    public Scenario {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("scenario name must be 1-40 letters, digits, '_', '.' or '-' and start"
                    + " with a letter or digit, was '" + name + "'");
        }
        events = List.copyOf(events);
    }

    /** {@code name=event;event…}, or just {@code name} for a scenario with no event (a second baseline). */
    public static Scenario parse(String text) {
        int equals = text.indexOf('=');
        String name = equals < 0 ? text.strip() : text.substring(0, equals).strip();
        List<ScenarioEvent> events = new ArrayList<>();
        if (equals >= 0) {
            for (String part : text.substring(equals + 1).split(";")) {
                if (!part.isBlank()) {
                    events.add(event(name, part.strip()));
                }
            }
        }
        return new Scenario(name, events);
    }

    /** The text form, as {@link #parse} reads it. */
    public String describe() {
        return name + (events.isEmpty() ? "" : "=" + String.join(";", events.stream()
                .map(ScenarioEvent::describe).toList()));
    }

    private static ScenarioEvent event(String scenario, String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(where(scenario, text) + "expected KIND:VALUE, e.g. breakdown:QC03@1h+2h");
        }
        String kind = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        try {
            return switch (kind) {
                case "breakdown" -> {
                    Matcher at = at(rest);
                    yield new ScenarioEvent.Breakdown(new EquipmentId(at.group(1)), time(at.group(2)), time(at.group(3)));
                }
                case "vessel" -> {
                    int sign = Math.max(rest.lastIndexOf('+'), rest.lastIndexOf('-'));
                    if (sign <= 0) {
                        throw new IllegalArgumentException("expected vessel:CALL+TIME or vessel:CALL-TIME");
                    }
                    Duration shift = time(rest.substring(sign + 1));
                    yield new ScenarioEvent.VesselShift(new VesselCallId(rest.substring(0, sign)),
                            rest.charAt(sign) == '-' ? shift.negated() : shift);
                }
                case "block-closed" -> {
                    Matcher at = at(rest);
                    yield new ScenarioEvent.BlockClosed(new BlockId(at.group(1)), time(at.group(2)), time(at.group(3)));
                }
                case "gate-surge" -> {
                    Matcher at = at(rest);
                    yield new ScenarioEvent.GateSurge(number(at.group(1)), time(at.group(2)), time(at.group(3)));
                }
                case "tractors-out" -> {
                    Matcher at = at(rest);
                    yield new ScenarioEvent.TractorShortage((int) number(at.group(1)), time(at.group(2)),
                            time(at.group(3)));
                }
                default -> throw new IllegalArgumentException("unknown event kind '" + kind + "' (breakdown, vessel,"
                        + " block-closed, gate-surge, tractors-out)");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(scenario, text) + e.getMessage(), e);
        }
    }

    private static Matcher at(String text) {
        Matcher matcher = AT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected WHAT@START+DURATION, e.g. QC03@1h+2h");
        }
        return matcher;
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    static Duration time(String text) {
        Matcher matcher = TIME.matcher(text);
        if (text.isEmpty() || !matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time like 90m, 2h, 1h30m or 45s");
        }
        return Duration.ofHours(group(matcher, 1)).plusMinutes(group(matcher, 2)).plusSeconds(group(matcher, 3));
    }

    private static long group(Matcher matcher, int group) {
        return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
    }

    static String text(Duration duration) {
        long seconds = duration.toSeconds();
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0 || text.isEmpty()) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }

    private static String where(String scenario, String text) {
        return "scenario " + scenario + ", event '" + text + "': ";
    }
}
