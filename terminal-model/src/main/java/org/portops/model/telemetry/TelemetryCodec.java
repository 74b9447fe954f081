package org.portops.model.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * JSON encoding and decoding of every payload of the PortOps MQTT contract ({@code docs/telemetry.md}). Decoding
 * refuses bad input with a {@link TelemetryFormatException} naming the field and the problem: not JSON, not an
 * object, a field missing, of the wrong type, out of range, or not a valid id. Thread-safe; keep one.
 */
public final class TelemetryCodec {

    /** Payloads above this are refused before parsing: a reading is about 600 bytes. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final TelemetryEncoder encoder = new TelemetryEncoder(mapper);
    private final TelemetryDecoder decoder = new TelemetryDecoder();
    private final StateStreamDecoder stateStream = new StateStreamDecoder(mapper.getFactory());

    public byte[] encode(TelemetryMessage message) {
        try {
            return mapper.writeValueAsBytes(encoder.encode(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.topic() + " of " + message.machineId(), e);
        }
    }

    /** Decodes the payload of {@code topic}; the result's type follows the topic (a {@link StateReading} for STATE). */
    public TelemetryMessage decode(TelemetryTopic topic, byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new TelemetryFormatException("payload", "is empty");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new TelemetryFormatException("payload", "is " + payload.length + " bytes, more than "
                    + MAX_PAYLOAD_BYTES);
        }
        if (topic == TelemetryTopic.STATE) {
            StateReading reading = stateStream.decodeOrNull(payload);
            if (reading != null) {
                return reading;
            }
        }
        return decodeTree(topic, payload);
    }

    /** Decodes through a JSON tree: every topic, and the judge of every state reading the stream decoder declines. */
    TelemetryMessage decodeTree(TelemetryTopic topic, byte[] payload) {
        JsonNode tree;
        try {
            tree = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new TelemetryFormatException("payload", "is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TelemetryFormatException("payload", "cannot be read: " + e.getMessage(), e);
        }
        try {
            return decoder.decode(topic, new JsonFields(tree, ""));
        } catch (TelemetryFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new TelemetryFormatException("payload", e.getMessage(), e);
        }
    }

    public StateReading decodeState(byte[] payload) {
        return (StateReading) decode(TelemetryTopic.STATE, payload);
    }

    public EventMessage decodeEvent(byte[] payload) {
        return (EventMessage) decode(TelemetryTopic.EVENTS, payload);
    }

    public ConnectionMessage decodeConnection(byte[] payload) {
        return (ConnectionMessage) decode(TelemetryTopic.CONNECTION, payload);
    }

    public Order decodeOrder(byte[] payload) {
        return (Order) decode(TelemetryTopic.ORDER, payload);
    }

    public InstantAction decodeInstantAction(byte[] payload) {
        return (InstantAction) decode(TelemetryTopic.INSTANT_ACTIONS, payload);
    }

    public Visualization decodeVisualization(byte[] payload) {
        return (Visualization) decode(TelemetryTopic.VISUALIZATION, payload);
    }

    public ReeferReading decodeReefer(byte[] payload) {
        return (ReeferReading) decode(TelemetryTopic.REEFER, payload);
    }
}
