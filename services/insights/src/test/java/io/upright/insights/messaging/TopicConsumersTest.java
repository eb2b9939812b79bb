package io.upright.insights.messaging;

import io.upright.contracts.IntegrationEvent;
import io.upright.contracts.assessments.AssessmentCompleted;
import io.upright.contracts.assessments.AssessmentStarted;
import io.upright.contracts.assessments.SittingReported;
import io.upright.contracts.exercises.ExerciseSessionCompleted;
import io.upright.contracts.exercises.ExerciseSessionCompletedV2;
import io.upright.contracts.exercises.RoutineRecommended;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.contracts.programs.ProgramEnded;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.contracts.programs.ProgramPhase;
import io.upright.contracts.programs.ProgramPhaseStarted;
import io.upright.contracts.programs.ProgramResumed;
import io.upright.contracts.programs.TeamCreated;
import io.upright.contracts.reminders.BreakReminderSent;
import io.upright.contracts.reminders.BreakSkipped;
import io.upright.contracts.reminders.BreakSnoozed;
import io.upright.contracts.reminders.BreakTaken;
import io.upright.contracts.reminders.ReminderDeliveryFailed;
import io.upright.contracts.reminders.ReminderExpired;
import io.upright.insights.ReadModelChanged;
import io.upright.insights.facts.FactProjection;
import io.upright.insights.outcomes.SittingProjection;
import io.upright.platform.inbox.ErasedEmployeeEvent;
import io.upright.insights.personaldata.InsightsErasure;
import io.upright.insights.programs.ProgramProjection;
import io.upright.platform.inbox.IncomingEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each topic consumer hands each event type to exactly one application service method, with the event's tenant
 * (and id, where the fact row is keyed by it), and ignores what it does not use. Plain JUnit: the services are
 * replaced by recorders.
 */
class TopicConsumersTest {

    private static final String TENANT = "acme";
    private static final Instant AT = Instant.parse("2026-03-11T12:00:00Z");
    private static final UUID ID = UUID.randomUUID();

    private final List<String> calls = new ArrayList<>();

    @Test
    void programs_topic_goes_to_the_facts_the_programs_read_model_and_the_erasure() {
        ProgramsTopicConsumer consumer = new ProgramsTopicConsumer();
        consumer.facts = new RecordingFacts();
        consumer.programs = new RecordingPrograms();
        consumer.erasure = new RecordingErasure();
        consumer.readModelChanged = new RecordingChanges();

        dispatch(consumer, new TeamCreated(ID, "Accounts", AT));
        dispatch(consumer, new EmployeeEnrolled(ID, ID, "UTC", "09:00", "17:00", false, AT));
        dispatch(consumer, new EmployeeLeft(ID, ID, AT));
        dispatch(consumer, new EmployeeErased(ID, AT));
        dispatch(consumer, new ProgramLaunched(ID, "Stand up", List.of(ID), LocalDate.of(2026, 3, 2),
                List.of(new ProgramPhase(1, 1, 45, 60)), 20, 90, AT));
        dispatch(consumer, new ProgramPhaseStarted(ID, List.of(ID), 2, 30, 120, 20, 90, LocalDate.of(2026, 3, 9), AT));
        dispatch(consumer, new ProgramPaused(ID, List.of(ID), AT));
        dispatch(consumer, new ProgramResumed(ID, List.of(ID), AT));
        dispatch(consumer, new ProgramEnded(ID, List.of(ID), AT));
        consumer.dispatch(new IncomingEvent("e-unknown", "upright.programs.something-else.v1", "programs", null, AT,
                TENANT, null, "an unknown type"));

        assertThat(calls).containsExactly("facts.teamCreated acme", "facts.employeeEnrolled acme",
                "facts.employeeLeft acme", "erasure.erase acme " + ID, "programs.launched acme",
                "programs.phaseStarted acme", "programs.paused acme", "programs.resumed acme", "programs.ended acme");
        assertThat(consumer.topic()).isEqualTo("upright.programs");
    }

    @Test
    void assessments_exercises_and_reminders_topics_go_to_the_facts_keyed_by_the_event_id_and_sitting_reports_to_their_read_model() {
        AssessmentsTopicConsumer assessments = new AssessmentsTopicConsumer();
        assessments.facts = new RecordingFacts();
        assessments.sittings = new RecordingSittings();
        assessments.readModelChanged = new RecordingChanges();
        ExercisesTopicConsumer exercises = new ExercisesTopicConsumer();
        exercises.facts = new RecordingFacts();
        exercises.readModelChanged = new RecordingChanges();
        RemindersTopicConsumer reminders = new RemindersTopicConsumer();
        reminders.facts = new RecordingFacts();
        reminders.readModelChanged = new RecordingChanges();

        dispatch(assessments, new AssessmentStarted(ID, ID, "rosa", 1, AT));
        dispatch(assessments, new AssessmentCompleted(ID, ID, ID, "rosa", 1, "ROSA", 6, "HIGH", List.of(), false, AT));
        dispatch(assessments, new SittingReported(ID, null, "baseline", "ospaq-2012", 480, 300, 120, 60, 0, 5, AT));
        // a sealed record whose key was shredded opens as ErasedEmployeeEvent: passed over
        assessments.dispatch(new IncomingEvent("e-erased", "upright.assessments.sitting-reported.v1", "assessments", null, AT,
                TENANT, null, new ErasedEmployeeEvent("upright.assessments.sitting-reported.v1", ID)));
        dispatch(exercises, new RoutineRecommended(ID, ID, ID, "desk-reset", "Desk reset", 5, List.of(), false, AT));
        dispatch(exercises, new ExerciseSessionCompletedV2(ID, ID, "hip-flexor-release", null, 480, 4, AT));
        dispatch(reminders, new BreakReminderSent(ID, ID, AT, "break", "slack", AT));
        dispatch(reminders, new BreakTaken(ID, ID, "walk", 10, null, AT));
        dispatch(reminders, new BreakSnoozed(ID, ID, AT, AT));
        dispatch(reminders, new BreakSkipped(ID, ID, AT));
        dispatch(reminders, new ReminderExpired(ID, ID, AT, AT));
        dispatch(reminders, new ReminderDeliveryFailed(ID, ID, "slack", "gone", AT));

        assertThat(calls).containsExactly("facts.assessmentStarted acme e-1", "facts.assessmentCompleted acme e-2",
                "sittings.reported acme baseline", "facts.routineRecommended acme e-4",
                "facts.exerciseSessionCompleted acme e-5 480s", "facts.breakReminderSent acme", "facts.breakTaken acme e-7",
                "facts.breakSnoozed acme e-8", "facts.breakSkipped acme e-9", "facts.reminderExpired acme e-10",
                "facts.reminderDeliveryFailed acme e-11");
        assertThat(List.of(assessments.topic(), exercises.topic(), reminders.topic()))
                .containsExactly("upright.assessments", "upright.exercises", "upright.reminders");
    }

    @Test
    void a_v1_exercise_session_still_on_the_topic_is_applied_as_the_v2_it_upcasts_to() {
        ExercisesTopicConsumer exercises = new ExercisesTopicConsumer();
        exercises.facts = new RecordingFacts();
        exercises.readModelChanged = new RecordingChanges();

        dispatch(exercises, new ExerciseSessionCompleted(ID, ID, "hip-flexor-release", null, 8, 4, AT));
        dispatch(exercises, new ExerciseSessionCompletedV2(ID, ID, "hip-flexor-release", null, 480, 4, AT));

        assertThat(calls).containsExactly("facts.exerciseSessionCompleted acme e-1 480s",
                "facts.exerciseSessionCompleted acme e-2 480s");
    }

    private int sequence;
    private final List<String> changes = new ArrayList<>();

    @AfterEach
    void everyDispatchToldTheKeptViewsOfItsTenant() {
        assertThat(changes).hasSizeGreaterThanOrEqualTo(sequence).containsOnly(TENANT);
    }

    /** Views kept between changes ({@code ProgramViewCache}) observe these. */
    private final class RecordingChanges implements Event<ReadModelChanged> {
        @Override
        public void fire(ReadModelChanged event) {
            changes.add(event.tenant());
        }

        @Override
        public <U extends ReadModelChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ReadModelChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<ReadModelChanged> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ReadModelChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ReadModelChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    private void dispatch(TopicConsumer consumer, IntegrationEvent payload) {
        sequence++;
        consumer.dispatch(new IncomingEvent("e-" + sequence, "type", "source", null, AT, TENANT, null, payload));
    }

    private final class RecordingSittings extends SittingProjection {
        @Override
        public void reported(String tenant, SittingReported report) {
            calls.add("sittings.reported " + tenant + " " + report.period());
        }
    }

    private final class RecordingFacts extends FactProjection {
        @Override
        public void teamCreated(String tenant, TeamCreated team) {
            calls.add("facts.teamCreated " + tenant);
        }

        @Override
        public void employeeEnrolled(String tenant, EmployeeEnrolled enrolled) {
            calls.add("facts.employeeEnrolled " + tenant);
        }

        @Override
        public void employeeLeft(String tenant, EmployeeLeft left) {
            calls.add("facts.employeeLeft " + tenant);
        }

        @Override
        public void assessmentStarted(String tenant, String eventId, AssessmentStarted started) {
            calls.add("facts.assessmentStarted " + tenant + " " + eventId);
        }

        @Override
        public void assessmentCompleted(String tenant, String eventId, AssessmentCompleted completed) {
            calls.add("facts.assessmentCompleted " + tenant + " " + eventId);
        }

        @Override
        public void routineRecommended(String tenant, String eventId, RoutineRecommended recommended) {
            calls.add("facts.routineRecommended " + tenant + " " + eventId);
        }

        @Override
        public void exerciseSessionCompleted(String tenant, String eventId, ExerciseSessionCompletedV2 session) {
            calls.add("facts.exerciseSessionCompleted " + tenant + " " + eventId + " " + session.seconds() + "s");
        }

        @Override
        public void breakReminderSent(String tenant, BreakReminderSent sent) {
            calls.add("facts.breakReminderSent " + tenant);
        }

        @Override
        public void breakTaken(String tenant, String eventId, BreakTaken taken) {
            calls.add("facts.breakTaken " + tenant + " " + eventId);
        }

        @Override
        public void breakSnoozed(String tenant, String eventId, BreakSnoozed snoozed) {
            calls.add("facts.breakSnoozed " + tenant + " " + eventId);
        }

        @Override
        public void breakSkipped(String tenant, String eventId, BreakSkipped skipped) {
            calls.add("facts.breakSkipped " + tenant + " " + eventId);
        }

        @Override
        public void reminderExpired(String tenant, String eventId, ReminderExpired expired) {
            calls.add("facts.reminderExpired " + tenant + " " + eventId);
        }

        @Override
        public void reminderDeliveryFailed(String tenant, String eventId, ReminderDeliveryFailed failed) {
            calls.add("facts.reminderDeliveryFailed " + tenant + " " + eventId);
        }
    }

    private final class RecordingPrograms extends ProgramProjection {
        @Override
        public void launched(String tenant, ProgramLaunched launched) {
            calls.add("programs.launched " + tenant);
        }

        @Override
        public void phaseStarted(String tenant, ProgramPhaseStarted phase) {
            calls.add("programs.phaseStarted " + tenant);
        }

        @Override
        public void paused(String tenant, ProgramPaused paused) {
            calls.add("programs.paused " + tenant);
        }

        @Override
        public void resumed(String tenant, ProgramResumed resumed) {
            calls.add("programs.resumed " + tenant);
        }

        @Override
        public void ended(String tenant, ProgramEnded ended) {
            calls.add("programs.ended " + tenant);
        }
    }

    private final class RecordingErasure extends InsightsErasure {
        @Override
        public void erase(String tenant, EmployeeErased erased) {
            calls.add("erasure.erase " + tenant + " " + erased.employeeId());
        }
    }
}
