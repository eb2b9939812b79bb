package io.upright.exercises.recommendation;

import io.upright.exercises.recommendation.ProgressionPolicy.Session;
import io.upright.exercises.recommendation.ProgressionPolicy.Step;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressionPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private final ProgressionPolicy policy = ProgressionPolicy.DEFAULT;

    /** {@code count} sessions spread evenly over {@code days}, each with this rating and discomfort. */
    private static List<Session> sessions(int count, int days, Integer rating, Integer discomfort) {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long minutes = count == 1 ? 0 : Duration.ofDays(days).toMinutes() * i / (count - 1);
            sessions.add(new Session(T0.plus(Duration.ofMinutes(minutes)), rating, discomfort));
        }
        return sessions;
    }

    @Test
    void table_of_tolerance_decides_the_step() {
        record Row(String why, List<Session> sessions, Step step) {
        }
        List<Session> rising = new ArrayList<>(sessions(5, 7, 4, 3));
        rising.add(new Session(T0.plus(Duration.ofDays(8)), 4, 5));
        List<Session> falling = new ArrayList<>(sessions(5, 7, 4, 5));
        falling.add(new Session(T0.plus(Duration.ofDays(8)), 4, 2));
        List<Session> oneHard = new ArrayList<>(sessions(6, 8, 4, null));
        oneHard.set(3, new Session(oneHard.get(3).completedAt(), 2, null));
        List<Row> rows = List.of(
                new Row("nothing logged", List.of(), Step.STAY),
                new Row("six sessions over seven days, comfortable", sessions(6, 7, 4, 2), Step.ADVANCE),
                new Row("five sessions are too few", sessions(5, 10, 5, null), Step.STAY),
                new Row("six sessions on one day: too fast", sessions(6, 0, 5, null), Step.STAY),
                new Row("six sessions over six days: not yet a week", sessions(6, 6, 5, null), Step.STAY),
                new Row("a session felt hard", oneHard, Step.STAY),
                new Row("reminder-button sessions (unrated) count", sessions(6, 7, null, null), Step.ADVANCE),
                new Row("discomfort rose", rising, Step.STEP_BACK),
                new Row("discomfort rose after only two sessions", List.of(new Session(T0, 4, 1),
                        new Session(T0.plusSeconds(3600), 4, 3)), Step.STEP_BACK),
                new Row("discomfort fell", falling, Step.ADVANCE));
        for (Row row : rows) {
            assertThat(policy.decide(row.sessions())).as(row.why()).isEqualTo(row.step());
        }
    }

    @Test
    void order_of_the_list_does_not_matter_and_bad_settings_are_refused() {
        List<Session> rising = new ArrayList<>(List.of(new Session(T0.plusSeconds(7200), 3, 6), new Session(T0, 3, 2)));
        assertThat(policy.decide(rising)).isEqualTo(Step.STEP_BACK);
        assertThat(new ProgressionPolicy(2, 0).decide(sessions(2, 0, 3, null))).isEqualTo(Step.ADVANCE);
        assertThatThrownBy(() -> new ProgressionPolicy(0, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
