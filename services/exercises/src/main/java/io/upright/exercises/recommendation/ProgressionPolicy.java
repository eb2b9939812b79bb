package io.upright.exercises.recommendation;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Whether someone is ready for the next level of their routine, judged by how they tolerated the current one
 * rather than by how often they took an assessment (two checks on one day used to jump two levels).
 *
 * <p>Move up only after at least {@code minSessions} logged sessions of the current routine spread over at least
 * {@code minDays} days, none of them felt as hard (felt rating 1 "hard" or 2), and no rise in discomfort (the
 * latest reported discomfort is not above the first). Step back a level when discomfort rose. Otherwise stay.
 * Sessions logged from a reminder button carry no rating and no discomfort: they count towards the number and
 * the spread, not against the person.
 */
public record ProgressionPolicy(int minSessions, int minDays) {

    public static final ProgressionPolicy DEFAULT = new ProgressionPolicy(6, 7);

    /** Felt ratings at or below this are "hard" (1 hard .. 5 easy; 3 is about right). */
    public static final int HARD = 2;

    public enum Step { ADVANCE, STAY, STEP_BACK }

    /** One logged session of the current routine: when, how it felt (null: not asked), discomfort 0–10 (null: not given). */
    public record Session(Instant completedAt, Integer feltRating, Integer discomfort) {
    }

    public ProgressionPolicy {
        if (minSessions < 1 || minDays < 0) {
            throw new IllegalArgumentException("minSessions must be ≥ 1 and minDays ≥ 0");
        }
    }

    public Step decide(List<Session> sessionsOfCurrentRoutine) {
        List<Session> sessions = sessionsOfCurrentRoutine.stream()
                .sorted(Comparator.comparing(Session::completedAt)).toList();
        List<Integer> discomfort = sessions.stream().map(Session::discomfort).filter(Objects::nonNull).toList();
        boolean rose = discomfort.size() >= 2 && discomfort.get(discomfort.size() - 1) > discomfort.get(0);
        if (rose) {
            return Step.STEP_BACK;
        }
        if (sessions.size() < minSessions) {
            return Step.STAY;
        }
        Duration spread = Duration.between(sessions.get(0).completedAt(), sessions.get(sessions.size() - 1).completedAt());
        boolean anyHard = sessions.stream().anyMatch(s -> s.feltRating() != null && s.feltRating() <= HARD);
        return spread.compareTo(Duration.ofDays(minDays)) >= 0 && !anyHard ? Step.ADVANCE : Step.STAY;
    }
}
