package io.upright.reminders.dose;

import io.upright.contracts.exercises.MicroBreak;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class MicroBreaksTest {

    private final MicroBreak lunge = new MicroBreak("standing-hip-flexor-stretch", "Standing hip-flexor stretch", 1);
    private final MicroBreak calves = new MicroBreak("calf-raises", "Calf raises", 2);

    @Test
    void the_recommended_micro_breaks_are_taken_in_turn() {
        List<MicroBreak> picked = LongStream.range(0, 5).mapToObj(turn -> MicroBreaks.pick(List.of(lunge, calves), turn)).toList();
        assertThat(picked).containsExactly(lunge, calves, lunge, calves, lunge);
    }

    @Test
    void without_recommended_ones_the_built_in_safe_ones_rotate() {
        assertThat(MicroBreaks.pick(List.of(), 0)).isEqualTo(MicroBreaks.WALK);
        assertThat(MicroBreaks.pick(null, 1)).isEqualTo(MicroBreaks.STRETCH_TALL);
        assertThat(MicroBreaks.pick(List.of(), 2)).isEqualTo(MicroBreaks.WALK);
        assertThat(MicroBreaks.BUILT_IN).allSatisfy(b -> assertThat(b.minutes()).isBetween(1, MicroBreaks.MAX_MINUTES));
    }

    @Test
    void anything_longer_than_two_minutes_or_untitled_is_not_a_micro_break() {
        MicroBreak routineSized = new MicroBreak("hip-flexor-reset", "Hip-flexor reset", 8);
        MicroBreak untitled = new MicroBreak("x", " ", 1);
        assertThat(MicroBreaks.pick(List.of(routineSized, lunge, untitled), 1)).isEqualTo(lunge);
        assertThat(MicroBreaks.pick(List.of(routineSized), 0)).isEqualTo(MicroBreaks.WALK);
    }

    @Test
    void done_on_a_micro_break_records_a_walk_or_a_stretch() {
        assertThat(MicroBreaks.activity(MicroBreaks.WALK)).isEqualTo("walk");
        assertThat(MicroBreaks.activity(MicroBreaks.STRETCH_TALL)).isEqualTo("stretch");
        assertThat(MicroBreaks.activity(lunge)).isEqualTo("stretch");
    }
}
