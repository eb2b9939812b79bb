package io.upright.reminders.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleDeciderTest {

    private final ScheduleDecider decider = new ScheduleDecider();
    private final UUID employee = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void leaving_ends_the_schedule_once_and_enrolling_again_creates_it_anew() {
        ScheduleDecider.CreateSchedule create = new ScheduleDecider.CreateSchedule(employee, "Europe/Berlin", "09:00", "17:00",
                Duration.ofMinutes(60), at, UUID.randomUUID(), true);
        List<ScheduleEvent> created = decider.decide(create, decider.initialState());
        assertThat(created).singleElement().isInstanceOf(ScheduleEvent.ScheduleCreated.class);
        var active = decider.fold(created);
        assertThat(decider.decide(create, active)).isEmpty();

        ScheduleDecider.EndSchedule leave = new ScheduleDecider.EndSchedule(employee, "left", at);
        List<ScheduleEvent> ended = decider.decide(leave, active);
        assertThat(ended).singleElement().isInstanceOf(ScheduleEvent.ScheduleEnded.class);
        var left = decider.fold(List.of(created.get(0), ended.get(0)));
        assertThat(decider.decide(leave, left)).isEmpty();
        assertThat(decider.decide(leave, decider.initialState())).isEmpty();
        assertThat(decider.decide(create, left)).singleElement().isInstanceOf(ScheduleEvent.ScheduleCreated.class);
    }
}
