package org.portops.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.telemetry.EquipmentEvent.FaultCleared;
import org.portops.model.telemetry.EquipmentEvent.FaultRaised;
import org.portops.model.telemetry.EquipmentEvent.ReeferAlarmRaised;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.InstantAction;
import org.portops.model.telemetry.InstantActionType;
import org.portops.model.telemetry.ReeferAlarm;
import org.portops.model.telemetry.ReeferReading;
import org.portops.model.telemetry.StateReading;
import org.portops.model.telemetry.TelemetryCodec;
import org.portops.model.telemetry.TelemetryFormatException;
import org.portops.model.telemetry.TelemetryTopic;

class InjectionTest {

    private static final EquipmentId QC01 = new EquipmentId("QC01");
    private static final EquipmentId QC02 = new EquipmentId("QC02");
    private static final EquipmentId TT001 = new EquipmentId("TT001");
    private RecordingSink sink;
    private SimEngine engine;

    @BeforeEach
    void startTerminal() {
        sink = new RecordingSink();
        engine = new SimEngine(Scenes.sample(5, 2), sink);
        engine.advance(Duration.ofMinutes(2));
    }

    private List<StateReading> readingsOf(EquipmentId id, int from) {
        return sink.all.subList(from, sink.all.size()).stream()
                .filter(o -> o instanceof Outbound.Message m && m.message() instanceof StateReading r
                        && m.topic().equipment().equals(id))
                .map(o -> (StateReading) ((Outbound.Message) o).message()).toList();
    }

    private List<EventMessage> eventsOf(EquipmentId id, int from) {
        return sink.all.subList(from, sink.all.size()).stream()
                .filter(o -> o instanceof Outbound.Message m && m.message() instanceof EventMessage e
                        && e.machineId().equals(id))
                .map(o -> (EventMessage) ((Outbound.Message) o).message()).toList();
    }

    @Test
    void craneBreakdownRaisesTheFaultStopsTheCraneAndRepairClearsIt() {
        int mark = sink.all.size();
        engine.inject(new Injection.Breakdown(QC01, "HOIST_BRAKE", "hoist brake failure"));
        engine.advance(Duration.ofMinutes(2));
        assertThat(eventsOf(QC01, mark)).extracting(EventMessage::event)
                .containsExactly(new FaultRaised("HOIST_BRAKE", "hoist brake failure"));
        StateReading last = readingsOf(QC01, mark).getLast();
        assertThat(last.status()).isEqualTo(EquipmentStatus.FAULT);
        assertThat(last.faultCodes()).containsExactly("HOIST_BRAKE");
        assertThat(last.speedMetresPerSecond()).isZero();
        int before = engine.quayCraneMoves().get(QC01);
        engine.advance(Duration.ofMinutes(5));
        assertThat(engine.quayCraneMoves().get(QC01)).isEqualTo(before);
        int repaired = sink.all.size();
        engine.inject(new Injection.Repair(QC01));
        engine.advance(Duration.ofMinutes(5));
        assertThat(eventsOf(QC01, repaired)).extracting(EventMessage::event).contains(new FaultCleared("HOIST_BRAKE"));
        assertThat(engine.quayCraneMoves().get(QC01)).isGreaterThan(before);
    }

    @Test
    void stalledVehicleCoastsToAStopWithinItsBrakingLimit() {
        int mark = sink.all.size();
        engine.inject(new Injection.Stall(TT001));
        engine.advance(Duration.ofSeconds(30));
        List<StateReading> after = readingsOf(TT001, mark);
        assertThat(after.getLast().faultCodes()).containsExactly("ENGINE_STALL");
        assertThat(after.getLast().speedMetresPerSecond()).isZero();
        assertThat(after.getLast().position()).isEqualTo(after.get(after.size() - 2).position());
    }

    @Test
    void bearingWearDriftsVibrationUp() {
        double before = readingsOf(QC02, 0).getLast().vibrationRmsMillimetresPerSecond();
        engine.inject(new Injection.BearingWear(QC02, 6.0));
        int mark = sink.all.size();
        engine.advance(Duration.ofMinutes(40));
        List<StateReading> after = readingsOf(QC02, mark);
        assertThat(after.getLast().vibrationRmsMillimetresPerSecond()).isGreaterThan(before + 3);
    }

    @Test
    void sensorDropoutSilencesReadingsButNotEvents() {
        EquipmentId crane = sink.events().getFirst().machineId();
        int mark = sink.all.size();
        engine.inject(new Injection.SensorDropout(crane, Duration.ofMinutes(6)));
        engine.advance(Duration.ofMinutes(6));
        assertThat(readingsOf(crane, mark)).isEmpty();
        assertThat(eventsOf(crane, mark)).isNotEmpty();
        engine.advance(Duration.ofSeconds(2));
        assertThat(readingsOf(crane, mark)).isNotEmpty();
    }

    @Test
    void replayResendsTheLastReadingUnchanged() {
        StateReading last = readingsOf(QC01, 0).getLast();
        int mark = sink.all.size();
        engine.inject(new Injection.Replay(QC01));
        engine.tick();
        assertThat(readingsOf(QC01, mark)).first().isEqualTo(last);
    }

    @Test
    void foreignIdReadingTravelsOnTheAttackersTopic() {
        int mark = sink.all.size();
        engine.inject(new Injection.ForeignId(QC01, QC02));
        engine.tick();
        Outbound.Message forged = (Outbound.Message) sink.all.get(mark);
        assertThat(forged.topic().equipment()).isEqualTo(QC01);
        assertThat(forged.message().machineId()).isEqualTo(QC02);
    }

    @Test
    void teleportReportsOneFarPositionThenTheRealOne() {
        int mark = sink.all.size();
        Position far = new Position(1300, 380);
        engine.inject(new Injection.Teleport(TT001, far));
        engine.advance(Duration.ofSeconds(2));
        List<StateReading> after = readingsOf(TT001, mark);
        assertThat(after.getFirst().position()).isEqualTo(far);
        assertThat(after.get(1).position().distanceTo(far)).isGreaterThan(100);
    }

    @Test
    void everyMalformationIsRefusedByTheCodecNamingTheField() {
        TelemetryCodec codec = new TelemetryCodec();
        record Expect(Injection.Malformation kind, String field) {
        }
        for (Expect expect : List.of(new Expect(Injection.Malformation.NOT_JSON, "payload"),
                new Expect(Injection.Malformation.MISSING_FIELD, "sequence"),
                new Expect(Injection.Malformation.WRONG_TYPE, "speedMps"),
                new Expect(Injection.Malformation.OUT_OF_RANGE, "speedMps"),
                new Expect(Injection.Malformation.BAD_CONTAINER_NUMBER, "load"))) {
            int mark = sink.all.size();
            engine.inject(new Injection.Malformed(TT001, expect.kind()));
            engine.tick();
            Outbound.Raw raw = (Outbound.Raw) sink.all.get(mark);
            assertThat(raw.topic().topic()).isEqualTo(TelemetryTopic.STATE);
            assertThatThrownBy(() -> codec.decode(TelemetryTopic.STATE, raw.payload()))
                    .as(expect.kind().name()).isInstanceOfSatisfying(TelemetryFormatException.class,
                            e -> assertThat(e.field()).isEqualTo(expect.field()));
        }
    }

    @Test
    void pausedMachineStopsAndResumes() {
        engine.instantAction(new InstantAction(QC01, 0, engine.now(), InstantActionType.PAUSE));
        engine.advance(Duration.ofMinutes(1));
        int moves = engine.quayCraneMoves().get(QC01);
        int mark = sink.all.size();
        engine.advance(Duration.ofMinutes(3));
        assertThat(engine.quayCraneMoves().get(QC01)).isEqualTo(moves);
        assertThat(readingsOf(QC01, mark)).allSatisfy(r -> assertThat(r.speedMetresPerSecond()).isZero());
        engine.instantAction(new InstantAction(QC01, 1, engine.now(), InstantActionType.RESUME));
        engine.advance(Duration.ofMinutes(4));
        assertThat(engine.quayCraneMoves().get(QC01)).isGreaterThan(moves);
    }

    @Test
    void reeferWithoutPowerRaisesBothAlarms() {
        PlacedContainer reefer = engine.yard().containers().stream().filter(p -> p.container().isReefer())
                .findFirst().orElseThrow();
        ContainerNumber box = reefer.container().number();
        EquipmentId monitor = new EquipmentId("RMS-" + reefer.slot().block());
        int mark = sink.all.size();
        engine.inject(new Injection.ReeferPowerLoss(monitor, box));
        engine.advance(Duration.ofHours(2).plusMinutes(2));
        List<ReeferReading> readings = sink.all.subList(mark, sink.all.size()).stream()
                .filter(o -> o instanceof Outbound.Message m && m.message() instanceof ReeferReading r
                        && r.container().equals(box))
                .map(o -> (ReeferReading) ((Outbound.Message) o).message()).toList();
        assertThat(readings.getLast().powerOn()).isFalse();
        assertThat(readings.getLast().alarms()).contains(ReeferAlarm.TEMPERATURE_OUT_OF_RANGE,
                ReeferAlarm.UNPLUGGED_TOO_LONG);
        assertThat(eventsOf(monitor, mark)).extracting(e -> ((ReeferAlarmRaised) e.event()).alarm())
                .contains(ReeferAlarm.TEMPERATURE_OUT_OF_RANGE, ReeferAlarm.UNPLUGGED_TOO_LONG);
    }
}
