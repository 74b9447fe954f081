package org.portops.model.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.layout.TerminalLayoutLoader.Format;
import org.portops.model.quay.Bollard;
import org.portops.model.quay.Quay;
import org.portops.model.yard.BlockId;

class TerminalLayoutLoaderTest {

    private static final String VALID = """
            terminalCode: TST
            name: Test terminal
            port: NLRTM
            quay:
              name: Test quay
              lengthMeters: 900
              berths:
                - {id: B1, startMeter: 0, endMeter: 300, waterDepthMeters: 16}
                - {id: B2, startMeter: 300, endMeter: 600, waterDepthMeters: 15}
            blocks:
              - {id: A01, bays: 40, rows: 8, maxTiers: 5, reeferRows: [7, 8], origin: {x: 0, y: 100}, craneKind: RTG}
              - {id: A02, bays: 40, rows: 8, maxTiers: 5, origin: {x: 300, y: 100}, craneKind: RTG}
              - {id: A03, bays: 40, rows: 8, maxTiers: 5, origin: {x: 600, y: 100}, craneKind: RMG}
              - {id: A04, bays: 20, rows: 6, maxTiers: 4, origin: {x: 0, y: 150}, craneKind: STRADDLE_CARRIER}
            equipment:
              - {kind: QUAY_CRANE, idPrefix: QC, count: 4, model: STS}
              - {kind: RTG, idPrefix: RTG, count: 6}
            gateLanes:
              - {id: IN-1, inbound: true}
              - {id: OUT-1, inbound: false}
            """;

    private static final String BERTHS_END = "    - {id: B2, startMeter: 300, endMeter: 600, waterDepthMeters: 15}\n";

    private static List<String> problems(String yaml) {
        try {
            TerminalLayoutLoader.parse(yaml, Format.YAML);
        } catch (LayoutException e) {
            return e.problems();
        }
        throw new AssertionError("expected a LayoutException for:\n" + yaml);
    }

    @Test
    void readsAValidLayout() {
        TerminalLayout layout = TerminalLayoutLoader.parse(VALID, Format.YAML);

        assertThat(layout.terminalCode()).isEqualTo("TST");
        assertThat(layout.quay().berths()).hasSize(2);
        assertThat(layout.blocks()).extracting(b -> b.id().value()).containsExactly("A01", "A02", "A03", "A04");
        assertThat(layout.block(new BlockId("A01")).orElseThrow().reeferRows()).containsExactly(7, 8);
        assertThat(layout.block(new BlockId("A02")).orElseThrow().reeferRows()).isEmpty();
        assertThat(layout.block(new BlockId("A04")).orElseThrow().craneKind()).isEqualTo(EquipmentKind.STRADDLE_CARRIER);
        assertThat(layout.allEquipment()).hasSize(10);
        assertThat(layout.equipment().get(1).model()).isEmpty();
        assertThat(layout.capacitySlots()).isEqualTo(3 * 1_600 + 20 * 6 * 4);
    }

    @Test
    void readsTheSameLayoutFromJson() {
        String json = """
                {"terminalCode": "TST", "name": "Test terminal", "port": "NLRTM",
                 "quay": {"name": "Test quay", "lengthMeters": 900,
                          "berths": [{"id": "B1", "startMeter": 0, "endMeter": 300, "waterDepthMeters": 16}]},
                 "blocks": [{"id": "A01", "bays": 40, "rows": 8, "maxTiers": 5, "reeferRows": [7, 8],
                             "origin": {"x": 0, "y": 100}, "craneKind": "RTG"}],
                 "equipment": [{"kind": "QUAY_CRANE", "idPrefix": "QC", "count": 4, "model": "STS"}],
                 "gateLanes": [{"id": "IN-1", "inbound": true}]}
                """;

        TerminalLayout layout = TerminalLayoutLoader.parse(json, Format.JSON);

        assertThat(layout.blocks().getFirst().capacitySlots()).isEqualTo(1_600);
        assertThat(layout.allEquipment()).extracting(e -> e.id().value()).containsExactly("QC01", "QC02", "QC03", "QC04");
    }

    @Test
    void readsTheQuaysBollardsAsARowOrAsAList() {
        assertThat(TerminalLayoutLoader.parse(VALID, Format.YAML).quay().bollards()).as("optional").isEmpty();

        Quay row = TerminalLayoutLoader.parse(VALID.replace(BERTHS_END, BERTHS_END
                + "  bollards: {firstMeter: 10, spacingMeters: 30, count: 30}\n"), Format.YAML).quay();
        assertThat(row.bollards()).hasSize(30).startsWith(new Bollard("1", 10)).endsWith(new Bollard("30", 880));

        Quay list = TerminalLayoutLoader.parse(VALID.replace(BERTHS_END, BERTHS_END
                + "  bollards: [{id: N1, meter: 0}, {id: N2, meter: 35.5}, {id: S1, meter: 900}]\n"), Format.YAML)
                .quay();
        assertThat(list.bollards()).containsExactly(new Bollard("N1", 0), new Bollard("N2", 35.5),
                new Bollard("S1", 900));
    }

    @Test
    void bollardsOffTheQuayOutOfOrderOrTwiceAreRefusedNamingTheirIndex() {
        assertThat(problems(VALID.replace(BERTHS_END, BERTHS_END
                + "  bollards: [{id: '1', meter: 50}, {id: '2', meter: 40}, {id: '1', meter: 950}]\n")))
                .containsExactly("quay.bollards[1].meter: must follow bollard 1 at 50.0 m, was 40.0",
                        "quay.bollards[2].id: duplicate bollard 1",
                        "quay.bollards[2].meter: must be within the quay (0.0..900.0 m), was 950.0");
        assertThat(problems(VALID.replace(BERTHS_END, BERTHS_END
                + "  bollards: {firstMeter: 10, spacingMeters: 30, count: 31}\n")))
                .containsExactly("quay.bollards[30].meter: must be within the quay (0.0..900.0 m), was 910.0");
        assertThat(problems(VALID.replace(BERTHS_END, BERTHS_END + "  bollards: {firstMeter: 10, count: 3}\n")))
                .singleElement().asString().contains("quay.bollards.spacingMeters");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        String broken = VALID.replace("  name: Test quay", "  name: [Test quay");

        List<String> problems = problems(broken);

        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst()).startsWith("(syntax) line ").matches("\\(syntax\\) line [5-7], column \\d+: .+");
    }

    @Test
    void jsonSyntaxErrorNamesTheLine() {
        assertThatThrownBy(() -> TerminalLayoutLoader.parse("{\n \"name\": \"x\",\n \"port\" \"NLRTM\"\n}", Format.JSON))
                .isInstanceOfSatisfying(LayoutException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("(syntax) line 3, column "));
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThat(problems(VALID.replace("port: NLRTM", "port: NLRTM\nport: DEHAM")))
                .singleElement().asString().contains("line 4").contains("Duplicate field 'port'");
    }

    @Test
    void outOfRangeNumbersNameTheFieldPath() {
        assertThat(problems(VALID.replace("bays: 20, rows: 6, maxTiers: 4", "bays: 20, rows: 6, maxTiers: 12")))
                .containsExactly("blocks[3].maxTiers: must be 1..9, was 12");
    }

    @Test
    void wrongTypesNameTheFieldPath() {
        String yaml = VALID.replace("bays: 40, rows: 8, maxTiers: 5, origin: {x: 300", "bays: forty, rows: 8.5, "
                + "maxTiers: 5, origin: {x: east")
                .replace("{id: OUT-1, inbound: false}", "{id: OUT-1, inbound: 'no'}")
                .replace("lengthMeters: 900", "lengthMeters: [900]");

        assertThat(problems(yaml)).containsExactly(
                "quay.lengthMeters: must be a number, was a list",
                "blocks[1].bays: must be an integer, was \"forty\"",
                "blocks[1].rows: must be an integer, was 8.5",
                "blocks[1].origin.x: must be a number, was \"east\"",
                "gateLanes[1].inbound: must be true or false, was \"no\"");
    }

    @Test
    void missingFieldsAreNamed() {
        String yaml = VALID.replace("name: Test terminal\n", "")
                .replace("{id: A03, bays: 40, rows: 8, maxTiers: 5, ", "{id: A03, bays: 40, maxTiers: 5, ")
                .replace("waterDepthMeters: 15}", "}");

        assertThat(problems(yaml)).containsExactly(
                "name: required field is missing",
                "quay.berths[1].waterDepthMeters: required field is missing",
                "blocks[2].rows: required field is missing");
    }

    @Test
    void unknownFieldsAreNamed() {
        String yaml = VALID.replace("craneKind: RMG}", "craneKind: RMG, colour: blue}")
                .replace("terminalCode: TST", "terminalCode: TST\nowner: somebody");

        assertThat(problems(yaml)).containsExactly(
                "owner: unknown field (known: terminalCode, name, port, quay, blocks, equipment, gateLanes)",
                "blocks[2].colour: unknown field (known: id, bays, rows, maxTiers, reeferRows, origin, craneKind)");
    }

    @Test
    void overlappingBerthsAreNamed() {
        String yaml = VALID.replace("{id: B1, startMeter: 0, endMeter: 300", "{id: B1, startMeter: 300, endMeter: 600")
                .replace("{id: B2, startMeter: 300, endMeter: 600", "{id: B2, startMeter: 500, endMeter: 800");

        assertThat(problems(yaml)).containsExactly("quay.berths[1]: overlaps berth B1 (300.0..600.0 m)");
    }

    @Test
    void berthsOutsideTheQuayAreNamed() {
        assertThat(problems(VALID.replace("lengthMeters: 900", "lengthMeters: 500")))
                .containsExactly("quay.berths[1].endMeter: must be within the quay (0.0..500.0 m), was 600.0");
    }

    @Test
    void duplicateBlockIdsAreNamed() {
        String yaml = VALID.replace("{id: A03,", "{id: A01,");

        assertThat(problems(yaml)).containsExactly("blocks[2].id: duplicate block A01");
    }

    @Test
    void overlappingBlocksAreNamed() {
        String yaml = VALID.replace("origin: {x: 300, y: 100}", "origin: {x: 200, y: 110}");

        assertThat(problems(yaml)).containsExactly("blocks[1].origin: block A02 overlaps block A01 (blocks[0])");
    }

    @Test
    void reeferRowsOutsideTheBlockAreNamed() {
        assertThat(problems(VALID.replace("reeferRows: [7, 8]", "reeferRows: [8, 9, 8]")))
                .containsExactly("blocks[0].reeferRows[1]: must be 1..8, was 9",
                        "blocks[0].reeferRows[2]: duplicate reefer row 8");
    }

    @Test
    void badEnumsAndIdsAreNamed() {
        String yaml = VALID.replace("craneKind: RMG", "craneKind: CRANE")
                .replace("craneKind: STRADDLE_CARRIER", "craneKind: QUAY_CRANE")
                .replace("port: NLRTM", "port: Rotterdam")
                .replace("{id: A02,", "{id: a-2,");

        assertThat(problems(yaml)).containsExactly(
                "port: UN/LOCODE must be 2 country letters and 3 of A-Z, 2-9 (e.g. NLRTM), was 'Rotterdam'",
                "blocks[1].id: block id must be an upper-case letter and up to 5 letters or digits, was 'a-2'",
                "blocks[2].craneKind: must be one of QUAY_CRANE, RTG, RMG, ASC, STRADDLE_CARRIER, TERMINAL_TRACTOR, "
                        + "AGV, REACH_STACKER, was \"CRANE\"",
                "blocks[3].craneKind: must be a kind that stacks in the yard (RTG, RMG, ASC, STRADDLE_CARRIER, "
                        + "REACH_STACKER), was QUAY_CRANE");
    }

    @Test
    void collidingEquipmentIdsAndGateLanesAreNamed() {
        String yaml = VALID.replace("{kind: RTG, idPrefix: RTG, count: 6}",
                        "{kind: RTG, idPrefix: QC, count: 6}")
                .replace("{id: OUT-1, inbound: false}", "{id: IN-1, inbound: false}");

        assertThat(problems(yaml)).containsExactly("equipment[1].idPrefix: id QC01 is already used by equipment[0]",
                "gateLanes[1].id: duplicate gate lane IN-1");
    }

    @Test
    void collectsEveryProblemNotJustTheFirst() {
        String yaml = VALID.replace("maxTiers: 4", "maxTiers: 12")
                .replace("{id: A03,", "{id: A01,")
                .replace("count: 4", "count: 0")
                .replace("terminalCode: TST", "terminalCode: t");

        LayoutException e = (LayoutException) catchThrowable(
                () -> TerminalLayoutLoader.parse(yaml, Format.YAML));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "terminalCode: must be 2..16 of A-Z, 0-9, '-', was \"t\"",
                "blocks[3].maxTiers: must be 1..9, was 12",
                "equipment[0].count: must be 1..999, was 0");
        assertThat(e.getMessage()).startsWith("terminal layout yaml text has 3 problems:")
                .contains("\n  blocks[3].maxTiers: must be 1..9, was 12");
    }

    @Test
    void emptyAndNonObjectDocumentsAreRefused() {
        assertThat(problems("   \n")).containsExactly("(document): is empty");
        assertThat(problems("- a\n- b\n")).containsExactly("(document): must be an object, was a list");
    }

    @Test
    void loadsByExtension(@TempDir Path dir) throws IOException {
        Path yml = Files.writeString(dir.resolve("terminal.yml"), VALID);

        assertThat(TerminalLayoutLoader.load(yml).terminalCode()).isEqualTo("TST");
        assertThat(Format.of(Path.of("x.JSON"))).isEqualTo(Format.JSON);
        assertThat(Format.of(Path.of("x.yaml"))).isEqualTo(Format.YAML);
        assertThatThrownBy(() -> TerminalLayoutLoader.load(dir.resolve("terminal.txt")))
                .isInstanceOfSatisfying(LayoutException.class, e -> assertThat(e.problems())
                        .containsExactly("(file): name must end in .yaml, .yml or .json, was terminal.txt"));
        assertThatThrownBy(() -> TerminalLayoutLoader.load(dir.resolve("missing.yaml")))
                .isInstanceOfSatisfying(LayoutException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("(file): cannot read "));
    }
}
