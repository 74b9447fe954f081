package org.portops.crane.berth;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BerthPlanJsonTest {

    @Test
    void writesTheDocumentedShape() {
        BerthPlan plan = new BerthPlan("f30x3-01", 38, List.of(new BerthAssignment(1, 2, 7), new BerthAssignment(2, 1, 0)));

        assertThat(new JsonObject(BerthPlanJson.write(plan))).isEqualTo(new JsonObject("""
                {"instance": "f30x3-01", "objective": 38, "assignments": [
                  {"vessel": 1, "berth": 2, "start": 7}, {"vessel": 2, "berth": 1, "start": 0}]}"""));
    }

    @Test
    void aWrittenPlanIsReadBackAndPassesTheCheckerAgain(@TempDir Path folder) throws Exception {
        BerthInstance instance = LallaRuizReader.read(LallaRuizReaderTest.resource("f30x3-01.txt"));
        BerthPlan plan = FirstComeFirstServed.plan(instance);
        Path file = folder.resolve(instance.name() + ".json");

        Files.writeString(file, BerthPlanJson.write(plan));
        BerthPlan read = BerthPlanJson.read(Files.readString(file));

        assertThat(read).isEqualTo(plan);
        assertThat(BerthPlanChecker.check(instance, read)).isEmpty();
    }

    @Test
    void namesAMissingField() {
        assertThatThrownBy(() -> BerthPlanJson.read("""
                {"instance": "x", "objective": 3, "assignments": [{"vessel": 1, "start": 0}]}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("berth plan file: assignments[0].berth is missing");
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> BerthPlanJson.read("{\"instance\": "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("berth plan file is not the expected JSON");
    }

    @Test
    void refusesAFieldOfTheWrongType() {
        assertThatThrownBy(() -> BerthPlanJson.read("""
                {"instance": "x", "objective": 3, "assignments": [{"vessel": "one", "berth": 1, "start": 0}]}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("berth plan file is not the expected JSON");
    }
}
