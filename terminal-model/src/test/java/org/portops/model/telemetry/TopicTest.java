package org.portops.model.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;

class TopicTest {

    @Test
    void buildsAndParsesEveryTopic() {
        for (TelemetryTopic kind : TelemetryTopic.values()) {
            Topic topic = Topic.of("NQCT", new EquipmentId("QC01"), kind);
            assertThat(Topic.parse(topic.toString())).isEqualTo(topic);
        }
        assertThat(Topic.of("NQCT", new EquipmentId("TT042"), TelemetryTopic.INSTANT_ACTIONS))
                .hasToString("portops/v1/NQCT/TT042/instantActions");
    }

    @Test
    void buildsSubscriptionFilters() {
        assertThat(Topic.filter("NQCT", TelemetryTopic.STATE)).isEqualTo("portops/v1/NQCT/+/state");
        assertThat(Topic.sharedFilter("ingest", "NQCT", TelemetryTopic.EVENTS))
                .isEqualTo("$share/ingest/portops/v1/NQCT/+/events");
    }

    @Test
    void refusesWrongPrefix() {
        assertThatThrownBy(() -> Topic.parse("uagv/v2/NQCT/QC01/state"))
                .isInstanceOf(TelemetryFormatException.class).hasMessageContaining("must start with 'portops/v1/'");
    }

    @Test
    void refusesWrongLevelCount() {
        assertThatThrownBy(() -> Topic.parse("portops/v1/NQCT/QC01/state/extra"))
                .hasMessageContaining("must have 5 levels");
    }

    @Test
    void refusesBadEquipmentId() {
        assertThatThrownBy(() -> Topic.parse("portops/v1/NQCT/qc 01/state"))
                .hasMessageContaining("equipment id level").hasMessageContaining("qc 01");
    }

    @Test
    void refusesUnknownLastLevelListingTheAcceptedOnes() {
        assertThatThrownBy(() -> Topic.parse("portops/v1/NQCT/QC01/instructions"))
                .isInstanceOfSatisfying(TelemetryFormatException.class, e -> {
                    assertThat(e.field()).isEqualTo("topic");
                    assertThat(e.problem()).contains("instantActions").contains("'instructions'");
                });
    }
}
