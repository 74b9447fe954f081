package org.portops.yard.slot;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.LineOperator;
import org.portops.model.container.ReeferSetPoint;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.yard.BlockId;

/** Small yards and announced containers for the slot planner's tests. */
final class Arrivals {
    static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    static final Position GATE = new Position(0, 0);

    private Arrivals() {
    }

    /** Two blocks side by side, 10 bays × 4 rows × 3 tiers; row 4 of each has plugs. A01 is nearer the gate. */
    static List<BlockLayout> twoBlocks() {
        return List.of(
                new BlockLayout(new BlockId("A01"), 10, 4, 3, Set.of(4), new Position(10, 10),
                        EquipmentKind.RTG),
                new BlockLayout(new BlockId("B01"), 10, 4, 3, Set.of(4), new Position(100, 10),
                        EquipmentKind.RTG));
    }

    static ContainerNumber number(int serial) {
        return ContainerNumber.fromParts("TST", 'U', serial);
    }

    /** A builder-like description of one announced container. */
    record Box(int serial, ContainerLength length, int kilograms, boolean reefer, String imdg, String vesselCall,
               String pod, Instant departure) {

        static Box dry(int serial, Instant departure) {
            return new Box(serial, ContainerLength.TWENTY, 15_000, false, null, null, "USNYC", departure);
        }

        Box ofLength(ContainerLength l) {
            return new Box(serial, l, kilograms, reefer, imdg, vesselCall, pod, departure);
        }

        Box weighing(int kg) {
            return new Box(serial, length, kg, reefer, imdg, vesselCall, pod, departure);
        }

        Box asReefer() {
            return new Box(serial, length, kilograms, true, imdg, vesselCall, pod, departure);
        }

        Box dangerous(String cls) {
            return new Box(serial, length, kilograms, reefer, cls, vesselCall, pod, departure);
        }

        Box export(String call, String portOfDischarge) {
            return new Box(serial, length, kilograms, reefer, imdg, call, portOfDischarge, departure);
        }

        SlotRequest request() {
            String size = switch (length) {
                case TWENTY -> "22";
                case FORTY -> "42";
                case FORTY_FIVE -> "L5";
            };
            Container container = new Container(number(serial), new SizeTypeCode(size + (reefer ? "R1" : "G1")),
                    new VgmWeight(kilograms), new LineOperator("MSK"), new UnLocode("NLRTM"), new UnLocode(pod),
                    vesselCall == null ? ContainerCategory.IMPORT : ContainerCategory.EXPORT,
                    reefer ? new ReeferSetPoint(-18) : null, imdg == null ? null : new ImdgClass(imdg));
            return new SlotRequest(container, departure, vesselCall, GATE);
        }
    }
}
