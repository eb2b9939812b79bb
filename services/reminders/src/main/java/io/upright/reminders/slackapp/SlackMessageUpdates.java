package io.upright.reminders.slackapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.reminders.reminder.ReminderAnswered;
import io.upright.reminders.reminder.ReminderDecider;
import io.upright.reminders.reminder.ReminderMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Once an answer is committed, wherever it was given (the DM's buttons, a Teams link, Upright's API), the reminder's
 * direct message shows it and loses its buttons ({@code chat.update}), so the DM never offers to answer twice.
 */
@ApplicationScoped
public class SlackMessageUpdates {

    private static final Logger LOG = Logger.getLogger(SlackMessageUpdates.class);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    SlackMessages messages;

    @Inject
    SlackApps apps;

    @Inject
    SlackWebApi slack;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    SlackAfterResponse afterResponse;

    void onAnswered(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReminderAnswered answered) {
        try {
            Optional<SlackMessages.SentMessage> sent = messages.of(answered.reminderId());
            if (sent.isEmpty() || !sent.get().tenant().equals(answered.tenant())) {
                return;
            }
            Optional<SlackApps.ActiveInstallation> installation = apps.activeInstallation(answered.tenant())
                    .filter(i -> i.id().equals(sent.get().installationId()));
            if (installation.isEmpty()) {
                return; // the app was removed or replaced since: its token cannot touch the old message
            }
            String outcome = outcome(answered);
            String text = ReminderMessage.of(answered.reminderId(), answered.employeeId(), answered.slot(), answered.kind(), null).message();
            Map<String, Object> replaced = SlackBlocks.answered(text, outcome);
            String blocks = json.writeValueAsString(replaced.get("blocks"));
            String token = apps.botToken(installation.get());
            SlackMessages.SentMessage message = sent.get();
            afterResponse.run(() -> {
                try {
                    slack.update(message.installationId(), token, message.channel(), message.ts(), outcome, blocks);
                } catch (SlackWebApi.SlackCallFailed e) {
                    LOG.debugf("chat.update for reminder %s: %s", answered.reminderId(), e.error());
                }
            });
        } catch (JsonProcessingException | RuntimeException e) {
            // the answer is recorded; only the message stays as it was
            LOG.warnf("Cannot update the Slack message of reminder %s: %s", answered.reminderId(), e.toString());
        }
    }

    /** What the message says once answered: Done ✓, Skipped, or Snoozed until HH:mm in the person's time zone. */
    String outcome(ReminderAnswered answered) {
        if (ReminderDecider.SKIP.equals(answered.answer())) {
            return "Skipped";
        }
        if (ReminderDecider.SNOOZE.equals(answered.answer()) && answered.snoozedUntil() != null) {
            return "Snoozed until " + CLOCK_TIME.format(answered.snoozedUntil().atZone(zone(answered)));
        }
        return "Done ✓";
    }

    private ZoneId zone(ReminderAnswered answered) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select time_zone from schedule where tenant_id = ? and employee_id = ?")) {
            ps.setString(1, answered.tenant());
            ps.setObject(2, answered.employeeId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? ZoneId.of(rs.getString(1)) : ZoneOffset.UTC;
            }
        } catch (SQLException | DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
