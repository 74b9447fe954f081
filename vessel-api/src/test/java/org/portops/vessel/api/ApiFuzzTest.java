package org.portops.vessel.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.state.json.ModelJson;
import org.portops.vessel.api.ApiTerminal.Response;
import org.portops.vessel.api.auth.AuthSettings;

/**
 * The vessel API's write operations fed seeded random mutations of valid requests (values of the wrong type,
 * huge and malformed numbers, fields dropped or added, deep nesting, broken JSON text): the answer is never a 5xx,
 * a refusal is a JSON error that says what was wrong, and a refused request changes nothing — the call, its
 * schedule, its bay plan and the audit trail read as before. Seed and request are in every failure message;
 * {@code -Dportops.fuzz.seed=N -Dportops.fuzz.inputs=M} run another campaign.
 */
class ApiFuzzTest {

    private static final long SEED = Long.getLong("portops.fuzz.seed", 20261124L);
    private static final int INPUTS = Integer.getInteger("portops.fuzz.inputs", 300);
    private static ApiTerminal terminal;
    private static String line;

    @BeforeAll
    static void start() {
        // the rate limit is ApiEdgeTest's subject; a fast machine's fuzz run would meet it and read 429s back
        terminal = new ApiTerminal(AuthSettings.hmac(ApiTerminal.SECRET).withRateLimit(100_000, 100_000));
        line = terminal.lineToken(ApiTerminal.LINE_A);
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    /** What a request may change: the call as read, its lists, and its audit trail. */
    private record CallState(String call, String loadList, String dischargeList, List<String> audit) {
    }

    private static CallState state(String id) {
        String path = "/api/v1/vessel-calls/" + id;
        return new CallState(terminal.get(path, line).body(), terminal.get(path + "/load-list", line).body(),
                terminal.get(path + "/discharge-list", line).body(), terminal.audited(id));
    }

    @Test
    void mutatedRequestsAreNeverA5xxAndARefusedOneChangesNothing() {
        Random random = new Random(SEED);
        String id = "FZ-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = terminal.send("POST", "/api/v1/vessel-calls", line,
                ApiTerminal.newCall(id, ApiTerminal.LINE_A));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        List<Container> containers = List.of(ApiTerminal.container(ApiTerminal.LINE_A),
                ApiTerminal.container(ApiTerminal.LINE_A), ApiTerminal.container(ApiTerminal.LINE_A));
        int refused = 0;
        int applied = 0;
        for (int input = 0; input < INPUTS; input++) {
            CallState before = state(id);
            String what;
            String method;
            String path;
            String body;
            String newCallId = null;
            switch (random.nextInt(3)) {
                case 0 -> {
                    newCallId = "FZ-" + Long.toHexString(random.nextLong() & 0xFFFFFFFL);
                    what = "create";
                    method = "POST";
                    path = "/api/v1/vessel-calls";
                    body = Mutations.mutate(ApiTerminal.newCall(newCallId, ApiTerminal.LINE_A), random);
                }
                case 1 -> {
                    what = "schedule";
                    method = "PATCH";
                    path = "/api/v1/vessel-calls/" + id + "/schedule";
                    body = Mutations.mutate(new JsonObject().put("eta", "2026-12-01T07:00:00Z")
                            .put("etd", "2026-12-02T20:00:00Z"), random);
                }
                default -> {
                    what = "bay plan";
                    method = "PUT";
                    path = "/api/v1/vessel-calls/" + id + "/bay-plan";
                    body = Mutations.mutate(bayPlan(containers, random), random);
                }
            }
            Response response = terminal.send(method, path, line, body);
            String context = "seed " + SEED + " input " + input + " (" + what + "): " + body + "\n-> " + response;
            assertThat(response.status()).as(context).isLessThan(500);
            if (response.status() >= 400) {
                refused++;
                assertThat(response.json().getString("error")).as(context).isNotBlank();
                assertThat(state(id)).as(context).isEqualTo(before);
                if (newCallId != null && !newCallId.equals(id)) {
                    assertThat(terminal.get("/api/v1/vessel-calls/" + newCallId, line).status()).as(context)
                            .isEqualTo(404);
                }
            } else {
                applied++;
            }
        }
        System.err.printf("ApiFuzzTest seed %d: %d inputs, %d refused with a 4xx, %d applied, 0 server errors%n",
                SEED, INPUTS, refused, applied);
        assertThat(refused).as("the mutations must mostly break the requests").isGreaterThan(INPUTS / 2);
    }

    private static JsonObject bayPlan(List<Container> containers, Random random) {
        JsonArray entries = new JsonArray();
        String[] slots = {"0010282", "0030282", "0050282"};
        for (int i = 0; i < containers.size(); i++) {
            entries.add(new JsonObject().put("slot", slots[i])
                    .put("action", random.nextBoolean() ? "LOAD" : "DISCHARGE")
                    .put("container", ModelJson.container(containers.get(i))));
        }
        return new JsonObject().put("entries", entries);
    }

    /** Structure-aware and byte-level mutations of a JSON request. */
    static final class Mutations {

        private static final List<Object> ODD_VALUES = List.of("", " ", "\u0000", "\ud800", "9".repeat(400), -1,
                0, Long.MIN_VALUE, Double.MAX_VALUE, true, new JsonArray(), new JsonObject(), "2026-02-30T25:61:00Z",
                "NaN", "<script>", "' or 1=1 --", "ÄÖÜ漢字", "a".repeat(70_000));

        /** Stands for a value nested deeper than the test's own JSON encoder may write; spliced in as text. */
        private static final String DEEP = "@@deep@@";

        private Mutations() {
        }

        static String mutate(JsonObject valid, Random random) {
            int rounds = 1 + random.nextInt(3);
            JsonObject json = valid.copy();
            String text = null;
            int depth = random.nextInt(3) == 0 ? 5_000 : 50;
            for (int i = 0; i < rounds; i++) {
                switch (random.nextInt(8)) {
                    case 0 -> replaceValue(json, random, odd(random));
                    case 1 -> removeField(json, random);
                    case 2 -> json.put("unexpected" + random.nextInt(3), odd(random));
                    case 3 -> replaceValue(json, random, DEEP);
                    case 4 -> replaceValue(json, random, null);
                    default -> text = textMutation(text == null ? json.encode() : text, random);
                }
            }
            String encoded = text != null ? text : json.encode();
            return encoded.replace("\"" + DEEP + "\"", "[".repeat(depth) + "\"deep\"" + "]".repeat(depth));
        }

        /** One of the odd values; a fresh empty array or object each time, since later rounds may fill it. */
        private static Object odd(Random random) {
            return switch (ODD_VALUES.get(random.nextInt(ODD_VALUES.size()))) {
                case JsonObject object -> object.copy();
                case JsonArray array -> array.copy();
                case Object value -> value;
            };
        }

        private static String textMutation(String text, Random random) {
            StringBuilder out = new StringBuilder(text);
            int at = random.nextInt(out.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> out.setLength(at);
                case 1 -> out.insert(at, "{[\",:}]".charAt(random.nextInt(7)));
                case 2 -> {
                    if (at < out.length()) {
                        out.setCharAt(at, (char) (out.charAt(at) ^ (1 << random.nextInt(7))));
                    }
                }
                case 3 -> out.insert(at, "1e99999");
                default -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(20)));
            }
            return out.toString();
        }

        private static void removeField(JsonObject json, Random random) {
            JsonObject target = someObject(json, random);
            List<String> names = new ArrayList<>(target.fieldNames());
            if (!names.isEmpty()) {
                target.remove(names.get(random.nextInt(names.size())));
            }
        }

        private static void replaceValue(JsonObject json, Random random, Object value) {
            JsonObject target = someObject(json, random);
            List<String> names = new ArrayList<>(target.fieldNames());
            if (!names.isEmpty()) {
                target.put(names.get(random.nextInt(names.size())), value);
            }
        }

        /** The object itself or one nested in it (a vessel, a bay-plan entry, a container). */
        private static JsonObject someObject(JsonObject json, Random random) {
            List<JsonObject> objects = new ArrayList<>();
            collect(json, objects);
            return objects.get(random.nextInt(objects.size()));
        }

        private static void collect(Object value, List<JsonObject> objects) {
            if (value instanceof JsonObject object) {
                objects.add(object);
                object.forEach(field -> collect(field.getValue(), objects));
            } else if (value instanceof JsonArray array) {
                array.forEach(element -> collect(element, objects));
            }
        }
    }
}
