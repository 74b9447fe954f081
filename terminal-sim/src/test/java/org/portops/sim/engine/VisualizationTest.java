package org.portops.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Visualization;

/** Positions for maps on {@code visualization}, at their own rate, on the machine's one sequence. */
class VisualizationTest {

    @Test
    void everyMachinePublishesItsPositionAtTheVisualizationRateOnItsOneSequence() {
        RecordingSink sink = new RecordingSink();
        SimEngine engine = new SimEngine(Scenes.sample(3, 1).withVisualization(5), sink);
        engine.advance(Duration.ofMinutes(1));

        Map<EquipmentId, List<TelemetryMessage>> byMachine = new LinkedHashMap<>();
        sink.all.stream().filter(o -> o instanceof Outbound.Message).map(o -> ((Outbound.Message) o).message())
                .forEach(m -> byMachine.computeIfAbsent(m.machineId(), id -> new ArrayList<>()).add(m));
        List<EquipmentId> machines = engine.machines().stream().filter(id -> !id.value().startsWith("RMS-")).toList();
        for (EquipmentId machine : machines) {
            List<TelemetryMessage> sent = byMachine.get(machine);
            List<Visualization> positions = sent.stream().filter(m -> m instanceof Visualization)
                    .map(m -> (Visualization) m).toList();
            assertThat(positions).as("positions of %s in a minute at 5 Hz", machine).hasSizeBetween(299, 301);
            assertThat(sent.stream().filter(m -> m.topic() == TelemetryTopic.STATE)).as("readings of %s at 1 Hz",
                    machine).hasSizeBetween(59, 61);
            for (int i = 1; i < sent.size(); i++) {
                assertThat(sent.get(i).sequence()).as("sequence of %s across its topics", machine)
                        .isEqualTo(sent.get(i - 1).sequence() + 1);
            }
            for (Visualization position : positions) {
                assertThat(engine.geometry().inside(position.position())).as("%s inside the terminal", position)
                        .isTrue();
            }
        }
    }

    @Test
    void withoutAVisualizationRateNoPositionIsPublished() {
        RecordingSink sink = new RecordingSink();
        new SimEngine(Scenes.sample(3, 1), sink).advance(Duration.ofSeconds(30));

        assertThat(sink.all).noneMatch(o -> o.topic().topic() == TelemetryTopic.VISUALIZATION);
    }
}
