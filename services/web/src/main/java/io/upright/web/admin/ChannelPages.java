package io.upright.web.admin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.upright.web.page.ServiceProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Where reminders reach the tenant's own systems: its webhook endpoints (list, add, test, delete) and the Slack app's
 * installation. A new endpoint's secret is shown once, on the page the add redirects to (see {@link OneTimeSecrets}).
 */
@Path("/admin/channels")
@Produces(MediaType.TEXT_HTML)
public class ChannelPages {

    /** Reminders' largest page: a tenant has a handful of endpoints. */
    static final int PAGE = 200;
    static final String URL_FIELD = "url";

    @Inject
    AdminConsole console;

    @Inject
    @RestClient
    RemindersAdminApi reminders;

    @Inject
    OneTimeSecrets secrets;

    @Inject
    SecurityIdentity identity;

    @Inject
    @Location("admin/channels.html")
    Template channels;

    @GET
    public Response page(@RestQuery("created") String created, @RestQuery("deleted") String deleted) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        OneTimeSecrets.Shown secret = secrets.take(owner(), created).orElse(null);
        Response.ResponseBuilder page = render(200, "", null, secret, deleted != null, null);
        // the page with a secret on it must not be kept by the browser or a proxy
        return page.header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/webhooks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam(URL_FIELD) String url) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        String typed = url == null ? "" : url.strip();
        AdminMessages texts = console.texts();
        if (typed.isEmpty()) {
            return render(400, typed, new ServiceProblem(400, "", texts.checkFields(),
                    List.of(new ServiceProblem.FieldError(URL_FIELD, texts.required()))), null, false, null).build();
        }
        RemindersAdminApi.Registered registered;
        try {
            registered = reminders.register(new RemindersAdminApi.NewEndpoint(typed));
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = console.problem(e);
            if (problem.status() < 500 && problem.status() != 403 && problem.fieldErrors().isEmpty()) {
                problem = new ServiceProblem(problem.status(), problem.title(), problem.detail(),
                        List.of(new ServiceProblem.FieldError(URL_FIELD, problem.detail())));
            }
            return render(problem.pageStatus(), typed, problem, null, false, null).build();
        }
        String key = secrets.keep(owner(), registered.url(), registered.secret());
        return AdminConsole.seeOther("/admin/channels?created=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    @POST
    @Path("/webhooks/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") UUID id) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        try {
            reminders.remove(id);
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = console.problem(e);
            // gone already (another tab, another admin): what the admin wanted is true
            if (!problem.notFound()) {
                return render(problem.pageStatus(), "", problem, null, false, null).build();
            }
        }
        return AdminConsole.seeOther("/admin/channels?deleted=1");
    }

    /**
     * Reminders sends the endpoint one signed test event and says what it answered; the page shows that at once rather
     * than redirecting, since nothing was stored to show again (reloading asks the browser to send it again).
     */
    @POST
    @Path("/webhooks/{id}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response test(@PathParam("id") UUID id) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        AdminMessages texts = console.texts();
        RemindersAdminApi.TestDelivery tested;
        try {
            tested = reminders.testDelivery(id);
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = console.problem(e);
            if (problem.status() == 429) {
                problem = new ServiceProblem(429, problem.title(), texts.testTooOften(retryAfterSeconds(e)), List.of());
            } else if (problem.notFound()) {
                problem = new ServiceProblem(404, problem.title(), texts.testEndpointGone(), List.of());
            }
            return render(problem.pageStatus(), "", problem, null, false, null).build();
        }
        return render(200, "", null, null, false, tested).build();
    }

    /** Reminders' {@code Retry-After} in whole seconds; a minute when it sent none it could read. */
    private static long retryAfterSeconds(RuntimeException failure) {
        if (failure instanceof WebApplicationException wae && wae.getResponse() != null) {
            String header = wae.getResponse().getHeaderString("Retry-After");
            try {
                return header == null ? 60 : Math.max(1, Long.parseLong(header.strip()));
            } catch (NumberFormatException e) {
                return 60;
            }
        }
        return 60;
    }

    @POST
    @Path("/slack")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addToSlack() {
        if (!console.allowed()) {
            return console.forbidden();
        }
        try {
            RemindersAdminApi.InstallLink link = reminders.beginSlackInstall();
            URI authorize = URI.create(link.authorizeUrl());
            if (!"https".equals(authorize.getScheme()) && !"http".equals(authorize.getScheme())) {
                throw new IllegalArgumentException("not a web address");
            }
            return Response.seeOther(authorize).build();
        } catch (IllegalArgumentException | NullPointerException e) {
            // reminders answered something that is no link to Slack: as good as no answer
            ServiceProblem problem = console.problem(new ProcessingException(e));
            return render(problem.pageStatus(), "", problem, null, false, null).build();
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = console.problem(e);
            return render(problem.pageStatus(), "", problem, null, false, null).build();
        }
    }

    private Response.ResponseBuilder render(int status, String typed, ServiceProblem problem,
                                            OneTimeSecrets.Shown secret, boolean deleted,
                                            RemindersAdminApi.TestDelivery tested) {
        ServiceProblem shown = problem;
        List<RemindersAdminApi.Endpoint> endpoints = List.of();
        RemindersAdminApi.Installation slack = null;
        try {
            endpoints = reminders.endpoints(0, PAGE).items();
        } catch (WebApplicationException | ProcessingException e) {
            if (shown == null) {
                shown = console.problem(e);
                status = shown.pageStatus();
            }
        }
        try {
            slack = reminders.slackInstallation();
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem slackProblem = console.problem(e);
            // 404 is the answer "not installed", not a problem
            if (!slackProblem.notFound() && shown == null) {
                shown = slackProblem;
                status = shown.pageStatus();
            }
        }
        String error = shown == null ? null : shown.at(URL_FIELD).orElse(null);
        WebhookTestOutcome test = null;
        if (tested != null) {
            String url = endpoints.stream().filter(e -> e.id().equals(tested.endpointId()))
                    .map(RemindersAdminApi.Endpoint::url).findFirst().orElse(null);
            test = WebhookTestOutcome.of(tested, url, console.texts());
        }
        return Response.status(status).entity(channels.data("endpoints", endpoints).data("slack", slack)
                .data("problem", shown).data("typed", typed).data("error", error).data("secret", secret)
                .data("deleted", deleted).data("test", test));
    }

    private String owner() {
        return identity.getPrincipal().getName();
    }
}
