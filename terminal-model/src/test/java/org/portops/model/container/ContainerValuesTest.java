package org.portops.model.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerValuesTest {

    @Test
    void vgmWeightIsBetweenOneKilogramAndFiftyTonnes() {
        assertThat(new VgmWeight(1).kilograms()).isEqualTo(1);
        assertThat(new VgmWeight(50_000).kilograms()).isEqualTo(50_000);
        assertThatThrownBy(() -> new VgmWeight(0)).hasMessage("VGM weight in kg must be 1..50000, was 0");
        assertThatThrownBy(() -> new VgmWeight(50_001)).hasMessageContaining("was 50001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MSCU", "MAEU", "CMA", "HL", "ZIM1"})
    void acceptsLineCodes(String code) {
        assertThat(new LineOperator(code)).hasToString(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"M", "MSCUX", "mscu", "MS-C", ""})
    void refusesBadLineCodes(String code) {
        assertThatThrownBy(() -> new LineOperator(code)).hasMessageContaining("line operator code must be 2..4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NLRTM", "DEHAM", "CNSHA", "USNYC", "GB2XY"})
    void acceptsUnLocodes(String code) {
        assertThat(new UnLocode(code)).hasToString(code);
        assertThat(new UnLocode(code).country()).isEqualTo(code.substring(0, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NLRT", "NLRTMX", "N1RTM", "NLRT1", "NLRT0", "nlrtm"})
    void refusesBadUnLocodes(String code) {
        assertThatThrownBy(() -> new UnLocode(code)).hasMessageContaining("UN/LOCODE must be");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "1.4, 1", "2.1, 2", "3, 3", "4.3, 4", "5.2, 5", "6.2, 6", "7, 7", "8, 8", "9, 9"})
    void imdgClassKnowsItsPrimaryClass(String value, int primary) {
        assertThat(new ImdgClass(value).primaryClass()).isEqualTo(primary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "1.7", "2", "2.4", "4", "5", "6", "3.1", ""})
    void refusesUnknownImdgClasses(String value) {
        assertThatThrownBy(() -> new ImdgClass(value)).hasMessageContaining("IMDG class must be one of");
    }

    @Test
    void reeferSetPointIsBetweenMinusSeventyAndPlusForty() {
        assertThat(new ReeferSetPoint(-70.0).celsius()).isEqualTo(-70.0);
        assertThat(new ReeferSetPoint(40.0).celsius()).isEqualTo(40.0);
        assertThatThrownBy(() -> new ReeferSetPoint(-70.1)).hasMessageContaining("was -70.1");
        assertThatThrownBy(() -> new ReeferSetPoint(Double.NaN)).hasMessageContaining("was NaN");
    }

    @Test
    void lengthsKnowTheirFeetAndYardBays() {
        assertThat(ContainerLength.TWENTY.feet()).isEqualTo(20);
        assertThat(ContainerLength.TWENTY.yardBays()).isEqualTo(1);
        assertThat(ContainerLength.FORTY.yardBays()).isEqualTo(2);
        assertThat(ContainerLength.FORTY_FIVE.feet()).isEqualTo(45);
        assertThat(ContainerLength.FORTY_FIVE.yardBays()).isEqualTo(2);
    }
}
