package io.upright.programs.program;

import io.upright.platform.domain.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What HR fills in before launching: title, phases, cadence bounds and teams. Values are nullable so that
 * {@link #problems()} can name every missing or wrong field at once ({@code phases[1].startWeek}).
 */
public record ProgramDraft(String title, List<PhaseDraft> phases, Integer minBreakEveryMinutes,
                           Integer maxBreakEveryMinutes, List<UUID> teamIds) {

    public static final int MAX_TITLE_LENGTH = 120;
    public static final int MAX_PHASES = 12;
    public static final int MAX_WEEK = 104;
    public static final int SHORTEST_CADENCE = 5;
    public static final int LONGEST_CADENCE = 240;
    public static final int MAX_DAILY_TARGET = 480;

    public record PhaseDraft(Integer startWeek, Integer breakEveryMinutes, Integer dailyActiveMinutesTarget) {
    }

    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank()) {
            errors.add(new FieldError("title", "must not be blank"));
        } else if (title.strip().length() > MAX_TITLE_LENGTH) {
            errors.add(new FieldError("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
        }
        boolean boundsValid = true;
        if (minBreakEveryMinutes == null || minBreakEveryMinutes < SHORTEST_CADENCE || minBreakEveryMinutes > LONGEST_CADENCE) {
            errors.add(new FieldError("minBreakEveryMinutes", "must be between " + SHORTEST_CADENCE + " and " + LONGEST_CADENCE));
            boundsValid = false;
        }
        if (maxBreakEveryMinutes == null || maxBreakEveryMinutes < SHORTEST_CADENCE || maxBreakEveryMinutes > LONGEST_CADENCE) {
            errors.add(new FieldError("maxBreakEveryMinutes", "must be between " + SHORTEST_CADENCE + " and " + LONGEST_CADENCE));
            boundsValid = false;
        } else if (boundsValid && maxBreakEveryMinutes < minBreakEveryMinutes) {
            errors.add(new FieldError("maxBreakEveryMinutes", "must not be less than minBreakEveryMinutes"));
            boundsValid = false;
        }
        if (phases == null || phases.isEmpty()) {
            errors.add(new FieldError("phases", "must have at least one phase"));
        } else if (phases.size() > MAX_PHASES) {
            errors.add(new FieldError("phases", "must have at most " + MAX_PHASES + " phases"));
        } else {
            Integer previousWeek = null;
            for (int i = 0; i < phases.size(); i++) {
                PhaseDraft phase = phases.get(i);
                String at = "phases[" + i + "]";
                if (phase == null) {
                    errors.add(new FieldError(at, "must not be null"));
                    previousWeek = null;
                    continue;
                }
                Integer week = phase.startWeek();
                if (week == null) {
                    errors.add(new FieldError(at + ".startWeek", "is required"));
                } else if (i == 0 && week != 1) {
                    errors.add(new FieldError(at + ".startWeek", "must be 1: the first phase starts in the launch week"));
                } else if (i > 0 && previousWeek != null && week <= previousWeek) {
                    errors.add(new FieldError(at + ".startWeek", "must be after the previous phase's start week (" + previousWeek + ")"));
                } else if (week > MAX_WEEK) {
                    errors.add(new FieldError(at + ".startWeek", "must be at most " + MAX_WEEK));
                }
                previousWeek = week;
                Integer cadence = phase.breakEveryMinutes();
                if (cadence == null) {
                    errors.add(new FieldError(at + ".breakEveryMinutes", "is required"));
                } else if (boundsValid && (cadence < minBreakEveryMinutes || cadence > maxBreakEveryMinutes)) {
                    errors.add(new FieldError(at + ".breakEveryMinutes", "must be within [" + minBreakEveryMinutes + ", "
                            + maxBreakEveryMinutes + "] (minBreakEveryMinutes, maxBreakEveryMinutes)"));
                } else if (!boundsValid && (cadence < SHORTEST_CADENCE || cadence > LONGEST_CADENCE)) {
                    errors.add(new FieldError(at + ".breakEveryMinutes", "must be between " + SHORTEST_CADENCE + " and " + LONGEST_CADENCE));
                }
                Integer target = phase.dailyActiveMinutesTarget();
                if (target == null) {
                    errors.add(new FieldError(at + ".dailyActiveMinutesTarget", "is required"));
                } else if (target < 0 || target > MAX_DAILY_TARGET) {
                    errors.add(new FieldError(at + ".dailyActiveMinutesTarget", "must be between 0 and " + MAX_DAILY_TARGET));
                }
            }
        }
        if (teamIds == null || teamIds.isEmpty()) {
            errors.add(new FieldError("teamIds", "must name at least one team"));
        } else {
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < teamIds.size(); i++) {
                if (teamIds.get(i) == null) {
                    errors.add(new FieldError("teamIds[" + i + "]", "must not be null"));
                } else if (!seen.add(teamIds.get(i))) {
                    errors.add(new FieldError("teamIds[" + i + "]", "appears more than once"));
                }
            }
        }
        return errors;
    }

    /** The phases, numbered from 1 in the order given. Only call on a draft without problems. */
    public List<Phase> numberedPhases() {
        List<Phase> numbered = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            PhaseDraft p = phases.get(i);
            numbered.add(new Phase(i + 1, p.startWeek(), p.breakEveryMinutes(), p.dailyActiveMinutesTarget()));
        }
        return List.copyOf(numbered);
    }
}
