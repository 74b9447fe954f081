package org.portops.vessel.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.UnLocode;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.StowageSlot;
import org.portops.vessel.edi.inbound.BayPlanMessage;
import org.portops.vessel.edi.inbound.StowedContainer;

class BaplieReadingTest {

    @Test
    void readsThePublicSmdg20SampleMappingIso2716SizeTypes() {
        EdiIntake.Read read = EdiFiles.read("baplie-d95b-smdg20-oocl-beijing.edi", PartnerProfile.DEFAULT);

        assertThat(read.allErrors()).isEmpty();
        BayPlanMessage plan = (BayPlanMessage) read.messages().getFirst();
        assertThat(plan.header().version()).isEqualTo("D.95B SMDG20");
        assertThat(plan.header().sender()).isEqualTo("LBCTI");
        assertThat(plan.header().vessel().name()).isEqualTo("OOCL BEIJING");
        assertThat(plan.header().vessel().callSign()).isEqualTo("VRIB3");
        assertThat(plan.header().vessel().voyage()).isEqualTo("042");
        List<StowedContainer> stowage = plan.stowage();
        assertThat(stowage).extracting(s -> s.container().number().value())
                .containsExactly("OOLU4293959", "MOEU0710945", "OOLU8757889");
        assertThat(stowage).extracting(s -> s.container().sizeType().code()).containsExactly("42G0", "L5G1", "45G0");
        assertThat(stowage).extracting(StowedContainer::slot)
                .containsExactly(StowageSlot.parse("0780690"), StowageSlot.parse("0060886"), StowageSlot.parse("0100114"));
        Container first = stowage.getFirst().container();
        assertThat(first.weight().kilograms()).isEqualTo(3833);
        assertThat(first.category()).isEqualTo(ContainerCategory.EMPTY);
        assertThat(first.line().code()).isEqualTo("OOL");
        assertThat(first.portOfLoading()).isEqualTo(new UnLocode("USLGB"));
        assertThat(first.portOfDischarge()).isEqualTo(new UnLocode("CNYTN"));
        assertThat(stowage.get(2).container().category()).isEqualTo(ContainerCategory.IMPORT);
        assertThat(read.allRepairs()).extracting(EdiRepair::repair).containsExactly(
                "unknown qualifier '042' in RFF: segment dropped (RFF+042')",
                "ISO 2716 size-type 4200 read as ISO 6346 42G0",
                "ISO 2716 size-type 4500 read as ISO 6346 45G0");
        assertThat(read.allRepairs().getFirst().at()).isEqualTo(new SegmentRef("RFF", 9, 1, 0));
        assertThat(read.allRepairs().get(1).at()).isEqualTo(new SegmentRef("EQD", 15, 3, 1));
    }

    @Test
    void strictProfileRefusesTheSamplesMisplacedVoyageReference() {
        EdiIntake.Read read = EdiFiles.read("baplie-d95b-smdg20-oocl-beijing.edi", PartnerProfile.STRICT);

        assertThat(read.accepted()).isFalse();
        assertThat(read.allErrors()).singleElement().satisfies(error -> {
            assertThat(error.at()).isEqualTo(new SegmentRef("RFF", 9, 1, 0));
            assertThat(error.reason()).isEqualTo("unknown qualifier '042' in RFF of the header (known: VON)");
        });
    }

    @Test
    void readsSmdg22WithReefersDangerousGoodsTransshipmentAndEmpties() {
        EdiIntake.Read read = EdiFiles.read("baplie-d95b-smdg22-msc-anna.edi", PartnerProfile.STRICT);

        assertThat(read.allErrors()).isEmpty();
        BayPlanMessage plan = (BayPlanMessage) read.messages().getFirst();
        assertThat(plan.header().vessel().imo()).isEqualTo("9074729");
        assertThat(plan.header().vessel().name()).isEqualTo("MSC ANNA");
        assertThat(plan.header().vessel().voyage()).isEqualTo("2547W");
        assertThat(plan.containers()).isEqualTo(5);
        assertThat(plan.reefers()).isEqualTo(1);
        assertThat(plan.dangerous()).isEqualTo(1);
        List<Container> containers = plan.stowage().stream().map(StowedContainer::container).toList();
        assertThat(containers.get(1).reeferSetPoint().celsius()).isEqualTo(-18.5);
        assertThat(containers.get(0).weight().kilograms()).isEqualTo(21450);
        assertThat(containers.get(2).imdgClass().value()).isEqualTo("3");
        assertThat(containers.get(3).category()).isEqualTo(ContainerCategory.TRANSSHIPMENT);
        assertThat(containers.get(4).category()).isEqualTo(ContainerCategory.EMPTY);
        assertThat(read.allRepairs()).extracting(EdiRepair::repair)
                .containsExactly("IMDG class 3.1 (subclass withdrawn in 2001) read as class 3");

        List<BayPlanEntry> arrival = plan.arrivalEntries(new UnLocode("NLRTM"));
        assertThat(arrival).extracting(BayPlanEntry::action).containsExactly(BayPlanAction.DISCHARGE,
                BayPlanAction.DISCHARGE, BayPlanAction.REMAIN_ON_BOARD, BayPlanAction.DISCHARGE,
                BayPlanAction.DISCHARGE);
    }

    @Test
    void readsSmdg31() {
        EdiIntake.Read read = EdiFiles.read("baplie-d13b-smdg31-one-harmony.edi", PartnerProfile.STRICT);

        assertThat(read.allErrors()).isEmpty();
        BayPlanMessage plan = (BayPlanMessage) read.messages().getFirst();
        assertThat(plan.header().version()).isEqualTo("D.13B SMDG31");
        assertThat(plan.header().vessel().text()).isEqualTo("ONE HARMONY 031E");
        assertThat(plan.header().vessel().imo()).isEqualTo("9321483");
        assertThat(plan.stowage()).extracting(s -> s.container().line().code()).containsExactly("ONE", "ONE", "EMC");
        assertThat(plan.stowage()).extracting(s -> s.container().weight().kilograms())
                .containsExactly(26250, 24000, 19900);
        assertThat(plan.reefers()).isEqualTo(1);
        assertThat(plan.dangerous()).isEqualTo(1);
    }

    @Test
    void defaultProfileRepairsCountsStrayFtxAndUnknownReferencesReportingEach() {
        EdiIntake.Read read = EdiFiles.read("baplie-broken-repairable.edi", PartnerProfile.DEFAULT);

        assertThat(read.allErrors()).isEmpty();
        assertThat(read.accepted()).isTrue();
        assertThat(read.allRepairs()).extracting(EdiRepair::toString).containsExactly(
                "UNZ (segment 23, element 1): UNZ message count replaced by the true count 1",
                "UNT (segment 22, element 1): UNT segment count 17 replaced by the true count 21",
                "FTX (segment 5): stray FTX in the header dropped: FTX+AAI+++LOADED AT BERTH 3'",
                "RFF (segment 6, element 1): unknown qualifier 'XYZ' in RFF: segment dropped (RFF+XYZ:ABC')",
                "EQD (segment 20, element 3 component 1): ISO 2716 size-type 2200 read as ISO 6346 22G0");
        assertThat(read.messages().getFirst().containers()).isEqualTo(2);
    }

    @Test
    void strictProfileRefusesWhatTheDefaultRepairs() {
        EdiIntake.Read read = EdiFiles.read("baplie-broken-repairable.edi", PartnerProfile.STRICT);

        assertThat(read.accepted()).isFalse();
        assertThat(read.allErrors()).extracting(e -> e.at().tag() + "@" + e.at().position())
                .containsExactly("UNZ@23", "UNT@22", "FTX@5", "RFF@6");
    }

    @Test
    void refusesWhatCannotBeSafelyRepairedNamingSegmentPositionAndReason() {
        EdiIntake.Read read = EdiFiles.read("baplie-broken-unrepairable.edi", PartnerProfile.DEFAULT);

        assertThat(read.accepted()).isFalse();
        assertThat(read.allErrors()).extracting(EdiError::toString).containsExactly(
                "LOC (segment 23, element 1): unknown qualifier 'ZZ1' in LOC of the equipment group (known: 11, 12, "
                        + "13, 147, 165, 5, 6, 61, 64, 7, 76, 8, 83, 88, 9, 94, 97)",
                "EQD (segment 12, element 2 component 1): container number MSCU8000010 has check digit 0, expected 9",
                "LOC (segment 14, element 2 component 1): container MSCU8000024 (45G1) cannot be at 0330282: 20' "
                        + "containers go in odd bays, 40'/45' in even bays, and which even bay an odd one means is "
                        + "ambiguous",
                "EQD (segment 24, element 3 component 1): ISO 2716 size-type 2299: type code 99 has no ISO 6346 "
                        + "equivalent PortOps maps",
                "EQD (segment 24): no port of discharge (LOC+11) for MSCU8000030");
    }
}
