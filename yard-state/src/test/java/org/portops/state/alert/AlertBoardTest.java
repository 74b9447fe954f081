package org.portops.state.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.SerializationConstants;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.model.event.AlertKind;
import org.portops.state.ChangeResult;
import org.portops.state.testsupport.TestHazelcast;

/** The board of active alerts on a real Hazelcast member: raise, count repeats, acknowledge, clear, filter. */
class AlertBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    private HazelcastInstance hazelcast;
    private Vertx vertx;
    private AlertBoard board;

    @BeforeEach
    void start() {
        hazelcast = TestHazelcast.member(TestHazelcast.uniqueClusterName("alerts"));
        vertx = Vertx.vertx();
        board = new AlertBoard(vertx, hazelcast, Clock.fixed(T0.plusSeconds(90), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        await(vertx.close());
        hazelcast.shutdown();
    }

    @Test
    void repeatsOfAnAlertCountOnOneEntryWithFirstAndLastSeen() {
        await(board.raise(AlertKind.SPOOFING, "QC01", "", "QC02 sent as QC01", T0, 1));
        await(board.raise(AlertKind.SPOOFING, "QC01", "", "QC03 sent as QC01", T0.plusSeconds(60), 41));
        ActiveAlert late = await(board.raise(AlertKind.SPOOFING, "QC01", "", "an older one", T0.plusSeconds(30), 1));

        assertThat(late.occurrences()).isEqualTo(43);
        assertThat(late.firstSeen()).isEqualTo(T0);
        assertThat(late.lastSeen()).as("an occurrence arriving late does not move lastSeen back")
                .isEqualTo(T0.plusSeconds(60));
        assertThat(late.text()).as("the text is the latest occurrence's").isEqualTo("QC03 sent as QC01");
        assertThat(await(board.active(AlertFilter.ALL))).containsExactly(late);
    }

    @Test
    void alertsOfOneSubjectAreKeptApartByKindAndAspect() {
        await(board.raise(AlertKind.PREDICTIVE_MAINTENANCE, "RTG07", "VIBRATION", "vibration up", T0, 1));
        await(board.raise(AlertKind.PREDICTIVE_MAINTENANCE, "RTG07", "MOTOR_TEMPERATURE", "hot", T0, 1));
        await(board.raise(AlertKind.EQUIPMENT_OFFLINE, "RTG07", "", "silent", T0.plusSeconds(1), 1));
        await(board.raise(AlertKind.EQUIPMENT_OFFLINE, "QC01", "", "silent", T0.plusSeconds(2), 1));

        assertThat(await(board.active(new AlertFilter(null, "RTG07")))).extracting(ActiveAlert::key)
                .containsExactly("EQUIPMENT_OFFLINE/RTG07", "PREDICTIVE_MAINTENANCE/RTG07/MOTOR_TEMPERATURE",
                        "PREDICTIVE_MAINTENANCE/RTG07/VIBRATION");
        assertThat(await(board.active(new AlertFilter(AlertKind.EQUIPMENT_OFFLINE, null))))
                .extracting(ActiveAlert::subject).as("most recently seen first").containsExactly("QC01", "RTG07");
        assertThat(await(board.active(new AlertFilter(AlertKind.SPOOFING, "RTG07")))).isEmpty();
    }

    @Test
    void anOperatorAcknowledgesOnceAndTheAcknowledgementOutlivesRepeats() {
        await(board.raise(AlertKind.REPLAY, "TT042", "", "sequence 7 again", T0, 1));
        String key = ActiveAlert.key(AlertKind.REPLAY, "TT042", "");

        assertThat(await(board.acknowledge(key, "m.jansen"))).isEqualTo(ChangeResult.APPLIED);
        assertThat(await(board.acknowledge(key, "p.devries"))).isEqualTo(new ChangeResult.Refused(
                "alert REPLAY/TT042 was already acknowledged by m.jansen at " + T0.plusSeconds(90)));
        ActiveAlert repeated = await(board.raise(AlertKind.REPLAY, "TT042", "", "sequence 8 again", T0.plusSeconds(5),
                1));

        assertThat(repeated.acknowledgedBy()).isEqualTo("m.jansen");
        assertThat(repeated.acknowledgedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(repeated.occurrences()).isEqualTo(2);
        assertThat(await(board.acknowledge("REPLAY/QC09", "m.jansen")))
                .isEqualTo(new ChangeResult.Refused("alert REPLAY/QC09 is not active"));
        assertThat(await(board.acknowledge(key, " "))).isInstanceOf(ChangeResult.Refused.class);
    }

    @Test
    void clearingTakesTheAlertOffTheBoardOnce() {
        await(board.raise(AlertKind.EQUIPMENT_OFFLINE, "QC01", "", "silent for 31 s", T0, 1));
        String key = ActiveAlert.key(AlertKind.EQUIPMENT_OFFLINE, "QC01", "");

        assertThat(await(board.clear(key))).hasValueSatisfying(was -> assertThat(was.text()).isEqualTo("silent for 31 s"));
        assertThat(await(board.clear(key))).as("nothing left to clear").isEmpty();
        assertThat(await(board.alert(key))).isEmpty();
        ActiveAlert again = await(board.raise(AlertKind.EQUIPMENT_OFFLINE, "QC01", "", "silent again", T0.plusSeconds(9),
                1));
        assertThat(again.occurrences()).as("raised afresh after a clear").isEqualTo(1);
        assertThat(again.firstSeen()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void boardValuesAndProcessorsTravelAsCompact() {
        SerializationService serialization = ((SerializationServiceSupport) hazelcast).getSerializationService();
        List<Object> values = List.of(
                new ActiveAlert(AlertKind.SPOOFING, "QC01", "", "text", T0, T0.plusSeconds(1), 3, "m.jansen",
                        T0.plusSeconds(2)),
                new ActiveAlert(AlertKind.EQUIPMENT_OFFLINE, "QC01", "", "text", T0, T0, 1, null, null),
                new RaiseAlert(AlertKind.PREDICTIVE_MAINTENANCE, "RTG07", "VIBRATION", "up", T0, 2), new ClearAlert(),
                new AcknowledgeAlert("m.jansen", T0));
        for (Object value : values) {
            Data data = serialization.toData(value);
            assertThat(data.getType()).as(value.getClass().getSimpleName()).isEqualTo(SerializationConstants.TYPE_COMPACT);
            assertThat((Object) serialization.toObject(data)).as(value.getClass().getSimpleName()).isEqualTo(value);
        }
    }
}
