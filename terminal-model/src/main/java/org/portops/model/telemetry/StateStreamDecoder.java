package org.portops.model.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;

/**
 * Decodes a well-formed {@code state} reading straight from the parser's tokens, without building a JSON tree (the
 * tree was a fifth of the ingest's event-loop time). It only recognises good readings: at the first thing that is
 * not plainly valid (bad JSON, a missing, null-where-required, mistyped or repeated field, a value a record refuses)
 * it returns null and the caller decodes the payload again on the tree path, which names the problem. So bad input
 * gets exactly the tree decoder's error, and the reasons quarantined messages are stored with cannot drift.
 */
final class StateStreamDecoder {

    /** Thrown inside to give up; carries no stack trace because giving up is ordinary control flow here. */
    private static final class Declined extends RuntimeException {
        Declined() {
            super("not a plainly valid state reading", null, false, false);
        }
    }

    private static final Declined DECLINED = new Declined();

    private final JsonFactory factory;

    StateStreamDecoder(JsonFactory factory) {
        this.factory = factory;
    }

    /** The reading in {@code payload}, or null when the tree decoder must decide (and explain) what is wrong. */
    StateReading decodeOrNull(byte[] payload) {
        try (JsonParser parser = factory.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Draft draft = new Draft();
            draft.readTop(parser);
            if (parser.nextToken() != null) {
                return null;
            }
            return draft.reading();
        } catch (IOException | RuntimeException e) {
            // Whatever failed, the tree decoder reproduces it with the contract's field name and message.
            return null;
        }
    }

    /** The fields of one reading as they are read; unset required fields decline when the reading is built. */
    private static final class Draft {
        private long seen;
        private String machineId;
        private long sequence = -1;
        private String timestamp;
        private String kind;
        private double x = Double.NaN;
        private double y = Double.NaN;
        private double latitude = Double.NaN;
        private double longitude = Double.NaN;
        private double heading = Double.NaN;
        private double speed = Double.NaN;
        private String status;
        private Boolean locked;
        private Boolean twin;
        private boolean spreader;
        private String load;
        private long loadWeight = -1;
        private Double hoist;
        private Double trolley;
        private double motor = Double.NaN;
        private double vibration = Double.NaN;
        private Double energy;
        private List<String> faultCodes;

        void readTop(JsonParser p) throws IOException {
            long fields = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                int bit = switch (name) {
                    case "machineId" -> 0;
                    case "sequence" -> 1;
                    case "timestamp" -> 2;
                    case "kind" -> 3;
                    case "position" -> 4;
                    case "geo" -> 5;
                    case "headingDeg" -> 6;
                    case "speedMps" -> 7;
                    case "status" -> 8;
                    case "spreader" -> 9;
                    case "load" -> 10;
                    case "loadWeightKg" -> 11;
                    case "hoistHeightM" -> 12;
                    case "trolleyPositionM" -> 13;
                    case "motorTempC" -> 14;
                    case "vibrationRmsMmS" -> 15;
                    case "energyPct" -> 16;
                    case "faultCodes" -> 17;
                    default -> -1;
                };
                if (bit < 0) {
                    p.skipChildren();
                    continue;
                }
                fields = once(fields, bit);
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (bit) {
                    case 0 -> machineId = text(p);
                    case 1 -> sequence = integer(p);
                    case 2 -> timestamp = text(p);
                    case 3 -> kind = text(p);
                    case 4 -> readPosition(p);
                    case 5 -> readGeo(p);
                    case 6 -> heading = number(p);
                    case 7 -> speed = number(p);
                    case 8 -> status = text(p);
                    case 9 -> readSpreader(p);
                    case 10 -> load = text(p);
                    case 11 -> loadWeight = integer(p);
                    case 12 -> hoist = number(p);
                    case 13 -> trolley = number(p);
                    case 14 -> motor = number(p);
                    case 15 -> vibration = number(p);
                    case 16 -> energy = number(p);
                    default -> faultCodes = texts(p);
                }
                seen |= 1L << bit;
            }
        }

        private void readPosition(JsonParser p) throws IOException {
            startObject(p);
            long fields = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "x" -> {
                        fields = once(fields, 0);
                        x = number(p);
                    }
                    case "y" -> {
                        fields = once(fields, 1);
                        y = number(p);
                    }
                    default -> p.skipChildren();
                }
            }
        }

        private void readGeo(JsonParser p) throws IOException {
            startObject(p);
            long fields = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "lat" -> {
                        fields = once(fields, 0);
                        latitude = number(p);
                    }
                    case "lon" -> {
                        fields = once(fields, 1);
                        longitude = number(p);
                    }
                    default -> p.skipChildren();
                }
            }
        }

        private void readSpreader(JsonParser p) throws IOException {
            startObject(p);
            long fields = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "locked" -> {
                        fields = once(fields, 0);
                        locked = bool(p);
                    }
                    case "twin" -> {
                        fields = once(fields, 1);
                        twin = bool(p);
                    }
                    default -> p.skipChildren();
                }
            }
            spreader = true;
        }

        StateReading reading() {
            // Required fields: all but spreader (9), load (10), hoist (12), trolley (13) and energy (16).
            long required = (1L << 18) - 1 & ~(1L << 9 | 1L << 10 | 1L << 12 | 1L << 13 | 1L << 16);
            if ((seen & required) != required || (spreader && (locked == null || twin == null))) {
                throw DECLINED;
            }
            if (loadWeight < Integer.MIN_VALUE || loadWeight > Integer.MAX_VALUE) {
                throw DECLINED;
            }
            return new StateReading(new EquipmentId(machineId), sequence, UtcInstants.parse(timestamp),
                    EquipmentKind.valueOf(kind), new Position(x, y), new GeoPosition(latitude, longitude), heading,
                    speed, EquipmentStatus.valueOf(status), spreader ? new Spreader(locked, twin) : null,
                    load == null ? null : new ContainerNumber(load), (int) loadWeight, hoist, trolley, motor,
                    vibration, energy, faultCodes);
        }
    }

    /** Marks a field as read, declining a repeated one (the tree would keep the last; rare enough to leave to it). */
    private static long once(long fields, int bit) {
        if ((fields & 1L << bit) != 0) {
            throw DECLINED;
        }
        return fields | 1L << bit;
    }

    private static void startObject(JsonParser p) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw DECLINED;
        }
    }

    private static String text(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw DECLINED;
        }
        return p.getText();
    }

    private static double number(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
            throw DECLINED;
        }
        return p.getDoubleValue();
    }

    private static long integer(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw DECLINED;
        }
        JsonParser.NumberType type = p.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw DECLINED;
        }
        return p.getLongValue();
    }

    private static boolean bool(JsonParser p) {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw DECLINED;
        }
        return token == JsonToken.VALUE_TRUE;
    }

    private static List<String> texts(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw DECLINED;
        }
        List<String> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(text(p));
        }
        return items;
    }
}
