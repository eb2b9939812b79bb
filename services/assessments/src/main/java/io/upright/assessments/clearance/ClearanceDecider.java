package io.upright.assessments.clearance;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Decider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rules of one employee's clinical clearances (one stream per employee): a clearance can be declared only while
 * the employee's latest submitted assessment asks for clinical review and that assessment has not been cleared
 * yet. The date must be real: not in the future and not before the assessment that paused exercise.
 */
public class ClearanceDecider implements Decider<ClearanceDecider.Declare, ClearanceDecider.Clearances, ClearanceEvent> {

    public static final int NOTE_MAX_LENGTH = 500;

    /** The employee's latest submitted assessment, as far as clearance cares. */
    public record LatestAssessment(UUID assessmentId, Instant submittedAt, boolean clinicalReview) {
    }

    /**
     * @param latest        the employee's latest submitted assessment of any template, null when there is none
     * @param latestToday   the latest calendar date anywhere on earth now: a clinic visit "today" in any time zone
     *                      is not in the future
     * @param rescreenAfter how long a clearance lasts before the employee is asked to take the screen again
     */
    public record Declare(UUID clearanceId, UUID employeeId, LatestAssessment latest, LocalDate clearedOn, String note,
                          LocalDate latestToday, Period rescreenAfter, Instant at) {
    }

    /** Every clearance the employee declared, oldest first. */
    public record Clearances(List<ClearanceEvent.ClearanceDeclared> declared) {

        public Optional<ClearanceEvent.ClearanceDeclared> latest() {
            return declared.isEmpty() ? Optional.empty() : Optional.of(declared.get(declared.size() - 1));
        }

        /** Whether a clearance was declared for exactly this assessment (a later flagged one pauses again). */
        public boolean cleared(UUID assessmentId) {
            return declared.stream().anyMatch(d -> d.assessmentId().equals(assessmentId));
        }
    }

    @Override
    public Clearances initialState() {
        return new Clearances(List.of());
    }

    @Override
    public List<ClearanceEvent> decide(Declare command, Clearances state) {
        List<FieldError> errors = new ArrayList<>();
        if (command.clearedOn() == null) {
            errors.add(new FieldError("clearedOn", "is required"));
        } else if (command.clearedOn().isAfter(command.latestToday())) {
            errors.add(new FieldError("clearedOn", "must not be in the future"));
        }
        if (command.note() != null && command.note().length() > NOTE_MAX_LENGTH) {
            errors.add(new FieldError("note", "must be at most " + NOTE_MAX_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        LatestAssessment latest = command.latest();
        if (latest == null || !latest.clinicalReview() || state.cleared(latest.assessmentId())) {
            throw Rejection.conflict("not-paused", "Nothing to clear",
                    "Your exercises are not paused for clinical review, so there is nothing to clear");
        }
        // the earliest date the assessment could carry in any time zone, so a same-day visit is never refused
        LocalDate flaggedOn = latest.submittedAt().atOffset(ZoneOffset.MIN).toLocalDate();
        if (command.clearedOn().isBefore(flaggedOn)) {
            throw Rejection.invalid("clearedOn", "must not be before " + flaggedOn
                    + ", the day of the assessment that asked you to see a clinician");
        }
        return List.of(new ClearanceEvent.ClearanceDeclared(command.clearanceId(), command.employeeId(),
                latest.assessmentId(), command.clearedOn(), command.clearedOn().plus(command.rescreenAfter()),
                command.note(), command.at()));
    }

    @Override
    public Clearances evolve(Clearances state, ClearanceEvent event) {
        if (event instanceof ClearanceEvent.ClearanceDeclared declared) {
            List<ClearanceEvent.ClearanceDeclared> all = new ArrayList<>(state.declared());
            all.add(declared);
            return new Clearances(List.copyOf(all));
        }
        return state;
    }
}
