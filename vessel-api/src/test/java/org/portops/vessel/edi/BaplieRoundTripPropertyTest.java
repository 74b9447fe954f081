package org.portops.vessel.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.LineOperator;
import org.portops.model.container.ReeferSetPoint;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.vessel.edi.inbound.BayPlanMessage;
import org.portops.vessel.edi.inbound.StowedContainer;
import org.portops.vessel.edi.outbound.BaplieWriter;
import org.portops.vessel.edi.outbound.Envelope;

/** Random bay plans written as BAPLIE and read back are the same plans, with nothing repaired or refused. */
class BaplieRoundTripPropertyTest {

    private static final List<String> SIZE_TYPES = List.of("22G1", "22R1", "22T6", "42G1", "45G1", "45R1", "L5G1");
    private static final List<String> PORTS = List.of("NLRTM", "DEHAM", "BEANR", "CNSHA", "USNYC", "SGSIN");
    private static final List<String> CLASSES = List.of("1.4", "2.1", "3", "4.1", "5.1", "6.1", "8", "9");
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void randomBayPlansSurviveWriteAndRead() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 40; round++) {
            List<StowedContainer> stowage = randomStowage(random, 1 + random.nextInt(150));
            VesselCall call = call(stowage);

            byte[] written = BaplieWriter.departure(new Envelope("NLRTMPORTOPS", "NEXTPORT", "R" + round, AT), call,
                    new UnLocode("NLRTM"));
            EdiIntake.Read read = EdiIntake.read(written, PartnerProfiles.all(PartnerProfile.STRICT));

            assertThat(read.allErrors()).as("seed %d round %d", seed, round).isEmpty();
            assertThat(read.allRepairs()).as("seed %d round %d", seed, round).isEmpty();
            BayPlanMessage message = (BayPlanMessage) read.messages().getFirst();
            assertThat(message.stowage()).as("seed %d round %d", seed, round).isEqualTo(stowage);
            assertThat(message.header().vessel().imo()).isEqualTo("9074729");
            assertThat(message.header().vessel().voyage()).isEqualTo("2547W");
        }
    }

    private static VesselCall call(List<StowedContainer> stowage) {
        List<BayPlanEntry> entries = stowage.stream()
                .map(s -> new BayPlanEntry(s.slot(), s.container(), BayPlanAction.REMAIN_ON_BOARD)).toList();
        return new VesselCall(new VesselCallId("MSC-ANNA-2547W"),
                new Vessel(new ImoNumber("9074729"), "MSC ANNA", 300, 40, 12), new Voyage("2547W"),
                new LineOperator("MSC"), null, AT, null, AT.plusSeconds(86_400), new BayPlan(entries));
    }

    private static List<StowedContainer> randomStowage(Random random, int count) {
        List<StowedContainer> stowage = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        Set<Integer> serials = new HashSet<>();
        while (stowage.size() < count) {
            SizeTypeCode sizeType = new SizeTypeCode(SIZE_TYPES.get(random.nextInt(SIZE_TYPES.size())));
            boolean twenty = sizeType.code().charAt(0) == '2';
            int bay = twenty ? 1 + 2 * random.nextInt(40) : 2 + 2 * random.nextInt(39);
            int row = random.nextInt(21);
            int tier = random.nextBoolean() ? 2 + 2 * random.nextInt(8) : 82 + 2 * random.nextInt(8);
            List<String> positions = twenty ? List.of(bay + "/" + row + "/" + tier)
                    : List.of((bay - 1) + "/" + row + "/" + tier, (bay + 1) + "/" + row + "/" + tier);
            int serial = random.nextInt(1_000_000);
            if (positions.stream().anyMatch(taken::contains) || !serials.add(serial)) {
                continue;
            }
            taken.addAll(positions);
            stowage.add(new StowedContainer(StowageSlot.of(bay, row, tier), container(random, sizeType, serial)));
        }
        return stowage;
    }

    private static Container container(Random random, SizeTypeCode sizeType, int serial) {
        boolean empty = random.nextInt(5) == 0;
        ReeferSetPoint setPoint = sizeType.isReefer() && (!empty || random.nextBoolean())
                ? new ReeferSetPoint(Math.round((random.nextDouble() * 50 - 30) * 10) / 10.0) : null;
        ImdgClass imdg = !empty && random.nextInt(8) == 0 ? new ImdgClass(CLASSES.get(random.nextInt(CLASSES.size())))
                : null;
        String pol = PORTS.get(random.nextInt(PORTS.size()));
        String pod = PORTS.get(random.nextInt(PORTS.size()));
        return new Container(ContainerNumber.fromParts("MSC", 'U', serial), sizeType,
                new VgmWeight(empty ? 2_000 + random.nextInt(3_000) : 5_000 + random.nextInt(25_000)),
                new LineOperator(random.nextBoolean() ? "MSC" : "MAEU"), new UnLocode(pol), new UnLocode(pod),
                empty ? ContainerCategory.EMPTY : ContainerCategory.IMPORT, setPoint, imdg);
    }
}
