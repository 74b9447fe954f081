package org.portops.ingest.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.telemetry.TelemetryTopic;

/**
 * Who may publish on which topic: the layout's equipment on its machine topics, the reefer monitor
 * {@code RMS-{block}} of each block with plugged rows on {@code connection}, {@code events} and {@code reefer}, and
 * connection gateways (ids matching the configured pattern) on {@code connection} only.
 */
public final class KnownSenders {

    private final Map<EquipmentId, EquipmentKind> equipment = new HashMap<>();
    private final Set<EquipmentId> reeferMonitors = new HashSet<>();
    private final Pattern gateways;

    public KnownSenders(TerminalLayout layout, Pattern gateways) {
        for (Equipment machine : layout.allEquipment()) {
            equipment.put(machine.id(), machine.kind());
        }
        for (BlockLayout block : layout.blocks()) {
            if (!block.reeferRows().isEmpty()) {
                reeferMonitors.add(new EquipmentId("RMS-" + block.id().value()));
            }
        }
        this.gateways = gateways;
    }

    /** The registered kind of a machine of the layout. */
    public Optional<EquipmentKind> kindOf(EquipmentId id) {
        return Optional.ofNullable(equipment.get(id));
    }

    public Set<EquipmentId> equipment() {
        return equipment.keySet();
    }

    /** The reefer monitors of the layout, one per block with plugged rows. */
    public Set<EquipmentId> reeferMonitors() {
        return Set.copyOf(reeferMonitors);
    }

    public boolean isGateway(EquipmentId id) {
        return gateways.matcher(id.value()).matches() && !equipment.containsKey(id);
    }

    /** Whether {@code sender} may publish on {@code topic}. */
    public boolean mayPublish(EquipmentId sender, TelemetryTopic topic) {
        return switch (topic) {
            case CONNECTION -> equipment.containsKey(sender) || reeferMonitors.contains(sender) || isGateway(sender);
            case STATE, VISUALIZATION -> equipment.containsKey(sender);
            case EVENTS -> equipment.containsKey(sender) || reeferMonitors.contains(sender);
            case REEFER -> reeferMonitors.contains(sender);
            case ORDER, INSTANT_ACTIONS -> false;
        };
    }
}
