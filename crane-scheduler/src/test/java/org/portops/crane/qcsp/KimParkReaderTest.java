package org.portops.crane.qcsp;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KimParkReaderTest {
    private static final String VALID = """
            4
            6
            2
            1
            1
            [10,20,30,40]
            [1,2,5,6]
            [[1,2],[3,4]]
            [0,5]
            [1,4]
            """;

    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(KimParkReaderTest.class.getResource("/qcsp/" + name)).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryFieldOfAKimParkFile() {
        QcspInstance instance = KimParkReader.read(resource("test_2.txt"));

        assertThat(instance.name()).isEqualTo("test_2");
        assertThat(instance.tasks()).hasSize(10);
        assertThat(instance.bays()).isEqualTo(10);
        assertThat(instance.travelTimePerBay()).isEqualTo(1);
        assertThat(instance.safetyMargin()).isEqualTo(1);
        assertThat(instance.task(1)).isEqualTo(new CraneTask(1, 22, 4));
        assertThat(instance.task(10)).isEqualTo(new CraneTask(10, 21, 5));
        assertThat(instance.precedences()).containsExactly(new Precedence(9, 1), new Precedence(3, 10));
        assertThat(instance.cranes()).containsExactly(new QuayCrane(1, 0, 1), new QuayCrane(2, 0, 6));
    }

    @Test
    void cranesReachOnlyTheBaysTheirNeighboursLeaveThem() {
        QcspInstance instance = KimParkReader.parse("small", VALID);

        assertThat(instance.lowestBay(1)).isEqualTo(1);
        assertThat(instance.highestBay(1)).isEqualTo(4);
        assertThat(instance.lowestBay(2)).isEqualTo(3);
        assertThat(instance.highestBay(2)).isEqualTo(6);
    }

    @Test
    void acceptsAnEmptyPrecedenceListAndBlankLines() {
        QcspInstance instance = KimParkReader.parse("small", VALID.replace("[[1,2],[3,4]]", "[]").replace("\n2\n", "\n\n2\n"));

        assertThat(instance.precedences()).isEmpty();
        assertThat(instance.cranes()).hasSize(2);
    }

    @Test
    void refusesAProcessingTimeListOfTheWrongLengthNamingLineAndField() {
        assertThatThrownBy(() -> KimParkReader.parse("small", VALID.replace("[10,20,30,40]", "[10,20,30]")))
                .isInstanceOf(InstanceFormatException.class)
                .hasMessage("small line 6 (processing times): expected 4 values, found 3")
                .extracting(e -> ((InstanceFormatException) e).line()).isEqualTo(6);
    }

    @Test
    void refusesANonNumericCount() {
        assertThatThrownBy(() -> KimParkReader.parse("small", VALID.replaceFirst("6\n", "six\n")))
                .hasMessage("small line 2 (number of bays): expected a whole number, found 'six'");
    }

    @Test
    void refusesATaskBayBeyondTheVessel() {
        assertThatThrownBy(() -> KimParkReader.parse("small", VALID.replace("[1,2,5,6]", "[1,2,5,7]")))
                .hasMessage("small line 7 (task bays): value 4 must be 1..6, was 7");
    }

    @Test
    void refusesAPrecedenceNamingAnUnknownTask() {
        assertThatThrownBy(() -> KimParkReader.parse("small", VALID.replace("[[1,2],[3,4]]", "[[1,2],[3,9]]")))
                .hasMessage("small line 8 (precedences): pair 2 names task 9, outside 1..4");
    }

    @Test
    void refusesAMalformedPrecedencePair() {
        assertThatThrownBy(() -> KimParkReader.parse("small", VALID.replace("[[1,2],[3,4]]", "[[1,2],[3]]")))
                .hasMessage("small line 8 (precedences): pair 2 must have two task numbers, found '3'");
    }

    @Test
    void refusesAMissingLineNamingTheMissingField() {
        String truncated = VALID.substring(0, VALID.indexOf("[1,4]"));

        assertThatThrownBy(() -> KimParkReader.parse("small", truncated))
                .hasMessage("small line 10 (crane initial bays): missing: the file has 9 of the 10 lines");
    }

    @Test
    void refusesExtraContentAfterTheLastField() {
        assertThatThrownBy(() -> KimParkReader.parse("small", VALID + "[0]\n"))
                .hasMessage("small line 11 (end of file): unexpected extra content '[0]'");
    }

    @Test
    void refusesCranesStartingWithinTheSafetyMargin() {
        assertThatThrownBy(() -> KimParkReader.parse("small", VALID.replace("[1,4]", "[1,2]")))
                .isInstanceOf(InstanceFormatException.class)
                .hasMessageContaining("crane 2 starts at bay 2, within the safety margin of crane 1 at bay 1");
    }

    @Test
    void refusesCyclicPrecedences() {
        assertThatThrownBy(() -> KimParkReader.parse("small", VALID.replace("[[1,2],[3,4]]", "[[1,2],[2,1]]")))
                .hasMessageContaining("precedences form a cycle among tasks [1, 2]");
    }
}
