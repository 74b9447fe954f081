package org.portops.crane.qcsp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model reproduces the published optima of Kim &amp; Park's small instances exactly, and proves k22's listed
 * 179 unreachable: nothing below 180 exists (docs/crane-scheduling.md).
 */
class ExhaustiveSearchTest {

    @ParameterizedTest(name = "{0} ({1}): optimum {2}")
    @CsvSource({"test_2.txt, k14, 182", "test_4.txt, k16, 104", "test_6.txt, k18, 125", "test_8.txt, k20, 133",
            "test_10.txt, k22, 180"})
    void provesTheOptimalMakespan(String file, String name, int optimum) {
        QcspInstance instance = KimParkReader.read(KimParkReaderTest.resource(file));

        assertThat(ExhaustiveSearch.optimum(instance).optimum()).as(name).isEqualTo(optimum);
    }
}
