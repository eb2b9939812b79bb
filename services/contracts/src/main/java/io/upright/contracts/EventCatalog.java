package io.upright.contracts;

import io.upright.contracts.assessments.AssessmentCampaignStarted;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.ClearedByClinician;
import io.upright.contracts.assessments.SittingReported;
import io.upright.contracts.assessments.AssessmentStarted;
import io.upright.contracts.exercises.ExerciseSessionCompleted;
import io.upright.contracts.exercises.ExerciseSessionCompletedV2;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.contracts.insights.AnonymityThresholdChanged;
import io.upright.contracts.programs.EmployeeContactShared;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.contracts.programs.ProgramEnded;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.contracts.programs.ProgramPhaseStarted;
import io.upright.contracts.programs.ProgramResumed;
import io.upright.contracts.programs.TeamCreated;
import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.contracts.reminders.BreakSkipped;
import io.upright.contracts.reminders.BreakSnoozed;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.contracts.reminders.ReminderDeliveryFailed;
import io.upright.contracts.reminders.ReminderExpired;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every integration event type Upright publishes. docs/events.md is the human-readable table of this list. */
public final class EventCatalog {

    public static final EventType<TeamCreated> TEAM_CREATED =
            new EventType<>(UprightService.PROGRAMS, "team-created", 1, TeamCreated.class);
    public static final EventType<EmployeeEnrolled> EMPLOYEE_ENROLLED =
            new EventType<>(UprightService.PROGRAMS, "employee-enrolled", 1, EmployeeEnrolled.class);
    public static final EventType<EmployeeContactShared> EMPLOYEE_CONTACT_SHARED =
            new EventType<>(UprightService.PROGRAMS, "employee-contact-shared", 1, EmployeeContactShared.class);
    public static final EventType<EmployeeLeft> EMPLOYEE_LEFT =
            new EventType<>(UprightService.PROGRAMS, "employee-left", 1, EmployeeLeft.class);
    public static final EventType<EmployeeErased> EMPLOYEE_ERASED =
            new EventType<>(UprightService.PROGRAMS, "employee-erased", 1, EmployeeErased.class);
    public static final EventType<ProgramLaunched> PROGRAM_LAUNCHED =
            new EventType<>(UprightService.PROGRAMS, "program-launched", 1, ProgramLaunched.class);
    public static final EventType<ProgramPhaseStarted> PROGRAM_PHASE_STARTED =
            new EventType<>(UprightService.PROGRAMS, "program-phase-started", 1, ProgramPhaseStarted.class);
    public static final EventType<ProgramPaused> PROGRAM_PAUSED =
            new EventType<>(UprightService.PROGRAMS, "program-paused", 1, ProgramPaused.class);
    public static final EventType<ProgramResumed> PROGRAM_RESUMED =
            new EventType<>(UprightService.PROGRAMS, "program-resumed", 1, ProgramResumed.class);
    public static final EventType<ProgramEnded> PROGRAM_ENDED =
            new EventType<>(UprightService.PROGRAMS, "program-ended", 1, ProgramEnded.class);
    public static final EventType<AssessmentStarted> ASSESSMENT_STARTED =
            new EventType<>(UprightService.ASSESSMENTS, "assessment-started", 1, AssessmentStarted.class);
    public static final EventType<AssessmentCompleted> ASSESSMENT_COMPLETED =
            new EventType<>(UprightService.ASSESSMENTS, "assessment-completed", 1, AssessmentCompleted.class);
    public static final EventType<AssessmentCampaignStarted> ASSESSMENT_CAMPAIGN_STARTED =
            new EventType<>(UprightService.ASSESSMENTS, "assessment-campaign-started", 1, AssessmentCampaignStarted.class);
    public static final EventType<ClearedByClinician> CLEARED_BY_CLINICIAN =
            new EventType<>(UprightService.ASSESSMENTS, "cleared-by-clinician", 1, ClearedByClinician.class);
    public static final EventType<SittingReported> SITTING_REPORTED =
            new EventType<>(UprightService.ASSESSMENTS, "sitting-reported", 1, SittingReported.class);
    public static final EventType<RoutineRecommended> ROUTINE_RECOMMENDED =
            new EventType<>(UprightService.EXERCISES, "routine-recommended", 1, RoutineRecommended.class);
    /** v1 (whole minutes): no longer published, still read; {@link Upcasts#latest} reads it as v2. */
    public static final EventType<ExerciseSessionCompleted> EXERCISE_SESSION_COMPLETED_V1 =
            new EventType<>(UprightService.EXERCISES, "exercise-session-completed", 1, ExerciseSessionCompleted.class);
    public static final EventType<ExerciseSessionCompletedV2> EXERCISE_SESSION_COMPLETED =
            new EventType<>(UprightService.EXERCISES, "exercise-session-completed", 2, ExerciseSessionCompletedV2.class);
    public static final EventType<BreakReminderSent> BREAK_REMINDER_SENT =
            new EventType<>(UprightService.REMINDERS, "break-reminder-sent", 1, BreakReminderSent.class);
    public static final EventType<BreakTaken> BREAK_TAKEN =
            new EventType<>(UprightService.REMINDERS, "break-taken", 1, BreakTaken.class);
    public static final EventType<BreakSnoozed> BREAK_SNOOZED =
            new EventType<>(UprightService.REMINDERS, "break-snoozed", 1, BreakSnoozed.class);
    public static final EventType<BreakSkipped> BREAK_SKIPPED =
            new EventType<>(UprightService.REMINDERS, "break-skipped", 1, BreakSkipped.class);
    public static final EventType<ReminderExpired> REMINDER_EXPIRED =
            new EventType<>(UprightService.REMINDERS, "reminder-expired", 1, ReminderExpired.class);
    public static final EventType<ReminderDeliveryFailed> REMINDER_DELIVERY_FAILED =
            new EventType<>(UprightService.REMINDERS, "reminder-delivery-failed", 1, ReminderDeliveryFailed.class);
    public static final EventType<AnonymityThresholdChanged> ANONYMITY_THRESHOLD_CHANGED =
            new EventType<>(UprightService.INSIGHTS, "anonymity-threshold-changed", 1, AnonymityThresholdChanged.class);

    public static final List<EventType<?>> ALL = List.of(
            TEAM_CREATED, EMPLOYEE_ENROLLED, EMPLOYEE_CONTACT_SHARED, EMPLOYEE_LEFT, EMPLOYEE_ERASED,
            PROGRAM_LAUNCHED, PROGRAM_PHASE_STARTED, PROGRAM_PAUSED, PROGRAM_RESUMED, PROGRAM_ENDED,
            ASSESSMENT_STARTED, ASSESSMENT_COMPLETED, ASSESSMENT_CAMPAIGN_STARTED, CLEARED_BY_CLINICIAN,
            SITTING_REPORTED,
            ROUTINE_RECOMMENDED, EXERCISE_SESSION_COMPLETED_V1, EXERCISE_SESSION_COMPLETED,
            BREAK_REMINDER_SENT, BREAK_TAKEN, BREAK_SNOOZED, BREAK_SKIPPED, REMINDER_EXPIRED, REMINDER_DELIVERY_FAILED,
            ANONYMITY_THRESHOLD_CHANGED);

    private static final Map<String, EventType<?>> BY_CE_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_JAVA_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<EventType<?>> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    @SuppressWarnings("unchecked")
    public static <E extends IntegrationEvent> EventType<E> of(E event) {
        EventType<?> type = BY_JAVA_TYPE.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("Not a catalogued integration event: " + event.getClass().getName());
        }
        return (EventType<E>) type;
    }
}
