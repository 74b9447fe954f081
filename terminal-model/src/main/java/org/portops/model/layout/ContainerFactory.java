package org.portops.model.layout;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.ReeferSetPoint;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;

/** Makes plausible containers with unique, valid ISO 6346 numbers for generated samples. */
final class ContainerFactory {

    /** Share of laden, non-reefer containers carrying dangerous goods, so that about 3 % of all are DG. */
    private static final double DG_SHARE = 0.037;

    private final Random random;
    private final UnLocode home;
    private final Set<ContainerNumber> used = new HashSet<>();

    ContainerFactory(Random random, UnLocode home) {
        this.random = random;
        this.home = home;
    }

    /** A stack profile for a block of the yard; reefer stacks are never empties (reefers there are plugged). */
    StackProfile profile(boolean reefer) {
        ContainerCategory category = category(reefer);
        UnLocode pod = switch (category) {
            case IMPORT -> home;
            case EXPORT, TRANSSHIPMENT -> SampleCatalog.foreignPort(random, home, null);
            case EMPTY -> random.nextBoolean() ? home : SampleCatalog.foreignPort(random, home, null);
        };
        return new StackProfile(category, SampleCatalog.line(random), pod);
    }

    /** A profile for containers arriving on a vessel: imports, transshipments and returned empties. */
    StackProfile arrivalProfile(SampleCatalog.Line line) {
        int pick = random.nextInt(100);
        ContainerCategory category = pick < 70 ? ContainerCategory.IMPORT
                : pick < 90 ? ContainerCategory.TRANSSHIPMENT : ContainerCategory.EMPTY;
        UnLocode pod = category == ContainerCategory.TRANSSHIPMENT ? SampleCatalog.foreignPort(random, home, null) : home;
        return new StackProfile(category, line, pod);
    }

    /** A container of this length following the profile; a reefer gets a set point. */
    Container create(ContainerLength length, boolean reefer, StackProfile profile) {
        SampleCatalog.Line line = random.nextInt(10) < 8 ? profile.line() : SampleCatalog.line(random);
        ContainerCategory category = profile.category();
        boolean empty = category == ContainerCategory.EMPTY;
        ImdgClass dg = !empty && !reefer && random.nextDouble() < DG_SHARE ? SampleCatalog.imdgClass(random) : null;
        SizeTypeCode sizeType = sizeType(length, reefer, empty, dg);
        ReeferSetPoint setPoint = reefer && !empty ? SampleCatalog.setPoint(random) : null;
        UnLocode pod = profile.portOfDischarge();
        return new Container(number(line), sizeType, weight(sizeType, empty), line.operator(),
                portOfLoading(category, pod), pod, category, setPoint, dg);
    }

    private ContainerNumber number(SampleCatalog.Line line) {
        List<String> owners = random.nextInt(5) == 0 ? SampleCatalog.LESSOR_OWNER_CODES : line.ownerCodes();
        String owner = owners.get(random.nextInt(owners.size()));
        while (true) {
            ContainerNumber number = ContainerNumber.fromParts(owner, 'U', random.nextInt(1_000_000));
            if (used.add(number)) {
                return number;
            }
        }
    }

    private ContainerCategory category(boolean reefer) {
        int pick = random.nextInt(100);
        if (pick < 40) {
            return ContainerCategory.IMPORT;
        }
        if (pick < 70) {
            return ContainerCategory.EXPORT;
        }
        if (pick < 87 || reefer) {
            return ContainerCategory.TRANSSHIPMENT;
        }
        return ContainerCategory.EMPTY;
    }

    private UnLocode portOfLoading(ContainerCategory category, UnLocode pod) {
        return switch (category) {
            case IMPORT, TRANSSHIPMENT -> SampleCatalog.foreignPort(random, home, pod);
            case EXPORT -> home;
            case EMPTY -> pod.equals(home) ? SampleCatalog.foreignPort(random, home, pod) : home;
        };
    }

    private SizeTypeCode sizeType(ContainerLength length, boolean reefer, boolean empty, ImdgClass dg) {
        int pick = random.nextInt(100);
        String code = switch (length) {
            case TWENTY -> reefer || empty && pick < 8 ? "22R1"
                    : dg != null && dg.primaryClass() != 9 && pick < 40 ? "22T6"
                    : pick < 92 ? "22G1" : pick < 97 ? "22U1" : "22P1";
            case FORTY -> reefer || empty && pick < 8 ? "45R1"
                    : pick < 62 ? "45G1" : pick < 94 ? "42G1" : pick < 97 ? "42U1" : "42P1";
            case FORTY_FIVE -> "L5G1";
        };
        return new SizeTypeCode(code);
    }

    /** Gross mass: tare for an empty, tare plus a bell-shaped cargo mass for a laden box. */
    private VgmWeight weight(SizeTypeCode sizeType, boolean empty) {
        int tare = switch (sizeType.length()) {
            case TWENTY -> sizeType.isReefer() ? 3_050 : sizeType.isTank() ? 3_700 : 2_250;
            case FORTY -> sizeType.isReefer() ? 4_700 : 3_850;
            case FORTY_FIVE -> 4_800;
        };
        if (empty) {
            return new VgmWeight(tare + random.nextInt(200) - 100);
        }
        int cargoMax = sizeType.length() == ContainerLength.TWENTY ? 26_000 : 25_000;
        int cargo = 2_000 + (random.nextInt(cargoMax) + random.nextInt(cargoMax)) / 2;
        return new VgmWeight(tare + cargo);
    }
}
