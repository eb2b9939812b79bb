package io.upright.reminders.messaging;

import io.smallrye.common.annotation.Blocking;
import io.upright.contracts.programs.EmployeeContactShared;
import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.contracts.programs.EmployeeErased;
import io.upright.contracts.programs.EmployeeLeft;
import io.upright.contracts.programs.ProgramEnded;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.contracts.programs.ProgramPhaseStarted;
import io.upright.contracts.programs.ProgramResumed;
import io.upright.contracts.UprightService;
import io.upright.platform.inbox.Consumption;
import io.upright.platform.inbox.IncomingEvent;
import io.upright.platform.inbox.TopicConsumer;
import io.upright.reminders.personaldata.RemindersErasure;
import io.upright.reminders.program.Programs;
import io.upright.reminders.schedule.Schedules;
import io.upright.reminders.slackapp.SlackMembers;
import io.upright.reminders.teambreak.CampaignNudges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code upright.programs}: enrolments and leaving (schedules), how to find the person in chat (the Slack app), erasure (personal data), and programs' lifecycle
 * (launch, phases, pause, resume, end). Each record is handled once (inbox, same transaction); other types are ignored.
 */
@ApplicationScoped
public class ProgramsTopicConsumer implements TopicConsumer {

    static final String CONSUMER = "reminders";

    @Inject
    Consumption consumption;

    @Inject
    Schedules schedules;

    @Inject
    Programs programs;

    @Inject
    RemindersErasure erasure;

    @Inject
    CampaignNudges nudges;

    @Inject
    io.upright.reminders.sitting.SittingCheckIns sittingCheckIns;

    @Inject
    SlackMembers slackMembers;

    @Incoming("programs")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumption.consumeBatch(this, records);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return UprightService.PROGRAMS.topic();
    }

    @Override
    public void dispatch(IncomingEvent event) {
        Object payload = event.payload();
        String tenant = event.tenant();
        if (payload instanceof EmployeeEnrolled enrolled) {
            schedules.onEnrolled(tenant, enrolled);
            // campaigns travel on another topic: one that came before this enrolment still nudges
            nudges.onEnrolled(tenant, enrolled.employeeId(), enrolled.teamId());
            sittingCheckIns.onEnrolled(tenant, enrolled.employeeId());
        } else if (payload instanceof EmployeeContactShared contact) {
            // how the Slack app finds the person; kept sealed, gone when they leave or are erased
            slackMembers.contactShared(tenant, contact.employeeId(), contact.email(), contact.chatHandle(), contact.sharedAt());
        } else if (payload instanceof EmployeeLeft left) {
            schedules.onLeft(tenant, left);
            slackMembers.forget(tenant, left.employeeId());
        } else if (payload instanceof EmployeeErased erased) {
            erasure.erase(tenant, erased.employeeId());
        } else if (payload instanceof ProgramLaunched launched) {
            programs.onLaunched(tenant, launched);
        } else if (payload instanceof ProgramPhaseStarted started) {
            programs.onPhaseStarted(tenant, started);
        } else if (payload instanceof ProgramPaused paused) {
            programs.onPaused(tenant, paused);
        } else if (payload instanceof ProgramResumed resumed) {
            programs.onResumed(tenant, resumed);
        } else if (payload instanceof ProgramEnded ended) {
            programs.onEnded(tenant, ended);
            // after the program's reminders were taken back: the end's sitting check-in is asked of its people
            sittingCheckIns.onProgramEnded(tenant, ended.programId());
        }
    }
}
