package io.upright.assessments.assessment;

import io.upright.assessments.scoring.RosaScoring;
import io.upright.assessments.scoring.SafetyScreen;
import io.upright.assessments.scoring.ScoreResult;
import io.upright.assessments.scoring.WorkstationBasicsScoring;
import io.upright.assessments.template.ChecklistTemplate;
import io.upright.platform.eventstore.Decider;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Rules of one desk assessment: started by its owner on a template version, answered in as many saves as
 * they like, submitted (and scored) exactly once. Only the owner may touch it; to anyone else it does not
 * exist.
 */
public class AssessmentDecider implements Decider<AssessmentDecider.Command, AssessmentDecider.Assessment, AssessmentEvent> {

    public sealed interface Command {
        UUID assessmentId();

        UUID employeeId();
    }

    public record Start(UUID assessmentId, UUID employeeId, ChecklistTemplate template, Instant at) implements Command {
    }

    public record SaveAnswers(UUID assessmentId, UUID employeeId, Map<String, Object> answers, Instant at) implements Command {
    }

    /**
     * @param previous the employee's previous submitted assessment of the same template id, or null for a first
     *                 one; the result then carries the {@link ReassessmentDelta} against it
     */
    public record Submit(UUID assessmentId, UUID employeeId, Instant at, ReassessmentDelta.Outcome previous) implements Command {
        public Submit(UUID assessmentId, UUID employeeId, Instant at) {
            this(assessmentId, employeeId, at, null);
        }
    }

    public enum Status { NOT_STARTED, IN_PROGRESS, SUBMITTED }

    public record Assessment(UUID id, UUID employeeId, String templateId, int templateVersion,
                             Map<String, Object> answers, Status status, Instant startedAt,
                             AssessmentEvent.Submitted result) {
        public boolean exists() {
            return status != Status.NOT_STARTED;
        }

        boolean ownedBy(UUID employee) {
            return exists() && employeeId.equals(employee);
        }
    }

    /** Finds a published template version; a function so the decider stays free of I/O. */
    private final BiFunction<String, Integer, Optional<ChecklistTemplate>> templates;

    public AssessmentDecider(BiFunction<String, Integer, Optional<ChecklistTemplate>> templates) {
        this.templates = templates;
    }

    @Override
    public Assessment initialState() {
        return new Assessment(null, null, null, 0, Map.of(), Status.NOT_STARTED, null, null);
    }

    @Override
    public List<AssessmentEvent> decide(Command command, Assessment state) {
        if (command instanceof Start start) {
            if (state.exists()) {
                throw Rejection.conflict("Assessment " + start.assessmentId() + " already exists");
            }
            return List.of(new AssessmentEvent.Started(start.assessmentId(), start.employeeId(), start.template().id(),
                    start.template().version(), start.at()));
        }
        if (!state.ownedBy(command.employeeId())) {
            // another employee's assessment is reported exactly like a missing one
            throw Rejection.notFound("Assessment " + command.assessmentId());
        }
        if (state.status() == Status.SUBMITTED) {
            throw Rejection.conflict("Assessment " + command.assessmentId() + " was already submitted");
        }
        ChecklistTemplate template = templateOf(state);
        if (command instanceof SaveAnswers save) {
            if (save.answers() == null || save.answers().isEmpty()) {
                throw Rejection.invalid("answers", "must contain at least one answer");
            }
            ChecklistTemplate.Validated validated = template.validate(save.answers());
            if (!validated.valid()) {
                throw Rejection.invalid(validated.errors());
            }
            return List.of(new AssessmentEvent.AnswersSaved(save.assessmentId(), new TreeMap<>(validated.answers()), save.at()));
        }
        if (command instanceof Submit submit) {
            List<FieldError> missing = template.incomplete(state.answers());
            if (!missing.isEmpty()) {
                throw Rejection.invalid(missing);
            }
            // scored against the version the assessment was started on, never the latest one
            Scored scored = score(template, state.answers());
            ReassessmentDelta delta = submit.previous() == null ? null : ReassessmentDelta.between(submit.previous(),
                    new ReassessmentDelta.Outcome(submit.assessmentId(), template.version(), submit.at(), scored.score(),
                            scored.riskLevel(), scored.sectionScores(), scored.findingCodes()));
            return List.of(new AssessmentEvent.Submitted(submit.assessmentId(), template.method(), scored.score(),
                    scored.riskLevel(), scored.findingCodes(), scored.clinicalReview(), submit.at(),
                    scored.sectionScores(), delta, scored.precautions()));
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    @Override
    public Assessment evolve(Assessment state, AssessmentEvent event) {
        if (event instanceof AssessmentEvent.Started started) {
            return new Assessment(started.assessmentId(), started.employeeId(), started.templateId(),
                    started.templateVersion(), Map.of(), Status.IN_PROGRESS, started.startedAt(), null);
        }
        if (event instanceof AssessmentEvent.AnswersSaved saved) {
            Map<String, Object> merged = new TreeMap<>(state.answers());
            merged.putAll(saved.answers());
            return new Assessment(state.id(), state.employeeId(), state.templateId(), state.templateVersion(),
                    Collections.unmodifiableMap(merged), state.status(), state.startedAt(), null);
        }
        if (event instanceof AssessmentEvent.Submitted submitted) {
            return new Assessment(state.id(), state.employeeId(), state.templateId(), state.templateVersion(),
                    state.answers(), Status.SUBMITTED, state.startedAt(), submitted);
        }
        return state;
    }

    private record Scored(int score, String riskLevel, List<String> findingCodes, boolean clinicalReview,
                          Map<String, Integer> sectionScores, List<String> precautions) {
    }

    private static Scored score(ChecklistTemplate template, Map<String, Object> answers) {
        // questions a version does not ask count as no: v1/v2 answers raise no precaution
        List<String> precautions = SafetyScreen.screen(answers).precautions();
        if (RosaScoring.METHOD.equals(template.method())) {
            // rosa v1 asks no red-flag questions, so only v2 and later answers can ask for clinical review
            RosaScoring.Result rosa = RosaScoring.score(answers, template.version());
            return new Scored(rosa.finalScore(), rosa.riskLevel().name(), rosa.findingCodes(), rosa.clinicalReview(),
                    rosa.sectionScores(), precautions);
        }
        if (WorkstationBasicsScoring.METHOD.equals(template.method())) {
            ScoreResult result = WorkstationBasicsScoring.score(answers);
            return new Scored(result.score(), result.riskLevel().name(), result.findingCodes(), result.clinicalReview(),
                    result.sectionScores(), precautions);
        }
        throw new IllegalStateException("No scoring for method " + template.method());
    }

    private ChecklistTemplate templateOf(Assessment state) {
        return templates.apply(state.templateId(), state.templateVersion()).orElseThrow(() -> new IllegalStateException(
                "Template " + state.templateId() + " v" + state.templateVersion() + " is no longer published"));
    }
}
