package io.upright.reminders.slackapp;

import io.upright.reminders.schedule.PersonalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * What an employee does from Slack itself, as themselves: who they are (the member who typed or pressed, in the
 * workspace of their tenant's installation), and their Home tab kept current.
 */
@ApplicationScoped
public class SlackPeople {

    private static final Logger LOG = Logger.getLogger(SlackPeople.class);

    @Inject
    SlackApps apps;

    @Inject
    SlackMembers members;

    @Inject
    SlackWebApi slack;

    @Inject
    SlackHome home;

    @Inject
    PersonalSettings settings;

    /** An employee as Slack knows them: their tenant's installation, its bot token, and who they are in it. */
    public record Person(SlackApps.ActiveInstallation installation, String botToken, String slackUserId, UUID employeeId) {
        public String tenant() {
            return installation.tenant();
        }
    }

    /** Why no person could be found for a Slack member. */
    public enum Unknown { NOT_INSTALLED, NOT_ENROLLED, SLACK_UNAVAILABLE }

    /** The member as an employee; {@code unknown} says why not when they are none. */
    public record Lookup(Person person, Unknown unknown) {
    }

    public Lookup find(String slackTeamId, String slackUserId) {
        if (slackTeamId == null || slackUserId == null) {
            return new Lookup(null, Unknown.NOT_INSTALLED);
        }
        // a workspace could hold the app for several tenants in theory; the member is an employee of at most one
        boolean installed = false;
        for (SlackApps.ActiveInstallation installation : apps.activeInWorkspace(slackTeamId)) {
            installed = true;
            String token = apps.botToken(installation);
            try {
                Optional<UUID> employee = members.employeeOf(installation, token, slackUserId);
                if (employee.isPresent()) {
                    return new Lookup(new Person(installation, token, slackUserId, employee.get()), null);
                }
            } catch (SlackWebApi.SlackCallFailed e) {
                LOG.debugf("Slack could not say who %s is: %s", slackUserId, e.error());
                return new Lookup(null, Unknown.SLACK_UNAVAILABLE);
            }
        }
        return new Lookup(null, installed ? Unknown.NOT_ENROLLED : Unknown.NOT_INSTALLED);
    }

    /** Publishes the person's Home tab as it is now. Called after Slack had its answer, on another thread. */
    @ActivateRequestContext
    public void refreshHome(Person person) {
        try {
            slack.publishHome(person.installation().id(), person.botToken(), person.slackUserId(), home.homeView(home.summary(person.tenant(), person.employeeId())));
        } catch (SlackWebApi.SlackCallFailed e) {
            LOG.debugf("views.publish for %s: %s", person.slackUserId(), e.error());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot draw the Slack Home tab of %s: %s", person.slackUserId(), e.toString());
        }
    }

    /** Pause for minutes, or until tomorrow (null). */
    public void pause(Person person, Integer minutes) {
        settings.pause(person.tenant(), person.employeeId(), minutes);
    }

    public void resume(Person person) {
        settings.resume(person.tenant(), person.employeeId());
    }

    /** What to tell a member who is nobody Upright knows. */
    public static String explain(Unknown unknown) {
        if (unknown == Unknown.SLACK_UNAVAILABLE) {
            return "Slack did not answer in time, so I could not tell who you are. Please try again in a minute.";
        }
        if (unknown == Unknown.NOT_ENROLLED) {
            return "I can't find you in Upright: your Slack email matches nobody in a program yet. Your HR team adds people to programs.";
        }
        return "Upright is not installed for this Slack workspace.";
    }
}
