package org.portops.model.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerNumberTest {

    @Test
    void acceptsTheIso6346WorkedExample() {
        ContainerNumber number = new ContainerNumber("CSQU3054383");

        assertThat(number.ownerCode()).isEqualTo("CSQ");
        assertThat(number.categoryIdentifier()).isEqualTo('U');
        assertThat(number.serial()).isEqualTo(305438);
        assertThat(number).hasToString("CSQU3054383");
    }

    @ParameterizedTest
    @CsvSource({"CSQU305438, 3", "BICU123456, 5", "MSCU123456, 6", "MAEU123456, 7"})
    void computesPublishedCheckDigits(String firstTen, int expected) {
        assertThat(ContainerNumber.checkDigit(firstTen)).isEqualTo(expected);
    }

    @Test
    void remainderTenGivesCheckDigitZero() {
        assertThat(ContainerNumber.checkDigit("TGHU000004")).isZero();
        assertThat(new ContainerNumber("TGHU0000040").value()).isEqualTo("TGHU0000040");
    }

    @Test
    void refusesWrongCheckDigitNamingTheExpectedOne() {
        assertThatThrownBy(() -> new ContainerNumber("CSQU3054384"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("container number CSQU3054384 has check digit 4, expected 3");
    }

    @Test
    void lettersTakeValuesTenToThirtyEightSkippingMultiplesOfEleven() {
        assertThat(ContainerNumber.letterValue('A')).isEqualTo(10);
        assertThat(ContainerNumber.letterValue('B')).isEqualTo(12);
        assertThat(ContainerNumber.letterValue('K')).isEqualTo(21);
        assertThat(ContainerNumber.letterValue('L')).isEqualTo(23);
        assertThat(ContainerNumber.letterValue('U')).isEqualTo(32);
        assertThat(ContainerNumber.letterValue('V')).isEqualTo(34);
        assertThat(ContainerNumber.letterValue('Z')).isEqualTo(38);
        for (char c = 'A'; c <= 'Z'; c++) {
            assertThat(ContainerNumber.letterValue(c) % 11).as("value of %s", c).isNotZero();
        }
    }

    @Test
    void ofNormalisesSpacesAndCase() {
        assertThat(ContainerNumber.of("  csqu 305438 3 ")).isEqualTo(new ContainerNumber("CSQU3054383"));
    }

    @Test
    void fromPartsComputesTheCheckDigit() {
        assertThat(ContainerNumber.fromParts("CSQ", 'U', 305438)).hasToString("CSQU3054383");
        assertThat(ContainerNumber.fromParts("ABC", 'J', 1)).hasToString("ABCJ0000010");
    }

    @Test
    void fromPartsRefusesBadParts() {
        assertThatThrownBy(() -> ContainerNumber.fromParts("CS", 'U', 1)).hasMessageContaining("owner code");
        assertThatThrownBy(() -> ContainerNumber.fromParts("CSQ", 'X', 1))
                .hasMessageContaining("category identifier must be U, J or Z");
        assertThatThrownBy(() -> ContainerNumber.fromParts("CSQ", 'U', 1_000_000)).hasMessageContaining("serial");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CSQU305438", "CSQU30543833", "CSQX3054383", "C5QU3054383", "csqu3054383"})
    void refusesMalformedNumbers(String text) {
        assertThatThrownBy(() -> new ContainerNumber(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("container number must be 3 owner letters");
    }

    @Test
    void everyGeneratedNumberRoundTripsAndAnyOtherDigitIsRefused() {
        long seed = 6346;
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            String owner = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26))
                    + (char) ('A' + random.nextInt(26));
            ContainerNumber number = ContainerNumber.fromParts(owner, "UJZ".charAt(random.nextInt(3)),
                    random.nextInt(1_000_000));
            assertThat(ContainerNumber.of(number.value())).as("seed %d", seed).isEqualTo(number);
            int wrong = (number.value().charAt(10) - '0' + 1 + random.nextInt(9)) % 10;
            String tampered = number.value().substring(0, 10) + wrong;
            assertThatThrownBy(() -> new ContainerNumber(tampered)).as("seed %d, %s", seed, tampered)
                    .hasMessageContaining("expected " + number.value().charAt(10));
        }
    }
}
