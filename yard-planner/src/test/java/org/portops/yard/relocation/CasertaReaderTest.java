package org.portops.yard.relocation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CasertaReaderTest {
    private static final Path FILE = Path.of("data3-3-1.dat");

    @Test
    void readsStacksBottomToTopAndTakesTiersFromTheTallestStack() throws Exception {
        BlocksInstance instance = CasertaReader.parse(FILE, "3 9\n3 3 7 1\n3 2 6 5\n3 8 9 4\n");

        assertThat(instance.name()).isEqualTo("data3-3-1");
        assertThat(instance.stacks()).containsExactly(List.of(3, 7, 1), List.of(2, 6, 5), List.of(8, 9, 4));
        assertThat(instance.tiers()).isEqualTo(3);
        assertThat(instance.maxHeight()).isEqualTo(5);
    }

    @Test
    void refusesHeaderWithOneField() {
        assertThatThrownBy(() -> CasertaReader.parse(FILE, "3\n"))
                .hasMessage("data3-3-1.dat:1: header: expected 2 fields \"W N\", found 1");
    }

    @Test
    void refusesPriorityThatIsNotANumber() {
        assertThatThrownBy(() -> CasertaReader.parse(FILE, "2 4\n2 1 x\n2 3 4\n"))
                .hasMessage("data3-3-1.dat:2: stack 1 priority 2: not a whole number: \"x\"");
    }

    @Test
    void refusesStackWhoseHeightDisagreesWithItsPriorities() {
        assertThatThrownBy(() -> CasertaReader.parse(FILE, "2 4\n2 1 2\n3 3 4\n"))
                .hasMessage("data3-3-1.dat:3: stack 2: height 3 but 2 priorities follow");
    }

    @Test
    void refusesMissingStackLine() {
        assertThatThrownBy(() -> CasertaReader.parse(FILE, "3 4\n2 1 2\n2 3 4\n"))
                .hasMessage("data3-3-1.dat:4: stack 3: missing: header announces 3 stacks, file has 2");
    }

    @Test
    void refusesPriorityAboveN() {
        assertThatThrownBy(() -> CasertaReader.parse(FILE, "2 4\n2 1 2\n2 3 9\n"))
                .hasMessage("data3-3-1.dat:3: stack 2 priority 2: 9 exceeds N = 4");
    }

    @Test
    void refusesRepeatedPriority() {
        assertThatThrownBy(() -> CasertaReader.parse(FILE, "2 4\n2 1 2\n2 2 4\n"))
                .hasMessageStartingWith("data3-3-1.dat:1: priorities: ")
                .hasMessageContaining("2 repeats");
    }

    @Test
    void refusesContainerCountThatDisagreesWithHeader() {
        assertThatThrownBy(() -> CasertaReader.parse(FILE, "2 5\n2 1 2\n2 3 4\n"))
                .hasMessage("data3-3-1.dat:1: N (containers): header says 5 containers, stacks hold 4");
    }

    @Test
    void refusesTrailingLine() {
        assertThatThrownBy(() -> CasertaReader.parse(FILE, "2 4\n2 1 2\n2 3 4\n1 5\n"))
                .hasMessageStartingWith("data3-3-1.dat:4: trailing line: ");
    }
}
