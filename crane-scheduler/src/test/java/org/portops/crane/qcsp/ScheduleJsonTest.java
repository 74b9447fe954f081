package org.portops.crane.qcsp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleJsonTest {
    private final QcspSchedule schedule = new QcspSchedule("hand", List.of(
            new CraneSchedule(1, List.of(new ScheduledTask(1, 1, 11), new ScheduledTask(2, 15, 25))),
            new CraneSchedule(2, List.of(new ScheduledTask(5, 4, 14)))));

    @Test
    void writesTheAgreedScheduleFormat() {
        assertThat(ScheduleJson.write(schedule)).isEqualTo("{\"instance\":\"hand\",\"makespan\":25,\"cranes\":["
                + "{\"crane\":1,\"tasks\":[{\"task\":1,\"start\":1,\"end\":11},{\"task\":2,\"start\":15,\"end\":25}]},"
                + "{\"crane\":2,\"tasks\":[{\"task\":5,\"start\":4,\"end\":14}]}]}");
    }

    @Test
    void readsBackWhatItWrote() {
        assertThat(ScheduleJson.read(ScheduleJson.write(schedule))).isEqualTo(schedule);
    }

    @Test
    void refusesAFileWhoseMakespanDisagreesWithItsTasks() {
        String json = ScheduleJson.write(schedule).replace("\"makespan\":25", "\"makespan\":20");

        assertThatThrownBy(() -> ScheduleJson.read(json))
                .hasMessage("schedule file: makespan says 20 but the last task ends at 25");
    }

    @Test
    void namesAMissingField() {
        String json = ScheduleJson.write(schedule).replace("\"start\":15,", "");

        assertThatThrownBy(() -> ScheduleJson.read(json)).hasMessage("schedule file: cranes[0].tasks[1].start is missing");
    }
}
