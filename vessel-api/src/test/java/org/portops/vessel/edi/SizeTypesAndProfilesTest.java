package org.portops.vessel.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portops.vessel.edi.inbound.SizeTypes;

class SizeTypesAndProfilesTest {

    @Test
    void mapsIso2716CodesKeepingLengthAndHeight() {
        assertThat(SizeTypes.read("4200").code().code()).isEqualTo("42G0");
        assertThat(SizeTypes.read("4500").code().code()).isEqualTo("45G0");
        assertThat(SizeTypes.read("2232").code().code()).isEqualTo("22R1");
        assertThat(SizeTypes.read("4532").code().isReefer()).isTrue();
        assertThat(SizeTypes.read("2070").code().isTank()).isTrue();
        assertThat(SizeTypes.read("2200").iso2716()).isEqualTo("2200");
    }

    @Test
    void keepsIso6346CodesAsTheyAre() {
        SizeTypes.Read read = SizeTypes.read("L5G1");
        assertThat(read.code().code()).isEqualTo("L5G1");
        assertThat(read.iso2716()).isNull();
    }

    @Test
    void refusesCodesWithNoKnownEquivalentNamingThem() {
        assertThatThrownBy(() -> SizeTypes.read("2299"))
                .hasMessage("ISO 2716 size-type 2299: type code 99 has no ISO 6346 equivalent PortOps maps");
        assertThatThrownBy(() -> SizeTypes.read("9500")).hasMessageContaining("length code '9'");
        assertThatThrownBy(() -> SizeTypes.read("22G")).hasMessage("size-type '22G' is neither ISO 6346 (e.g. 45G1) "
                + "nor ISO 2716 (e.g. 4500)");
    }

    @Test
    void readsPerPartnerProfilesFromProperties() {
        Properties properties = new Properties();
        properties.putAll(Map.of("default", "strict",
                "partner.OOCLIES.fix-control-counts", "true",
                "partner.OOCLIES.drop-unknown-qualifiers", "DTM, RFF",
                "partner.OOCLIES.alias.MEA+ZZW", "WT"));

        PartnerProfiles profiles = PartnerProfiles.fromProperties(properties);

        assertThat(profiles.forPartner("SOMEONE")).isEqualTo(PartnerProfile.STRICT);
        PartnerProfile oocl = profiles.forPartner("OOCLIES");
        assertThat(oocl.fixControlCounts()).isTrue();
        assertThat(oocl.dropStrayFtx()).isFalse();
        assertThat(oocl.droppableUnknownQualifiers()).isEqualTo(Set.of("DTM", "RFF"));
        assertThat(oocl.qualifierAliases()).isEqualTo(Map.of("MEA+ZZW", "WT"));
    }

    @Test
    void refusesUnknownProfileSettings() {
        Properties properties = new Properties();
        properties.put("partner.X.fix-everything", "true");

        assertThatThrownBy(() -> PartnerProfiles.fromProperties(properties))
                .hasMessageStartingWith("partner profile X: unknown setting 'fix-everything'");
    }

    @Test
    void anAliasRepairsAPartnersPrivateQualifierAndReportsIt() {
        String text = new String(EdiFiles.bytes("baplie-d95b-smdg22-msc-anna.edi"))
                .replace("MEA+VGM++KGM:21450", "MEA+ZZW++KGM:21450");
        PartnerProfile msc = new PartnerProfile("MSCU", false, false, Set.of(), Map.of("MEA+ZZW", "WT"));

        EdiIntake.Read strict = EdiIntake.read(text.getBytes(), PartnerProfiles.all(PartnerProfile.STRICT));
        EdiIntake.Read aliased = EdiIntake.read(text.getBytes(),
                new PartnerProfiles(PartnerProfile.STRICT, Map.of("MSCU", msc)));

        assertThat(strict.allErrors()).extracting(EdiError::reason).containsExactly(
                "unknown qualifier 'ZZW' in MEA of the equipment group (known: AAE, VGM, WT)",
                "no gross mass (MEA WT, VGM or AAE) for MSCU1234566");
        assertThat(aliased.allErrors()).isEmpty();
        assertThat(aliased.allRepairs()).extracting(EdiRepair::toString)
                .containsExactly("MEA (segment 13, element 1): qualifier ZZW read as WT (partner profile MSCU)",
                        "DGS (segment 36, element 2 component 1): IMDG class 3.1 (subclass withdrawn in 2001) read as "
                                + "class 3");
    }
}
