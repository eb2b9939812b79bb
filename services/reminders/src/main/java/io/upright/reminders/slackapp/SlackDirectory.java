package io.upright.reminders.slackapp;

import io.quarkus.scheduler.Scheduled;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.contact.EmployeeContacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the tenant's employees in its Slack workspace by reading the workspace directory ({@code users.list}, 200
 * members a page, Tier 2) and matching each member's email with the contacts programs shared: once right after the
 * install, then every {@code directory-sync-every}. A workspace of 100 000 people is 500 pages, under half an hour
 * within Slack's limits, where looking each person up (Tier 3, 50 a minute) would take well over a day. What it finds
 * is what a lookup would have found, kept per installation ({@code slack_member}).
 */
@ApplicationScoped
public class SlackDirectory {

    private static final Logger LOG = Logger.getLogger(SlackDirectory.class);
    /** A background job may wait for its slot: nobody waits for it. */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    @Inject
    SlackApps apps;

    @Inject
    SlackWebApi slack;

    @Inject
    SlackMembers members;

    @Inject
    EmployeeContacts contacts;

    @Inject
    RemindersConfig config;

    @Inject
    SlackAfterResponse afterResponse;

    @Scheduled(identity = "slack-directory-sync", every = "{upright.reminders.slack-app.directory-sync-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyFewHours() {
        if (config.engineEnabled()) {
            apps.allActive().forEach(this::sync);
        }
    }

    /** After an install: read the directory now, in the background. */
    public void syncSoon(String tenant) {
        afterResponse.run(() -> apps.activeInstallation(tenant).ifPresent(this::sync));
    }

    /** @return how many members were matched to employees */
    public int sync(SlackApps.ActiveInstallation installation) {
        String token = apps.botToken(installation);
        String cursor = null;
        int matched = 0;
        try {
            do {
                SlackWebApi.MemberPage page = slack.members(installation.id(), token, cursor, PAGE_WAIT);
                for (Map.Entry<String, String> member : page.emailByUser().entrySet()) {
                    Optional<UUID> employee = contacts.byEmail(installation.tenant(), member.getValue());
                    if (employee.isPresent()) {
                        members.remember(installation, employee.get(), member.getKey());
                        matched++;
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        } catch (SlackWebApi.SlackCallFailed e) {
            // the next round reads it all again; lookups on delivery fill in meanwhile
            LOG.infof("Slack directory of installation %s read in part (%s): %d employees found so far", installation.id(), e.error(), matched);
            return matched;
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the Slack directory of installation %s: %s", installation.id(), e.toString());
            return matched;
        }
        LOG.infof("Slack directory of installation %s read: %d employees found", installation.id(), matched);
        return matched;
    }
}
