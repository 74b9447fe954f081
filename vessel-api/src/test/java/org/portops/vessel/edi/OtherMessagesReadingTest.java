package org.portops.vessel.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerCategory;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.work.MoveKind;
import org.portops.vessel.edi.inbound.ContainerOrder;
import org.portops.vessel.edi.inbound.LoadPlanMessage;
import org.portops.vessel.edi.inbound.MoveReportMessage;
import org.portops.vessel.edi.inbound.OrderMessage;
import org.portops.vessel.edi.inbound.ReportedMove;
import org.portops.vessel.edi.inbound.StowageInstruction;
import org.portops.vessel.edi.inbound.VerifiedGrossMass;
import org.portops.vessel.edi.inbound.VgmMessage;

class OtherMessagesReadingTest {

    @Test
    void readsMovinsInstructionsNamedAndByCategory() {
        EdiIntake.Read read = EdiFiles.read("movins-d95b-smdg-msc-anna.edi", PartnerProfile.STRICT);

        assertThat(read.allErrors()).isEmpty();
        LoadPlanMessage plan = (LoadPlanMessage) read.messages().getFirst();
        assertThat(plan.instructions()).extracting(StowageInstruction::action).containsExactly(BayPlanAction.LOAD,
                BayPlanAction.LOAD, BayPlanAction.LOAD, BayPlanAction.DISCHARGE);
        assertThat(plan.instructions()).extracting(StowageInstruction::slot).containsExactly(
                StowageSlot.parse("0010484"), StowageSlot.parse("0020488"), StowageSlot.parse("0030486"),
                StowageSlot.parse("0100082"));
        assertThat(plan.instructions().get(2).container()).isNull();
        assertThat(plan.instructions().get(2).portOfDischarge()).isEqualTo("DEHAM");
        assertThat(plan.instructions().get(0).container().value()).isEqualTo("MSCU9000013");
        assertThat(plan.reefers()).isEqualTo(1);
    }

    @Test
    void movinsPuttingATwentyFooterInAnEvenBayIsRefusedAtItsCell() {
        String text = new String(EdiFiles.bytes("movins-d95b-smdg-msc-anna.edi")).replace("LOC+147+0010484", "LOC+147+0040484");

        EdiIntake.Read read = EdiIntake.read(text.getBytes(), PartnerProfiles.all(PartnerProfile.STRICT));

        assertThat(read.allErrors()).singleElement().hasToString("LOC (segment 8, element 2 component 1): a 22G1 "
                + "cannot go to 0040484: 20' containers go in odd bays, 40'/45' in even bays");
    }

    @Test
    void readsCoprarLoadingOrderAsExports() {
        EdiIntake.Read read = EdiFiles.read("coprar-d95b-smdg-loading-order.edi", PartnerProfile.DEFAULT);

        assertThat(read.allErrors()).isEmpty();
        OrderMessage order = (OrderMessage) read.messages().getFirst();
        assertThat(order.orders()).extracting(ContainerOrder::action).containsOnly(BayPlanAction.LOAD);
        assertThat(order.orders()).extracting(o -> o.container().category()).containsOnly(ContainerCategory.EXPORT);
        assertThat(order.orders()).extracting(o -> o.container().portOfLoading().value()).containsOnly("NLRTM");
        assertThat(order.reefers()).isEqualTo(1);
        assertThat(order.dangerous()).isEqualTo(1);
        assertThat(order.orders().get(2).container().imdgClass().value()).isEqualTo("8");
        assertThat(read.allRepairs()).isEmpty();
    }

    @Test
    void coprarWithoutPortOfLoadingIsRefusedNamingTheContainer() {
        String text = new String(EdiFiles.bytes("coprar-d95b-smdg-loading-order.edi"))
                .replace("LOC+9+NLRTM:139:6'\n", "");
        EdiIntake.Read read = EdiIntake.read(text.replace("UNT+25+C1", "UNT+24+C1").getBytes(),
                PartnerProfiles.all(PartnerProfile.DEFAULT));

        assertThat(read.accepted()).isFalse();
        assertThat(read.allErrors()).extracting(EdiError::reason).containsExactly(
                "no port of loading (LOC+9) for MSCU9100012", "no port of loading (LOC+9) for MSCU9100028",
                "no port of loading (LOC+9) for MSCU9100033");
    }

    @Test
    void readsVermasMassesWithTimeAndResponsibleParty() {
        EdiIntake.Read read = EdiFiles.read("vermas-d16a-smdg-vgm.edi", PartnerProfile.STRICT);

        assertThat(read.allErrors()).isEmpty();
        VgmMessage vgm = (VgmMessage) read.messages().getFirst();
        assertThat(vgm.masses()).extracting(VerifiedGrossMass::responsible)
                .containsExactly("SHIPPER BV", "COLD CHAIN BV");
        assertThat(vgm.masses().getFirst().mass().kilograms()).isEqualTo(19000);
        assertThat(vgm.masses().getFirst().determinedAt()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
    }

    @Test
    void readsThePublicCoarriSampleBothReports() {
        EdiIntake.Read read = EdiFiles.read("coarri-d95b-itg13-cosco-africa.edi", PartnerProfile.STRICT);

        assertThat(read.allErrors()).isEmpty();
        assertThat(read.messages()).hasSize(2);
        MoveReportMessage discharge = (MoveReportMessage) read.messages().get(0);
        MoveReportMessage load = (MoveReportMessage) read.messages().get(1);
        assertThat(discharge.moves()).extracting(ReportedMove::kind).containsOnly(MoveKind.DISCHARGE);
        assertThat(load.moves()).extracting(ReportedMove::kind).containsOnly(MoveKind.LOAD);
        assertThat(discharge.containers() + load.containers()).isEqualTo(21);
        ReportedMove first = discharge.moves().getFirst();
        assertThat(first.container().value()).isEqualTo("FCIU9908030");
        assertThat(first.slot()).isEqualTo(StowageSlot.parse("0380886"));
        assertThat(first.at()).isEqualTo(Instant.parse("2016-02-03T09:13:00Z"));
        assertThat(discharge.header().vessel().text()).isEqualTo("COSCO AFRICA 031W");
    }

    @Test
    void unknownMessageTypeIsRefusedNamingIt() {
        String text = "UNB+UNOA:2+A+B+261124:1000+1'UNH+1+IFTMIN:D:99B:UN'BGM+340+X+9'UNT+3+1'UNZ+1+1'";
        EdiIntake.Read read = EdiIntake.read(text.getBytes(), PartnerProfiles.all(PartnerProfile.DEFAULT));

        assertThat(read.accepted()).isFalse();
        assertThat(read.allErrors()).singleElement().hasToString("UNH (segment 2, element 2 component 1): message type "
                + "'IFTMIN' is not read by PortOps (BAPLIE, MOVINS, COPRAR, VERMAS, COARRI, CODECO)");
    }

    @Test
    void readsLatinOneNamesOfAUnocInterchange() {
        byte[] unoc = "UNB+UNOC:3+A+B+261124:1000+1'UNH+1+VERMAS:D:16A:UN:SMDG10'BGM+VGM+V9+9'EQD+CN+MSCU9200011'MEA+AAE+VGM+KGM:19000'NAD+SPC+++GÉNÉRALE SA'UNT+6+1'UNZ+1+1'"
                .getBytes(StandardCharsets.ISO_8859_1);

        EdiIntake.Read read = EdiIntake.read(unoc, PartnerProfiles.all(PartnerProfile.STRICT));

        assertThat(read.allErrors()).isEmpty();
        assertThat(((VgmMessage) read.messages().getFirst()).masses().getFirst().responsible()).isEqualTo("GÉNÉRALE SA");
    }

    @Test
    void textThatIsNotEdifactIsRefused() {
        EdiIntake.Read read = EdiIntake.read("hello, world".getBytes(), PartnerProfiles.all(PartnerProfile.DEFAULT));

        assertThat(read.accepted()).isFalse();
        assertThat(read.allErrors()).singleElement().satisfies(e -> assertThat(e.reason()).startsWith("not readable as EDIFACT"));
    }
}
