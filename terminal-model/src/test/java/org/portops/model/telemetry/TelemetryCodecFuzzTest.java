package org.portops.model.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.Position;
import org.portops.model.telemetry.EquipmentEvent.FaultRaised;
import org.portops.model.telemetry.EquipmentEvent.InstructionRejected;
import org.portops.model.telemetry.EquipmentEvent.ReeferAlarmRaised;
import org.portops.model.telemetry.EquipmentEvent.SpreaderLocked;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.yard.YardSlot;

/**
 * Fuzzing of the telemetry decoder with seeded random mutations of valid payloads of every topic: bit flips,
 * truncation, inserted and deleted bytes, invalid UTF-8, splices of two payloads, huge and malformed numbers,
 * deep nesting, values of the wrong type, long strings, oversized payloads. Whatever arrives, the decoder returns
 * a message or throws {@link TelemetryFormatException} naming a field and a problem, within a bounded time. The
 * numbers of a run are printed and recorded in docs/security.md.
 */
class TelemetryCodecFuzzTest {

    /** 50,000 in every build; a longer campaign: {@code -Dportops.fuzz.inputs=1000000 -Dportops.fuzz.seed=N}. */
    private static final int INPUTS = Integer.getInteger("portops.fuzz.inputs", 50_000);
    private static final long SEED = Long.getLong("portops.fuzz.seed", 20261124L);
    /** Far above a decode's microseconds, and above a loaded machine's collector pauses; a hang exceeds it. */
    private static final Duration PER_INPUT = Duration.ofSeconds(2);
    private static final EquipmentId QC01 = new EquipmentId("QC01");
    private static final Instant AT = Instant.parse("2026-11-24T06:00:00.250Z");
    private static final ContainerNumber BOX = ContainerNumber.fromParts("MSC", 'U', 123456);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String[] HUGE_NUMBERS = {"1e400", "-1e400", "1e-400", "98765432109876543210987654321",
        "-9223372036854775809", "9223372036854775808", "0.000000000000000000000000000001", "-0", "1E+2147483647",
        "NaN", "Infinity", "0x1F", "01", "1.", ".5", "+1", "4" + "2".repeat(5_000)};
    private static final String[] WRONG_TYPES = {"null", "true", "[]", "{}", "\"\"", "\"x\"", "0", "-1", "[1,2]",
        "{\"a\":1}", "\"\\u0000\"", "\"\\ud800\"", "\"2026-13-45T25:61:61Z\""};

    private final TelemetryCodec codec = new TelemetryCodec();
    private final ExecutorService decoder = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform()
            .daemon().name("fuzz-decoder").unstarted(r));

    @AfterEach
    void stop() {
        decoder.shutdownNow();
    }

    @Test
    void mutatedPayloadsOfEveryTopicDecodeOrAreRefusedWithAReasonInBoundedTime() throws Exception {
        List<TelemetryMessage> seeds = validMessages();
        List<byte[]> valid = seeds.stream().map(codec::encode).toList();
        Random random = new Random(SEED);
        List<String> findings = new ArrayList<>();
        long decoded = 0;
        long refused = 0;
        long slowestNanos = 0;
        byte[] slowest = null;
        TelemetryTopic slowestTopic = null;
        Map<String, Integer> problems = new TreeMap<>();
        for (int i = 0; i < INPUTS && findings.size() < 10; i++) {
            int which = random.nextInt(valid.size());
            byte[] input = mutate(random, valid.get(which), valid);
            TelemetryTopic topic = random.nextInt(10) == 0
                    ? TelemetryTopic.values()[random.nextInt(TelemetryTopic.values().length)]
                    : seeds.get(which).topic();
            long began = System.nanoTime();
            Future<TelemetryMessage> result = decoder.submit(() -> codec.decode(topic, input));
            try {
                result.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
                decoded++;
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof TelemetryFormatException refusal && !refusal.field().isBlank()
                        && refusal.problem() != null && !refusal.problem().isBlank()) {
                    refused++;
                    problems.merge(kindOf(refusal), 1, Integer::sum);
                } else {
                    findings.add(finding(i, topic, input, e.getCause().toString()));
                }
            } catch (TimeoutException e) {
                findings.add(finding(i, topic, input, "no answer within " + PER_INPUT));
                break;
            }
            long took = System.nanoTime() - began;
            if (took > slowestNanos) {
                slowestNanos = took;
                slowest = input;
                slowestTopic = topic;
            }
        }
        System.out.printf("telemetry fuzz (seed %d): %d inputs, %d decoded, %d refused with a reason, %d findings, "
                + "slowest %.1f ms%n", SEED, decoded + refused + findings.size(), decoded, refused, findings.size(),
                slowestNanos / 1e6);
        System.out.printf("the slowest input (%d bytes on %s) again: %.3f ms%n", slowest.length, slowestTopic,
                timeAgain(slowestTopic, slowest) / 1e6);
        problems.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(p -> System.out.printf("  %6d  %s%n", p.getValue(), p.getKey()));

        assertThat(findings).as("inputs (seed %d) that broke the decoder", SEED).isEmpty();
        assertThat(refused).as("most mutations must break the payload, or this proves little").isGreaterThan(
                INPUTS / 2);
        assertThat(decoded).as("some mutations keep a payload valid (a flipped digit)").isPositive();
    }

    /** The fastest of five more decodes: whether the input is slow, or the machine was busy the first time. */
    private long timeAgain(TelemetryTopic topic, byte[] input) {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long began = System.nanoTime();
            try {
                codec.decode(topic, input);
            } catch (TelemetryFormatException e) {
                // the outcome was checked in the run; only the time matters here
            }
            fastest = Math.min(fastest, System.nanoTime() - began);
        }
        return fastest;
    }

    /** A refusal's field and the start of its problem, without numbers: what kinds of refusal the run met. */
    private static String kindOf(TelemetryFormatException refusal) {
        String problem = refusal.problem().replaceAll("[0-9]+", "#");
        return refusal.field() + ": " + problem.substring(0, Math.min(problem.length(), 60));
    }

    private static String finding(int index, TelemetryTopic topic, byte[] input, String what) {
        String text = new String(input, 0, Math.min(input.length, 300), StandardCharsets.UTF_8);
        return "input " + index + " on " + topic + " (" + input.length + " bytes): " + what + " <- " + text;
    }

    private static List<TelemetryMessage> validMessages() {
        WorkInstructionId wi = new WorkInstructionId("WI-9");
        return List.of(TelemetryCodecTest.reading(),
                new ConnectionMessage(QC01, 0, AT, ConnectionState.CONNECTIONBROKEN),
                new Order(QC01, 3, AT, new WorkInstructionId("WI-7"), BOX, MoveKind.DISCHARGE,
                        Location.parse("vessel:CALL1/0340282"), Location.parse("equipment:TT042")),
                new InstantAction(QC01, 4, AT, InstantActionType.PAUSE),
                new Visualization(QC01, 5, AT, new Position(1, 2), new GeoPosition(51.9, 4.0), 10, 3),
                new ReeferReading(new EquipmentId("RMS-C01"), 6, AT, ContainerNumber.fromParts("MAE", 'U', 1),
                        YardSlot.of("C01", 3, 7, 1), -18, -17.6, -16.9, true,
                        List.of(ReeferAlarm.TEMPERATURE_OUT_OF_RANGE)),
                new EventMessage(QC01, 7, AT, new SpreaderLocked(BOX, new Position(10, 20),
                        Location.parse("vessel:CALL1/0340282"))),
                new EventMessage(QC01, 8, AT, new FaultRaised("HOIST_OVERLOAD", "hoist motor overload")),
                new EventMessage(QC01, 9, AT, new InstructionRejected(wi, "BUSY")),
                new EventMessage(QC01, 10, AT, new ReeferAlarmRaised(BOX, ReeferAlarm.UNPLUGGED_TOO_LONG, "2 h")));
    }

    /** One to three mutations, one after the other. */
    private static byte[] mutate(Random random, byte[] payload, List<byte[]> others) {
        byte[] input = payload;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            input = mutateOnce(random, input, others);
        }
        return input;
    }

    private static byte[] mutateOnce(Random random, byte[] payload, List<byte[]> others) {
        if (payload.length == 0) {
            return payload;
        }
        return switch (random.nextInt(11)) {
            case 0 -> flipBits(random, payload);
            case 1 -> Arrays.copyOf(payload, random.nextInt(payload.length));
            case 2 -> insert(random, payload, randomBytes(random));
            case 3 -> delete(random, payload);
            case 4 -> splice(random, payload, others.get(random.nextInt(others.size())));
            case 5 -> replaceToken(random, payload, NUMBER, HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)]);
            case 6 -> replaceToken(random, payload, random.nextBoolean() ? NUMBER : null, deepNesting(random));
            case 7 -> replaceToken(random, payload, random.nextBoolean() ? NUMBER : null,
                    WRONG_TYPES[random.nextInt(WRONG_TYPES.length)]);
            case 8 -> replaceToken(random, payload, null, "\"" + "\u00e9\\\"x".repeat(random.nextInt(1, 15_000))
                    + "\"");
            case 9 -> insert(random, payload, " ".repeat(Math.max(0, TelemetryCodec.MAX_PAYLOAD_BYTES - payload.length
                    + random.nextInt(-2, 3))).getBytes(StandardCharsets.UTF_8));
            default -> insert(random, payload, List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\"a\":",
                    ",\"machineId\":\"QC02\"").get(random.nextInt(10)).getBytes(StandardCharsets.UTF_8));
        };
    }

    private static byte[] flipBits(Random random, byte[] payload) {
        byte[] out = payload.clone();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    /** Random bytes, with the invalid UTF-8 sequences decoders trip on: overlong NUL, lone surrogate, 0xFF. */
    private static byte[] randomBytes(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new byte[] {(byte) 0xC0, (byte) 0x80};
            case 1 -> new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
            case 2 -> new byte[] {(byte) 0xFF, 0, (byte) 0xFE};
            default -> {
                byte[] bytes = new byte[1 + random.nextInt(16)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
    }

    private static byte[] insert(Random random, byte[] payload, byte[] bytes) {
        int at = random.nextInt(payload.length + 1);
        byte[] out = new byte[payload.length + bytes.length];
        System.arraycopy(payload, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(payload, at, out, at + bytes.length, payload.length - at);
        return out;
    }

    private static byte[] delete(Random random, byte[] payload) {
        int from = random.nextInt(payload.length);
        int to = Math.min(payload.length, from + 1 + random.nextInt(32));
        byte[] out = new byte[payload.length - (to - from)];
        System.arraycopy(payload, 0, out, 0, from);
        System.arraycopy(payload, to, out, from, payload.length - to);
        return out;
    }

    /** The head of one payload with the tail of another: valid JSON often, with fields of the wrong topic. */
    private static byte[] splice(Random random, byte[] head, byte[] tail) {
        int cut = random.nextInt(head.length);
        int from = random.nextInt(tail.length);
        byte[] out = Arrays.copyOf(head, cut + tail.length - from);
        System.arraycopy(tail, from, out, cut, tail.length - from);
        return out;
    }

    private static String deepNesting(Random random) {
        int depth = random.nextBoolean() ? random.nextInt(1, 2_000) : random.nextInt(2_000, 30_000);
        return random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /**
     * Replaces one random match of {@code number}, or of a JSON string when it is null, in the payload's text.
     * Strings are found by a scan: a regular expression recurses once per escape and overflows the stack on the
     * long strings this test makes.
     */
    private static byte[] replaceToken(Random random, byte[] payload, Pattern number, String replacement) {
        String text = new String(payload, StandardCharsets.UTF_8);
        List<int[]> matches = number == null ? strings(text) : new ArrayList<>();
        if (number != null) {
            Matcher matcher = number.matcher(text);
            while (matcher.find()) {
                matches.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        if (matches.isEmpty()) {
            return payload;
        }
        int[] match = matches.get(random.nextInt(matches.size()));
        return (text.substring(0, match[0]) + replacement + text.substring(match[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static List<int[]> strings(String text) {
        List<int[]> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (start >= 0 && c == '\\') {
                i++;
            } else if (c == '"') {
                if (start < 0) {
                    start = i;
                } else {
                    spans.add(new int[] {start, i + 1});
                    start = -1;
                }
            }
        }
        return spans;
    }
}
