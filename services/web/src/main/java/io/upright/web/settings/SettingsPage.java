package io.upright.web.settings;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.upright.web.page.PageLanguage;
import io.upright.web.page.PageMessages;
import io.upright.web.page.ServiceProblem;
import io.upright.web.settings.MyReminderSettings.Settings;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The person's reminder settings (working hours per weekday, zone, lunch, quiet windows, cadence, routine times) and
 * their pause. Saving sends the whole settings with the ETag they were read with, so a change made meanwhile elsewhere
 * (Slack, another tab) is never silently overwritten.
 */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {

    @Inject
    java.time.Clock clock;

    private static final Set<String> NOTICES = Set.of("saved", "changed", "paused", "resumed");

    @Inject
    @RestClient
    MyReminderSettings reminders;

    @Inject
    @Location("settings/page.html")
    Template page;

    @Context
    HttpHeaders headers;

    @GET
    public TemplateInstance get(@QueryParam("notice") String notice) {
        return show(null, null, notice != null && NOTICES.contains(notice) ? notice : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(@BeanParam SettingsPost post, @RestForm String etag) {
        SettingsForm.Posted posted = SettingsForm.read(post.asMap());
        if (!posted.valid()) {
            SettingsMessages words = PageLanguage.bundle(SettingsMessages.class, headers);
            List<ServiceProblem.FieldError> errors = posted.errors().stream()
                    .map(e -> new ServiceProblem.FieldError(e.field(), words.notAWholeNumber())).toList();
            return show(posted.form(), new ServiceProblem(400, "", "", errors), null);
        }
        try {
            answered(reminders.change(etag == null || etag.isBlank() ? null : etag, posted.change())).close();
            return seeOther("saved");
        } catch (WebApplicationException | ProcessingException failure) {
            ServiceProblem problem = ServiceProblem.of(failure, unavailable());
            if (problem.status() == 412) {
                // changed elsewhere since this form was read: show the settings as they are now, and say so
                return seeOther("changed");
            }
            return show(posted.form(), problem, null);
        }
    }

    @POST
    @Path("/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object pause(@RestForm String length) {
        MyReminderSettings.Pause pause = "today".equals(length) ? new MyReminderSettings.Pause(null, "tomorrow")
                : new MyReminderSettings.Pause(60, null);
        try {
            reminders.pause(pause);
            return seeOther("paused");
        } catch (WebApplicationException | ProcessingException failure) {
            return show(null, ServiceProblem.of(failure, unavailable()), null);
        }
    }

    @POST
    @Path("/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object resume() {
        try {
            reminders.resume();
            return seeOther("resumed");
        } catch (WebApplicationException | ProcessingException failure) {
            return show(null, ServiceProblem.of(failure, unavailable()), null);
        }
    }

    /**
     * The page with the settings read now; {@code typed} (a rejected form) is shown instead of them so nothing the
     * person typed is lost, with the errors at their fields.
     */
    private TemplateInstance show(SettingsForm typed, ServiceProblem problem, String notice) {
        Settings now = null;
        String etag = null;
        ServiceProblem shown = problem;
        boolean notEnrolled = false;
        try (Response response = answered(reminders.settings())) {
            now = response.readEntity(Settings.class);
            etag = response.getHeaderString(HttpHeaders.ETAG);
        } catch (WebApplicationException | ProcessingException failure) {
            ServiceProblem reading = ServiceProblem.of(failure, unavailable());
            notEnrolled = reading.notFound();
            if (shown == null && !notEnrolled) {
                shown = reading;
            }
        }
        SettingsForm form = typed != null ? typed : now == null ? null : SettingsForm.of(now);
        if (form != null && shown != null) {
            form = form.withErrors(shown.byField());
        }
        Instant pausedUntil = now == null ? null : now.pausedUntil();
        return page.data("form", form)
                .data("problem", shown)
                .data("notice", notice)
                .data("notEnrolled", notEnrolled)
                .data("etag", etag)
                .data("paused", pausedUntil == null ? null
                        : LocalWhen.of(pausedUntil, LocalWhen.zoneOr(now.timeZone()), Instant.now(clock)))
                .data("cadence", now == null ? null : now.breakEveryMinutes())
                .data("minCadence", now == null || now.minBreakEveryMinutes() == null ? 5 : now.minBreakEveryMinutes())
                .data("maxCadence", now == null || now.maxBreakEveryMinutes() == null ? 240 : now.maxBreakEveryMinutes());
    }

    /** A refusal as the exception the rest client throws for it, whichever way the client was configured. */
    private static Response answered(Response response) {
        if (response.getStatus() >= 400) {
            throw new WebApplicationException(response);
        }
        return response;
    }

    private String unavailable() {
        return PageLanguage.bundle(PageMessages.class, headers).serviceUnavailable();
    }

    private static Response seeOther(String notice) {
        return Response.seeOther(URI.create("/settings?notice=" + notice)).build();
    }
}
