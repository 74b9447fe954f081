package org.portops.model.vessel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImoNumberTest {

    @Test
    void acceptsPublishedExample() {
        assertThat(new ImoNumber("9074729")).hasToString("9074729");
        assertThat(ImoNumber.checkDigit("907472")).isEqualTo(9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMO 9074729", "IMO9074729", " imo 9074729 ", "9074729"})
    void ofAcceptsTheOptionalPrefix(String text) {
        assertThat(ImoNumber.of(text)).isEqualTo(new ImoNumber("9074729"));
    }

    @Test
    void acceptsAnotherRealShip() {
        assertThat(ImoNumber.of("IMO 9321483").value()).isEqualTo("9321483");
    }

    @Test
    void refusesWrongCheckDigitNamingTheExpectedOne() {
        assertThatThrownBy(() -> new ImoNumber("9074728"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IMO number 9074728 has check digit 8, expected 9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"907472", "90747290", "IMO9074729", "907472X"})
    void refusesMalformedNumbers(String text) {
        assertThatThrownBy(() -> new ImoNumber(text)).hasMessageContaining("IMO number must be 7 digits");
    }
}
