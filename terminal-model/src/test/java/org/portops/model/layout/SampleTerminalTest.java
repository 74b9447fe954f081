package org.portops.model.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.quay.Berth;

class SampleTerminalTest {

    private final TerminalLayout sample = TerminalLayoutLoader.sample();

    @Test
    void quayIsLongEnoughForFourDeepBerths() {
        assertThat(sample.quay().lengthMeters()).isGreaterThanOrEqualTo(1_200);
        assertThat(sample.quay().berths()).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(b -> assertThat(b.waterDepthMeters()).isBetween(14.0, 18.0));
        assertThat(sample.quay().berths().stream().mapToDouble(Berth::length).sum())
                .isLessThanOrEqualTo(sample.quay().lengthMeters());
    }

    @Test
    void hasTwentyStandardBlocksSomeWithReeferRows() {
        assertThat(sample.blocks()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(sample.blocks().stream().filter(b -> b.bays() == 40 && b.rows() == 8 && b.maxTiers() == 5))
                .hasSizeGreaterThanOrEqualTo(20);
        assertThat(sample.blocks().stream().filter(b -> !b.reeferRows().isEmpty())).hasSizeGreaterThanOrEqualTo(5);
        assertThat(sample.blocks()).allSatisfy(b -> assertThat(b.origin().y()).isPositive());
    }

    @Test
    void hasTheFleetOfAMidSizeTerminal() {
        Map<EquipmentKind, Long> fleet = sample.allEquipment().stream()
                .collect(Collectors.groupingBy(Equipment::kind, Collectors.counting()));

        assertThat(fleet.get(EquipmentKind.QUAY_CRANE)).isGreaterThanOrEqualTo(12);
        assertThat(fleet.entrySet().stream().filter(e -> e.getKey().isYardCrane()).mapToLong(Map.Entry::getValue).sum())
                .isGreaterThanOrEqualTo(30);
        assertThat(fleet.entrySet().stream().filter(e -> e.getKey().isHorizontalTransport())
                .mapToLong(Map.Entry::getValue).sum()).isGreaterThanOrEqualTo(60);
        assertThat(sample.allEquipment().stream().collect(Collectors.toMap(Equipment::id, Function.identity())))
                .hasSameSizeAs(sample.allEquipment());
    }

    @Test
    void hasInboundAndOutboundGateLanes() {
        assertThat(sample.gateLanes()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(sample.gateLanes()).anyMatch(GateLane::inbound).anyMatch(l -> !l.inbound());
    }
}
