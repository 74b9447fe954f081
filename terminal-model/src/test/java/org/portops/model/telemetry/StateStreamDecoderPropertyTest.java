package org.portops.model.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;

/**
 * The streaming {@code state} decoder against the tree decoder on seeded random payloads: a valid reading, however
 * its fields are ordered, spaced or padded with unknown fields, decodes on the stream to the same record; a broken
 * one ends with the same outcome (the same record, or the same field and problem) as on the tree path.
 */
class StateStreamDecoderPropertyTest {

    private static final int CASES = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] MACHINES = {"QC01", "RTG-07", "TT042", "SC3", "AGV-1234"};

    private final TelemetryCodec codec = new TelemetryCodec();
    private final StateStreamDecoder stream = new StateStreamDecoder(new ObjectMapper().getFactory());

    @Test
    void validReadingsDecodeOnTheStreamToTheTreeDecodersRecord() throws Exception {
        for (long seed = 0; seed < CASES; seed++) {
            Random random = new Random(seed);
            StateReading reading = randomReading(random);
            byte[] payload = relayout(random, (ObjectNode) JSON.readTree(codec.encode(reading)));
            String context = "seed " + seed + ": " + new String(payload, StandardCharsets.UTF_8);

            assertThat(stream.decodeOrNull(payload)).as(context).isEqualTo(reading);
            assertThat(codec.decodeTree(TelemetryTopic.STATE, payload)).as(context).isEqualTo(reading);
        }
    }

    @Test
    void brokenReadingsGetTheTreeDecodersOutcome() throws Exception {
        int refused = 0;
        for (long seed = 0; seed < CASES; seed++) {
            Random random = new Random(seed);
            ObjectNode tree = (ObjectNode) JSON.readTree(codec.encode(randomReading(random)));
            byte[] payload = mutate(random, tree);
            String context = "seed " + seed + ": " + new String(payload, StandardCharsets.UTF_8);

            String expected = outcome(() -> codec.decodeTree(TelemetryTopic.STATE, payload));
            assertThat(outcome(() -> codec.decode(TelemetryTopic.STATE, payload))).as(context).isEqualTo(expected);
            if (expected.startsWith("refused")) {
                refused++;
            }
        }
        // The mutations must mostly break readings, or this test would prove little about error messages.
        assertThat(refused).isGreaterThan(CASES / 2);
    }

    @Test
    void timestampFastPathAgreesWithInstantParse() {
        for (long seed = 0; seed < CASES * 10; seed++) {
            Random random = new Random(seed);
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L));
            String text = String.format("%tFT%<tT.%<tLZ", instant.atOffset(java.time.ZoneOffset.UTC));
            if (random.nextInt(3) == 0) {
                char[] chars = text.toCharArray();
                chars[random.nextInt(chars.length)] = "0123456789-:TZ.+ x"
                        .charAt(random.nextInt(18));
                text = new String(chars);
            }
            String finalText = text;
            assertThat(outcome(() -> UtcInstants.parse(finalText))).as("seed " + seed + ": " + text)
                    .isEqualTo(outcome(() -> Instant.parse(finalText)));
        }
        assertThat(UtcInstants.fixedLayout("2024-02-29T23:59:59.999Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
        assertThat(UtcInstants.fixedLayout("2026-11-24T06:00:00Z")).as("other layouts go to Instant.parse").isNull();
    }

    static StateReading randomReading(Random random) {
        Position position = new Position(random.nextDouble(-50, 2_000), random.nextDouble(-50, 800));
        boolean crane = random.nextBoolean();
        List<String> faults = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            faults.add("F" + random.nextInt(1_000));
        }
        return new StateReading(new EquipmentId(MACHINES[random.nextInt(MACHINES.length)]),
                random.nextLong(0, 1L << 40), Instant.ofEpochMilli(random.nextLong(1_700_000_000_000L,
                2_000_000_000_000L)), pick(random, EquipmentKind.values()), position,
                GeoReference.SAMPLE.toWgs84(position), random.nextDouble(0, 360), random.nextDouble(0, 100),
                pick(random, EquipmentStatus.values()),
                crane ? new Spreader(random.nextBoolean(), random.nextBoolean()) : null,
                random.nextBoolean() ? ContainerNumber.fromParts("MSC", 'U', random.nextInt(1_000_000)) : null,
                random.nextInt(100_001), crane ? random.nextDouble(-40, 80) : null,
                crane ? random.nextDouble(-100, 100) : null, random.nextDouble(-50, 200), random.nextDouble(0, 100),
                crane ? null : random.nextDouble(0, 100), faults);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The same reading laid out differently: field order, unknown fields, explicit nulls, spacing. */
    private static byte[] relayout(Random random, ObjectNode tree) throws Exception {
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        Collections.shuffle(names, random);
        ObjectNode shuffled = NODES.objectNode();
        for (String name : names) {
            shuffled.set(name, tree.get(name));
        }
        for (String optional : List.of("spreader", "load", "hoistHeightM", "trolleyPositionM", "energyPct")) {
            if (!shuffled.has(optional) && random.nextBoolean()) {
                shuffled.putNull(optional);
            }
        }
        if (random.nextBoolean()) {
            shuffled.set("firmware", NODES.objectNode().put("version", "1.2").set("modules",
                    NODES.arrayNode().add(1).add(NODES.objectNode().put("x", "y"))));
        }
        if (random.nextBoolean()) {
            ((ObjectNode) shuffled.get("position")).put("z", 3.5);
        }
        return random.nextBoolean() ? JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(shuffled)
                : JSON.writeValueAsBytes(shuffled);
    }

    private static final String[] FIELDS = {"machineId", "sequence", "timestamp", "kind", "position", "geo",
        "headingDeg", "speedMps", "status", "spreader", "load", "loadWeightKg", "hoistHeightM", "trolleyPositionM",
        "motorTempC", "vibrationRmsMmS", "energyPct", "faultCodes", "position.x", "position.y", "geo.lat",
        "geo.lon", "spreader.locked", "spreader.twin"};

    /** One random way of breaking (or sometimes not breaking) a reading. */
    private static byte[] mutate(Random random, ObjectNode tree) throws Exception {
        String field = FIELDS[random.nextInt(FIELDS.length)];
        ObjectNode owner = owner(tree, field);
        String name = field.contains(".") ? field.substring(field.indexOf('.') + 1) : field;
        switch (random.nextInt(7)) {
            case 0 -> {
                if (owner != null) {
                    owner.remove(name);
                }
            }
            case 1 -> {
                if (owner != null) {
                    owner.set(name, randomValue(random));
                }
            }
            case 2 -> tree.put("timestamp", corrupt(random, tree.get("timestamp").asText()));
            case 3 -> tree.put(random.nextBoolean() ? "machineId" : "load",
                    corrupt(random, random.nextBoolean() ? "QC01" : "MSCU1234566"));
            case 4 -> {
                String json = JSON.writeValueAsString(tree);
                String duplicate = "\"" + name + "\":" + JSON.writeValueAsString(randomValue(random)) + ",";
                return ("{" + duplicate + json.substring(1)).getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                byte[] bytes = JSON.writeValueAsBytes(tree);
                int at = random.nextInt(bytes.length);
                byte[] broken = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, broken, 0, at);
                System.arraycopy(bytes, at + 1, broken, at, bytes.length - at - 1);
                return broken;
            }
            default -> {
                String trailing = List.of(" {}", "x", " ]", " 1", "\n").get(random.nextInt(5));
                return (JSON.writeValueAsString(tree) + trailing).getBytes(StandardCharsets.UTF_8);
            }
        }
        return JSON.writeValueAsBytes(tree);
    }

    private static ObjectNode owner(ObjectNode tree, String field) {
        if (!field.contains(".")) {
            return tree;
        }
        JsonNode parent = tree.get(field.substring(0, field.indexOf('.')));
        return parent instanceof ObjectNode object ? object : null;
    }

    private static JsonNode randomValue(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("x" + random.nextInt(10));
            case 2 -> NODES.numberNode(random.nextInt(-5, 400));
            case 3 -> NODES.numberNode(random.nextDouble(-1_000, 1_000));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.objectNode().put("x", 1).put("y", 2);
            case 6 -> NODES.arrayNode().add("F1").add(random.nextInt(3));
            case 7 -> NODES.numberNode(new BigInteger("98765432109876543210"));
            case 8 -> NODES.numberNode(1e300 * (random.nextBoolean() ? 1 : -1));
            case 9 -> NODES.numberNode(random.nextLong(Integer.MAX_VALUE + 1L, Long.MAX_VALUE));
            case 10 -> NODES.textNode(pick(random, EquipmentStatus.values()).name());
            default -> NODES.numberNode(-random.nextLong(1, 1L << 40));
        };
    }

    private static String corrupt(Random random, String text) {
        char[] chars = text.toCharArray();
        chars[random.nextInt(chars.length)] = "0123456789-:TZ.+ xU".charAt(random.nextInt(19));
        return new String(chars);
    }

    private static String outcome(ThrowingSupplier decode) {
        try {
            return "decoded " + decode.get();
        } catch (TelemetryFormatException e) {
            return "refused " + e.field() + ": " + e.problem();
        } catch (Exception e) {
            return "failed " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private interface ThrowingSupplier {
        Object get() throws Exception;
    }
}
