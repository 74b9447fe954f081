package org.portops.map.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.map.testsupport.LiveTerminal;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.work.MoveKind;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardSlot;
import org.portops.state.ChangeResult;
import org.portops.state.ContainerView;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.StackView;
import org.portops.vessel.api.auth.Role;

/**
 * {@code GET /api/map/stream} read as a browser's EventSource reads it, against a real live yard: the snapshot
 * first, then the live yard's changes as coalesced deltas, never one message per reading.
 */
class MapStreamTest {

    private static final EquipmentId TRACTOR = new EquipmentId("TT001");
    private static LiveTerminal terminal;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One server-sent event. */
    record Event(String name, JsonObject data) {
    }

    @BeforeAll
    static void start() {
        terminal = new LiveTerminal("map-stream");
        terminal.serve();
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    @Test
    void streamStartsWithTheWholeTerminalThenCarriesAMoveAsADelta() throws Exception {
        BlockingQueue<Event> events = open();
        Event first = events.poll(20, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.name()).isEqualTo("snapshot");
        List<ContainerView> containers = await(terminal.yard.reader().containers());
        assertThat(first.data().getJsonArray("containers")).hasSize(containers.size());

        ContainerView box = topOfAStack(containers);
        YardSlot to = emptyGroundSlot();
        MoveResult moved = await(terminal.yard.move(MoveRequest.of(box.container().number(), MoveKind.YARD_SHIFT,
                box.location(), new YardLocation(to))));
        assertThat(moved).isInstanceOf(MoveResult.Accepted.class);

        JsonArray sent = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (sent == null && System.nanoTime() < deadline) {
            Event event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event.name().equals("delta")) {
                for (Object c : event.data().getJsonArray("containers")) {
                    if (((JsonArray) c).getString(0).equals(box.container().number().value())) {
                        sent = (JsonArray) c;
                    }
                }
            }
        }
        assertThat(sent).as("the move of %s in a delta within 2 s", box.container().number()).isNotNull();
        assertThat(sent.getString(1)).isEqualTo(new YardLocation(to).toString());
    }

    @Test
    void twentyReadingsOfAMachineInQuickSuccessionReachTheBrowserAsAFewWithTheLast() throws Exception {
        BlockingQueue<Event> events = open();
        assertThat(events.poll(20, TimeUnit.SECONDS).name()).isEqualTo("snapshot");
        Instant now = Instant.now();
        List<Future<ChangeResult>> updates = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            updates.add(terminal.yard.updateEquipment(new EquipmentState(TRACTOR, EquipmentKind.TERMINAL_TRACTOR,
                    new Position(100 + i, 50), 90, 5, EquipmentStatus.WORKING, Spreader.UNLOCKED, null, List.of(),
                    now.plusMillis(i * 10L))));
        }
        updates.forEach(update -> assertThat(await(update)).isEqualTo(ChangeResult.APPLIED));

        List<Double> positions = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline && (positions.isEmpty() || positions.getLast() != 120.0)) {
            Event event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event.name().equals("delta")) {
                for (Object m : event.data().getJsonArray("machines")) {
                    JsonObject machine = (JsonObject) m;
                    if (machine.getString("id").equals(TRACTOR.value())) {
                        positions.add(machine.getDouble("x"));
                    }
                }
            }
        }
        assertThat(positions).as("positions of %s sent to the browser", TRACTOR).isNotEmpty().hasSizeLessThan(20);
        assertThat(positions.getLast()).isEqualTo(120.0);
    }

    private static BlockingQueue<Event> open() {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HTTP.sendAsync(HttpRequest.newBuilder(URI.create(terminal.url("/api/map/stream")))
                        .header("Authorization", "Bearer " + terminal.token("controller", Role.OPERATOR)).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> read(response.body(), events));
        return events;
    }

    private static void read(Stream<String> lines, BlockingQueue<Event> events) {
        String[] name = {null};
        lines.forEach(line -> {
            if (line.startsWith("event: ")) {
                name[0] = line.substring(7);
            } else if (line.startsWith("data: ")) {
                events.add(new Event(name[0], new JsonObject(line.substring(6))));
            }
        });
    }

    private static ContainerView topOfAStack(List<ContainerView> containers) {
        for (ContainerView view : containers) {
            if (view.location() instanceof YardLocation at && view.container().length().yardBays() == 1) {
                StackView stack = await(terminal.yard.reader().stack(at.slot().stack()));
                if (stack.containers().getLast().equals(view.container().number())) {
                    return view;
                }
            }
        }
        throw new AssertionError("no 20' box on top of a stack");
    }

    private static YardSlot emptyGroundSlot() {
        for (var block : terminal.layout.blocks()) {
            for (int bay = 1; bay <= block.bays(); bay++) {
                for (int row = 1; row <= block.rows(); row++) {
                    StackId stack = StackId.of(block.id().value(), bay, row);
                    if (!block.hasPlug(stack) && await(terminal.yard.reader().stack(stack)).height() == 0) {
                        return YardSlot.of(block.id().value(), bay, row, 1);
                    }
                }
            }
        }
        throw new AssertionError("the test terminal has no empty stack");
    }
}
