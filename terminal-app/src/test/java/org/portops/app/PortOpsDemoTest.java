package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.portops.app.config.Setting;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.layout.TerminalBounds;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.work.Location;
import org.portops.state.ContainerView;

/**
 * {@code portops demo} in-process: the simulated terminal's telemetry, through the embedded broker and the ingest,
 * drives the live yard; and after a restart on the same data directory the simulator starts from the live yard, so
 * its moves keep being accepted. Simulated time runs ten times as fast as the wall clock, PortOps's clock with it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortOpsDemoTest {

    private static final double SPEED_UP = 10;
    private static final int MACHINES = 30;
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final TerminalBounds BOUNDS = TerminalBounds.of(TerminalLayoutLoader.sample());

    @TempDir
    static Path dataDir;
    private static Map<Setting, String> settings;
    private static PortOps demo;

    @BeforeAll
    static void settings() {
        settings = Launch.isolated(dataDir, FreePorts.next(), FreePorts.next());
        settings.put(Setting.SIM_MACHINES, Integer.toString(MACHINES));
        settings.put(Setting.SIM_RATE, "2");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.stop();
        }
    }

    @Test
    @Order(1)
    void simulatedTelemetryUpdatesEquipmentAndMovesContainersInTheLiveYard() throws Exception {
        demo = Launch.demo(settings, SPEED_UP);
        Instant started = demo.liveYard().reader().summary().await(10, TimeUnit.SECONDS).at();
        Set<EquipmentId> simulated = demo.simulator().engine().machines().stream()
                .filter(id -> !id.value().startsWith("RMS-")).collect(Collectors.toSet());

        eventually(() -> assertThat(equipment(simulated)).hasSize(simulated.size()).allSatisfy(state -> {
            assertThat(state.lastSeen()).as("%s last seen", state.id()).isAfter(started);
            assertThat(BOUNDS.inside(state.position())).as("%s at %s inside the terminal", state.id(),
                    state.position()).isTrue();
        }));
        Instant firstSeen = equipment(simulated).getFirst().lastSeen();
        eventually(() -> assertThat(equipment(simulated).getFirst().lastSeen()).isAfter(firstSeen));
        eventually(() -> assertThat(count("select count(*) from telemetry_event where outcome = 'MOVED' "
                + "and move_seq is not null")).isGreaterThanOrEqualTo(3));

        Row lastMove = rows("select container, location, move_seq from telemetry_event where outcome = 'MOVED' "
                + "and move_seq is not null order by id desc limit 1").getFirst();
        ContainerNumber moved = ContainerNumber.of(lastMove.getString("container"));
        eventually(() -> assertThat(demo.liveYard().reader().container(moved).await(10, TimeUnit.SECONDS)
                .map(ContainerView::location)).as("%s stands where the machine set it down", moved)
                .contains(Location.parse(lastMove.getString("location"))));
        assertThat(count("select count(*) from move_log where seq = " + lastMove.getLong("move_seq"))).isOne();
        assertThat(rows("select reason_code, reason_text from telemetry_quarantine"))
                .as("readings of clean simulated traffic refused").extracting(Row::toJson).isEmpty();
        assertThat(refusedMoves(0)).as("refused moves: only boxes arriving at the gate, whose master data "
                + "telemetry does not carry").allSatisfy(reason -> assertThat(reason).contains("without master data"));

        // the only node keeps each planner's first term: the lease runs on wall-clock time, not the sped-up clock
        assertThat(rows("select planner, token, expires_at > clock_timestamp() as live from planner_lease"))
                .as("planner terms of the demo").extracting(Row::toJson).isNotEmpty()
                .allSatisfy(term -> assertThat(term.getLong("token")).as(term.encode()).isOne())
                .allSatisfy(term -> assertThat(term.getBoolean("live")).as(term.encode()).isTrue());

        HttpResponse<String> health = Launch.get(demo, "/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(new JsonObject(health.body()).getJsonObject("checks").getJsonObject("ingest").getString("status"))
                .isEqualTo("UP");
    }

    @Test
    @Order(2)
    void restartedDemoStartsFromTheLiveYardAndItsMovesAreAccepted() throws Exception {
        if (demo == null) {
            demo = Launch.demo(settings, SPEED_UP);
            eventually(() -> assertThat(count("select count(*) from telemetry_event where outcome = 'MOVED' "
                    + "and move_seq is not null")).isPositive());
        }
        demo.stop();
        demo = null;

        demo = Launch.demo(settings, SPEED_UP);
        assertThat(demo.liveYard().startup().seeded()).isFalse();
        long before = count("select coalesce(max(id), 0) from telemetry_event");
        long lastSequence = count("select coalesce(max(seq), 0) from move_log");

        eventually(() -> assertThat(count("select count(*) from telemetry_event where id > " + before
                + " and outcome = 'MOVED' and move_seq > " + lastSequence)).isGreaterThanOrEqualTo(3));
        assertThat(refusedMoves(before)).as("moves refused after the restart")
                .allSatisfy(reason -> assertThat(reason).contains("without master data").doesNotContain(", not at "));
        assertThat(Launch.get(demo, "/health").statusCode()).isEqualTo(200);
    }

    private static List<EquipmentState> equipment(Set<EquipmentId> ids) throws Exception {
        return demo.liveYard().reader().equipment().await(10, TimeUnit.SECONDS).stream()
                .filter(state -> ids.contains(state.id())).toList();
    }

    private static List<String> refusedMoves(long afterId) {
        return rows("select outcome_text from telemetry_event where outcome = 'MOVE_REFUSED' and id > " + afterId)
                .stream().map(row -> row.getString(0)).toList();
    }

    private static long count(String sql) {
        return rows(sql).getFirst().getLong(0);
    }

    private static List<Row> rows(String sql) {
        List<Row> rows = new ArrayList<>();
        try {
            demo.pool().preparedQuery(sql).execute(Tuple.tuple()).await(10, TimeUnit.SECONDS).forEach(rows::add);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer from PostgreSQL in 10 s to: " + sql, e);
        }
        return rows;
    }

    private static void eventually(Eventually.Check check) throws Exception {
        Eventually.eventually(WITHIN, Duration.ofMillis(250), check);
    }
}
