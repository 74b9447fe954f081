package org.portops.model.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizeTypeCodeTest {

    @ParameterizedTest
    @CsvSource({
            "22G1, TWENTY,     false, GENERAL,   false, false",
            "42G1, FORTY,      false, GENERAL,   false, false",
            "45G1, FORTY,      true,  GENERAL,   false, false",
            "45R1, FORTY,      true,  THERMAL,   true,  false",
            "22R1, TWENTY,     false, THERMAL,   true,  false",
            "22T6, TWENTY,     false, TANK,      false, true",
            "L5G1, FORTY_FIVE, true,  GENERAL,   false, false",
            "22U1, TWENTY,     false, OPEN_TOP,  false, false",
            "42P1, FORTY,      false, FLAT_RACK, false, false",
            "22P0, TWENTY,     false, PLATFORM,  false, false",
            "22V0, TWENTY,     false, VENTILATED, false, false",
            "22B0, TWENTY,     false, BULK,      false, false",
            "22S1, TWENTY,     false, NAMED_CARGO, false, false",
            "42H0, FORTY,      false, THERMAL,   false, false",
            "22A0, TWENTY,     false, SPECIAL,   false, false"})
    void readsLengthHeightAndTypeGroup(String code, ContainerLength length, boolean highCube, TypeGroup group,
                                       boolean reefer, boolean tank) {
        SizeTypeCode sizeType = new SizeTypeCode(code);

        assertThat(sizeType.length()).isEqualTo(length);
        assertThat(sizeType.highCube()).isEqualTo(highCube);
        assertThat(sizeType.typeGroup()).isEqualTo(group);
        assertThat(sizeType.isReefer()).isEqualTo(reefer);
        assertThat(sizeType.isTank()).isEqualTo(tank);
        assertThat(sizeType).hasToString(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"22X1", "22Q1"})
    void refusesUnknownTypeGroupLetters(String code) {
        assertThatThrownBy(() -> new SizeTypeCode(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown type group '" + code.charAt(2) + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12G1", "M5G1"})
    void refusesLengthsPortOpsDoesNotHandle(String code) {
        assertThatThrownBy(() -> new SizeTypeCode(code)).hasMessageContaining("length code '" + code.charAt(0) + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "22G", "22G1X", "22g1", "2 G1", "22GG"})
    void refusesMalformedCodes(String code) {
        assertThatThrownBy(() -> new SizeTypeCode(code)).hasMessageContaining("size-type code must be 4 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"27G1", "2AG1"})
    void refusesUnknownHeightCodes(String code) {
        assertThatThrownBy(() -> new SizeTypeCode(code)).hasMessageContaining("unknown height code");
    }
}
