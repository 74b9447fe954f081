package org.portops.crane.berth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LallaRuizReaderTest {
    /** 2 vessels, 2 berths; vessel 2 is not allowed at berth 1. */
    private static final String VALID = """
            2
            2
            5 7
            0 3
            10 12
            99999 8
            50 60
            40 45
            """;

    static Path resource(String name) {
        try {
            return Path.of(LallaRuizReaderTest.class.getResource("/berth/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryFieldOfAPublishedInstance() {
        BerthInstance instance = LallaRuizReader.read(resource("f30x3-01.txt"));

        assertThat(instance.name()).isEqualTo("f30x3-01");
        assertThat(instance.vessels()).hasSize(30);
        assertThat(instance.berths()).containsExactly(new Berth(1, 12, 600), new Berth(2, 12, 600), new Berth(3, 12, 600));
        assertThat(instance.vessel(1).arrival()).isEqualTo(71);
        assertThat(instance.vessel(30).arrival()).isEqualTo(12);
        assertThat(instance.vessel(2).handlingTimeByBerth()).containsExactly(
                Map.entry(1, 44), Map.entry(2, 44), Map.entry(3, 88));
        assertThat(instance.vessel(23).allowedAt(1)).isFalse();
        assertThat(instance.vessel(23).handlingTime(3)).isEqualTo(12);
        assertThat(instance.vessel(30).latestDeparture()).isEqualTo(600);
    }

    @Test
    void readsForbiddenBerthsDeadlinesAndWindows() {
        BerthInstance instance = LallaRuizReader.parse("t", "t.txt", VALID);

        assertThat(instance.vessel(2).allowedAt(1)).isFalse();
        assertThat(instance.vessel(2).handlingTime(2)).isEqualTo(8);
        assertThat(instance.berth(2)).isEqualTo(new Berth(2, 3, 60));
        assertThat(instance.deadline(1, 2)).isEqualTo(40);
        assertThat(instance.deadline(2, 1)).isEqualTo(45);
    }

    @Test
    void acceptsSurplusValuesOnClosingAndDepartureLinesAsPublished() {
        String surplus = VALID.replace("50 60", "50 60 600 600").replace("40 45", "40 45 600");

        assertThat(LallaRuizReader.parse("t", "t.txt", surplus)).isEqualTo(LallaRuizReader.parse("t", "t.txt", VALID));
    }

    @Test
    void acceptsWindowsLineEndsAndTrailingBlanks() {
        assertThat(LallaRuizReader.parse("t", "t.txt", VALID.replace("\n", " \r\n")))
                .isEqualTo(LallaRuizReader.parse("t", "t.txt", VALID));
    }

    @Test
    void namesFileLineAndFieldOfANonNumber() {
        assertThatThrownBy(() -> LallaRuizReader.parse("t", "t.txt", VALID.replace("5 7", "5 x7")))
                .isInstanceOf(BerthInstanceFormatException.class)
                .hasMessage("t.txt line 3 (arrival times): expected value 2 a whole number, found 'x7'");
    }

    @Test
    void refusesTooFewArrivals() {
        assertThatThrownBy(() -> LallaRuizReader.parse("t", "t.txt", VALID.replace("5 7", "5")))
                .hasMessage("t.txt line 3 (arrival times): expected 2 values, found 1");
    }

    @Test
    void refusesSurplusValuesWhereThePublishedFilesHaveNone() {
        assertThatThrownBy(() -> LallaRuizReader.parse("t", "t.txt", VALID.replace("10 12", "10 12 14")))
                .hasMessage("t.txt line 5 (handling times of vessel 1): expected 2 values, found 3");
    }

    @Test
    void refusesAFileThatEndsEarly() {
        String truncated = VALID.substring(0, VALID.indexOf("40 45"));

        assertThatThrownBy(() -> LallaRuizReader.parse("t", "t.txt", truncated))
                .isInstanceOf(BerthInstanceFormatException.class)
                .hasMessage("t.txt line 8 (latest departures): missing: the file ends before it");
    }

    @Test
    void refusesAVesselAllowedNowhere() {
        assertThatThrownBy(() -> LallaRuizReader.parse("t", "t.txt", VALID.replace("99999 8", "99999 99999")))
                .hasMessage("t.txt line 6 (handling times of vessel 2): the vessel is allowed at no berth (every value is 99999)");
    }

    @Test
    void refusesAZeroHandlingTime() {
        assertThatThrownBy(() -> LallaRuizReader.parse("t", "t.txt", VALID.replace("10 12", "10 0")))
                .hasMessage("t.txt line 5 (handling times of vessel 1): berth 2: handling time must be 1 or more (99999 = not allowed), was 0");
    }

    @Test
    void refusesANegativeTime() {
        assertThatThrownBy(() -> LallaRuizReader.parse("t", "t.txt", VALID.replace("0 3", "0 -3")))
                .hasMessage("t.txt line 4 (berth opening times): value 2 must be 0 or more, was -3");
    }

    @Test
    void refusesABerthClosingBeforeItOpens() {
        assertThatThrownBy(() -> LallaRuizReader.parse("t", "t.txt", VALID.replace("50 60", "50 2")))
                .hasMessage("t.txt line 7 (berth closing times): berth 2 closes at 2, before it opens at 3");
    }

    @Test
    void refusesALatestDepartureBeforeArrival() {
        assertThatThrownBy(() -> LallaRuizReader.parse("t", "t.txt", VALID.replace("40 45", "40 6")))
                .hasMessage("t.txt line 8 (latest departures): vessel 2 must leave by 6, before it arrives at 7");
    }

    @Test
    void refusesAZeroVesselCount() {
        assertThatThrownBy(() -> LallaRuizReader.parse("t", "t.txt", "0\n" + VALID.substring(2)))
                .hasMessage("t.txt line 1 (number of vessels): must be 1 or more, was 0");
    }

    @Test
    void refusesContentAfterTheLastField() {
        assertThatThrownBy(() -> LallaRuizReader.parse("t", "t.txt", VALID + "\n7 7\n"))
                .hasMessage("t.txt line 10 (end of file): unexpected extra content '7 7'");
    }

    @Test
    void readNamesTheFileInItsErrors(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("broken-07.txt");
        Files.writeString(file, VALID.replace("0 3", "0 three"));

        assertThatThrownBy(() -> LallaRuizReader.read(file))
                .hasMessage("broken-07.txt line 4 (berth opening times): expected value 2 a whole number, found 'three'");
    }
}
