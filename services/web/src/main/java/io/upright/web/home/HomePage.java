package io.upright.web.home;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.upright.web.settings.LocalWhen;
import io.upright.web.settings.MyReminderSettings;
import io.upright.web.signin.SignedInPerson;
import io.upright.web.sitting.MySittingReports;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The signed-in person's start page: their next break (or the pause), today's routine, their last seven days, and
 * quick links. Each part asks its own service and shows what it can on its own: one service down never hides the rest.
 */
@Path("/")
public class HomePage {

    @Inject
    java.time.Clock clock;

    /** What one part of the page got: the answer, or that the person is not known there yet, or no answer. */
    public record Part<T>(T value, boolean notFound, boolean unavailable) {

        static <T> Part<T> ask(Supplier<T> call) {
            try {
                return new Part<>(call.get(), false, false);
            } catch (WebApplicationException e) {
                int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
                return new Part<>(null, status == 404, status != 404);
            } catch (ProcessingException e) {
                return new Part<>(null, false, true);
            }
        }
    }

    @Inject
    SignedInPerson person;

    @Inject
    @RestClient
    MyBreaks breaks;

    @Inject
    @RestClient
    MyReminders reminders;

    @Inject
    @RestClient
    MyReminderSettings settings;

    @Inject
    @RestClient
    MyRoutine routine;

    @Inject
    @RestClient
    MySittingReports sitting;

    @Inject
    Template home;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        Instant now = Instant.now(clock);
        Part<MyReminderSettings.Settings> mine = Part.ask(() -> {
            try (Response r = settings.settings()) {
                if (r.getStatus() >= 400) {
                    throw new WebApplicationException(r);
                }
                return r.readEntity(MyReminderSettings.Settings.class);
            }
        });
        Part<NextBreak> next = nextBreak(mine, now);
        Part<MyBreaks.Week> week = Part.ask(breaks::lastSevenDays);
        Part<MyRoutine.Recommendation> today = Part.ask(routine::current);
        // the program's daily target is for standing and walking, which the sitting check-ins measure (break
        // minutes are only the part Upright sees), so it is set against the latest check-in, never the breaks
        Integer target = week.value() == null ? null : week.value().dailyActiveMinutesTarget();
        Integer standingAndWalking = target == null ? null : latestStandingAndWalking().orElse(null);
        return home.data("name", person.givenName().orElse(null))
                .data("next", next)
                .data("week", week)
                .data("routine", today)
                .data("target", target)
                .data("standingAndWalking", standingAndWalking);
    }

    private Part<NextBreak> nextBreak(Part<MyReminderSettings.Settings> mine, Instant now) {
        if (mine.value() == null) {
            return new Part<>(null, mine.notFound(), mine.unavailable());
        }
        Part<MyReminders.Page> newest = Part.ask(() -> reminders.newest(50));
        if (newest.value() == null) {
            return new Part<>(null, newest.notFound(), newest.unavailable());
        }
        List<MyReminders.Reminder> items = newest.value().items() == null ? List.of() : newest.value().items();
        return new Part<>(NextBreak.of(items, mine.value().pausedUntil(), LocalWhen.zoneOr(mine.value().timeZone()), now)
                .orElse(null), false, false);
    }

    private Optional<Integer> latestStandingAndWalking() {
        Part<MySittingReports.Reports> reports = Part.ask(sitting::mine);
        if (reports.value() == null || reports.value().items() == null) {
            return Optional.empty();
        }
        List<MySittingReports.Report> items = reports.value().items();
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).perWorkday() != null) {
                return Optional.of(items.get(i).perWorkday().standingAndWalkingMinutes());
            }
        }
        return Optional.empty();
    }
}
