package org.portops.map.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;

class CraneShiftClockTest {

    private static final Instant NOW = at("10:00");
    private final CraneShiftClock clock = new CraneShiftClock(Shifts.DEFAULT);

    @Test
    void shiftsOfEightHoursRunFromSixTwoAndTen() {
        assertThat(Shifts.DEFAULT.startOf(at("06:00"))).isEqualTo(at("06:00"));
        assertThat(Shifts.DEFAULT.startOf(at("13:59"))).isEqualTo(at("06:00"));
        assertThat(Shifts.DEFAULT.startOf(at("14:00"))).isEqualTo(at("14:00"));
        assertThat(Shifts.DEFAULT.startOf(at("23:10"))).isEqualTo(at("22:00"));
        assertThat(Shifts.DEFAULT.startOf(at("05:59"))).isEqualTo(at("22:00").minus(Duration.ofDays(1)));
        assertThatThrownBy(() -> new Shifts(LocalTime.of(6, 0), Duration.ofHours(7), ZoneOffset.UTC))
                .hasMessage("shifts must divide the day evenly, a shift of PT7H does not");
    }

    @Test
    void aCranesIdleTimeIsTheSumOfItsIdlePeriodsInTheShiftFromTheShiftsStart() {
        report("QC01", EquipmentStatus.IDLE, "05:30");
        report("QC01", EquipmentStatus.WORKING, "06:40");
        report("QC01", EquipmentStatus.IDLE, "08:00");
        report("QC01", EquipmentStatus.FAULT, "09:00");
        report("QC01", EquipmentStatus.WORKING, "09:20");

        ShiftTimes.CraneTimes crane = clock.reckon(NOW).cranes().getFirst();

        assertThat(crane.idle()).as("06:00-06:40 and 08:00-09:00").isEqualTo(Duration.ofMinutes(100));
        assertThat(crane.working()).isEqualTo(Duration.ofMinutes(120));
        assertThat(crane.down()).isEqualTo(Duration.ofMinutes(20));
        assertThat(crane.periods()).extracting(ShiftTimes.Period::status, ShiftTimes.Period::from)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EquipmentStatus.IDLE, at("06:00")),
                        org.assertj.core.groups.Tuple.tuple(EquipmentStatus.WORKING, at("06:40")),
                        org.assertj.core.groups.Tuple.tuple(EquipmentStatus.IDLE, at("08:00")),
                        org.assertj.core.groups.Tuple.tuple(EquipmentStatus.FAULT, at("09:00")),
                        org.assertj.core.groups.Tuple.tuple(EquipmentStatus.WORKING, at("09:20")));
        assertThat(crane.periods().getLast().to()).isEqualTo(NOW);
    }

    @Test
    void repeatedReadingsAndLateOnesChangeNothingAndOtherMachinesAreNotCounted() {
        report("QC01", EquipmentStatus.IDLE, "07:00");
        report("QC01", EquipmentStatus.IDLE, "07:30");
        report("QC01", EquipmentStatus.WORKING, "09:00");
        report("QC01", EquipmentStatus.FAULT, "08:00");
        clock.record(state("TT01", EquipmentKind.TERMINAL_TRACTOR, EquipmentStatus.IDLE, "07:00"));

        ShiftTimes times = clock.reckon(NOW);

        assertThat(times.cranes()).extracting(ShiftTimes.CraneTimes::crane).containsExactly("QC01");
        ShiftTimes.CraneTimes crane = times.cranes().getFirst();
        assertThat(crane.idle()).as("07:00 to 09:00, the late fault reading of 08:00 ignored")
                .isEqualTo(Duration.ofHours(2));
        assertThat(crane.down()).isZero();
    }

    @Test
    void theShiftBeforeACranesFirstReportIsNotSeenAndAnIdleSinceTheLastShiftFillsThisOne() {
        report("QC02", EquipmentStatus.IDLE, "07:30");
        report("QC03", EquipmentStatus.IDLE, "04:00");

        ShiftTimes times = clock.reckon(NOW);

        assertThat(times.start()).isEqualTo(at("06:00"));
        assertThat(times.end()).isEqualTo(at("14:00"));
        assertThat(times.cranes().get(0).idle()).as("seen from 07:30 only").isEqualTo(Duration.ofMinutes(150));
        assertThat(times.cranes().get(0).periods().getFirst().from()).isEqualTo(at("07:30"));
        assertThat(times.cranes().get(1).idle()).as("idle all shift").isEqualTo(Duration.ofHours(4));
        assertThat(clock.reckon(at("14:30")).cranes().get(1).idle()).as("the next shift starts at 14:00")
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aStatusChangeAtTheMomentAskedAddsNoPeriodYet() {
        report("QC01", EquipmentStatus.WORKING, "06:00");
        report("QC01", EquipmentStatus.IDLE, "10:00");

        ShiftTimes.CraneTimes crane = clock.reckon(NOW).cranes().getFirst();

        assertThat(crane.working()).isEqualTo(Duration.ofHours(4));
        assertThat(crane.idle()).as("a change at the very moment asked adds nothing yet").isZero();
        assertThat(crane.periods()).hasSize(1);
    }

    private void report(String crane, EquipmentStatus status, String time) {
        clock.record(state(crane, EquipmentKind.QUAY_CRANE, status, time));
    }

    private static EquipmentState state(String id, EquipmentKind kind, EquipmentStatus status, String time) {
        return new EquipmentState(new EquipmentId(id), kind, new Position(10, 10), 0, 0, status, Spreader.UNLOCKED,
                null, List.of(), at(time));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-24T" + time + ":00Z");
    }
}
