package io.upright.web.admin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.upright.web.console.ConsoleApi;
import io.upright.web.page.ServiceProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.NotFoundException;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where reminders reach the tenant's own systems: its webhook endpoints (list, add, test, rotate the secret, delete),
 * the Slack app's installation, and its chat channels (Slack shared channels and Teams workflows: list, add, delete;
 * see {@link ChatChannelSection}). A new endpoint's secret, and a rotated one, is shown once, on the page the POST
 * redirects to (see {@link OneTimeSecrets}); a chat channel's URL is never shown again, reminders lists only a hint.
 */
@Path(ChannelPages.PATH)
@Produces(MediaType.TEXT_HTML)
public class ChannelPages {

    /** Reminders' and programs' largest page: a tenant has a handful of endpoints, channels and teams. */
    static final int PAGE = 200;
    static final String PATH = "/admin/channels";
    static final String ROTATE = "/webhooks/{id}/rotate-secret";
    static final String URL_FIELD = "url";

    @Inject
    AdminConsole console;

    @Inject
    @RestClient
    RemindersAdminApi reminders;

    /** Programs: the tenant's teams, for a chat channel that serves one team. */
    @Inject
    @RestClient
    ConsoleApi programs;

    @Inject
    OneTimeSecrets secrets;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @Inject
    @Location("admin/channels.html")
    Template channels;

    @GET
    public Response page(@RestQuery("created") String created, @RestQuery("deleted") String deleted,
                         @RestQuery("added") String added) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        OneTimeSecrets.Shown secret = secrets.take(owner(), created).orElse(null);
        AdminMessages texts = console.texts();
        String notice = null;
        if (added != null) {
            notice = ChatChannelSection.Kind.of(added).map(k -> texts.chatChannelAdded(k.product)).orElse(null);
        } else if (deleted != null) {
            notice = ChatChannelSection.Kind.of(deleted).map(k -> texts.chatChannelDeleted(k.product))
                    .orElse(texts.endpointDeleted());
        }
        Response.ResponseBuilder page = render(200, "", null, secret, notice, null, null);
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
                    List.of(new ServiceProblem.FieldError(URL_FIELD, texts.required()))), null, null, null, null).build();
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
            return render(problem.pageStatus(), typed, problem, null, null, null, null).build();
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
                return render(problem.pageStatus(), "", problem, null, null, null, null).build();
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
                problem = new ServiceProblem(404, problem.title(), texts.endpointGone(), List.of());
            }
            return render(problem.pageStatus(), "", problem, null, null, null, null).build();
        }
        return render(200, "", null, null, null, tested, null).build();
    }

    /**
     * Reminders gives the endpoint a new secret; the old one signs too until the time it answers. The new secret is
     * shown once, as a new endpoint's is: kept for the page this redirects to, never in its URL.
     */
    @POST
    @Path(ROTATE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotateSecret(@PathParam("id") UUID id) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        RemindersAdminApi.RotatedSecret rotated;
        try {
            rotated = reminders.rotateSecret(id);
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = console.problem(e);
            if (problem.notFound()) {
                problem = new ServiceProblem(404, problem.title(), console.texts().endpointGone(), List.of());
            }
            return render(problem.pageStatus(), "", problem, null, null, null, null).build();
        }
        String key = secrets.keep(owner(), urlOf(id), rotated.secret(), rotated.previousSecretValidUntil());
        return AdminConsole.seeOther(PATH + "?created=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    /** The endpoint's URL, to say whose secret is shown; its id if reminders cannot list it just now. */
    private String urlOf(UUID id) {
        try {
            return reminders.endpoints(0, PAGE).items().stream().filter(e -> e.id().equals(id))
                    .map(RemindersAdminApi.Endpoint::url).findFirst().orElse(id.toString());
        } catch (WebApplicationException | ProcessingException e) {
            // the secret is rotated already: it must still be shown, so a missing URL is no reason to fail
            return id.toString();
        }
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
            return render(problem.pageStatus(), "", problem, null, null, null, null).build();
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = console.problem(e);
            return render(problem.pageStatus(), "", problem, null, null, null, null).build();
        }
    }

    @POST
    @Path("/chat/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addChatChannel(@PathParam("kind") String kindPath,
                                   @FormParam(ChatChannelSection.URL_FIELD) String url,
                                   @FormParam(ChatChannelSection.TEAM_FIELD) String team) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        ChatChannelSection.Kind kind = ChatChannelSection.Kind.of(kindPath).orElseThrow(NotFoundException::new);
        ChatChannelSection.Typed typed = new ChatChannelSection.Typed(kind, url == null ? "" : url.strip(),
                team == null ? "" : team.strip());
        AdminMessages texts = console.texts();
        if (typed.webhookUrl().isEmpty()) {
            return refused(typed, kind.field(ChatChannelSection.URL_FIELD), texts.required());
        }
        UUID teamId = null;
        if (!typed.teamId().isEmpty()) {
            try {
                teamId = UUID.fromString(typed.teamId());
            } catch (IllegalArgumentException e) {
                return refused(typed, kind.field(ChatChannelSection.TEAM_FIELD), texts.chatTeamUnknown());
            }
        }
        try {
            reminders.registerChatChannel(kind.path, new RemindersAdminApi.NewChatChannel(typed.webhookUrl(), teamId));
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = kind.onForm(console.problem(e));
            return render(problem.pageStatus(), "", problem, null, null, null, typed).build();
        }
        return AdminConsole.seeOther("/admin/channels?added=" + kind.path);
    }

    @POST
    @Path("/chat/{kind}/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteChatChannel(@PathParam("kind") String kindPath, @PathParam("id") UUID id) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        ChatChannelSection.Kind kind = ChatChannelSection.Kind.of(kindPath).orElseThrow(NotFoundException::new);
        try {
            reminders.removeChatChannel(kind.path, id);
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = console.problem(e);
            // gone already (another tab, another admin): what the admin wanted is true
            if (!problem.notFound()) {
                return render(problem.pageStatus(), "", problem, null, null, null, null).build();
            }
        }
        return AdminConsole.seeOther("/admin/channels?deleted=" + kind.path);
    }

    private Response refused(ChatChannelSection.Typed typed, String field, String message) {
        return render(400, "", new ServiceProblem(400, "", console.texts().checkFields(),
                List.of(new ServiceProblem.FieldError(field, message))), null, null, null, typed).build();
    }

    /**
     * @param notice what was just done (an endpoint or channel deleted, a channel added), or null
     * @param chat what was typed into a chat channel's form, shown again with the problem
     */
    private Response.ResponseBuilder render(int status, String typed, ServiceProblem problem,
                                            OneTimeSecrets.Shown secret, String notice,
                                            RemindersAdminApi.TestDelivery tested, ChatChannelSection.Typed chat) {
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
        Map<UUID, String> teams = null;
        try {
            teams = new LinkedHashMap<>();
            for (ConsoleApi.Team team : programs.teams(0, PAGE).items()) {
                teams.put(team.id(), team.name());
            }
        } catch (WebApplicationException | ProcessingException e) {
            // without programs a channel can still be added for the whole organisation: said in the form, not page-wide
            teams = null;
        }
        List<ChatChannelSection> chats = new ArrayList<>();
        for (ChatChannelSection.Kind kind : ChatChannelSection.Kind.values()) {
            List<RemindersAdminApi.ChatChannel> listed = List.of();
            try {
                listed = reminders.chatChannels(kind.path, 0, PAGE).items();
            } catch (WebApplicationException | ProcessingException e) {
                if (shown == null) {
                    shown = console.problem(e);
                    status = shown.pageStatus();
                }
            }
            chats.add(ChatChannelSection.of(kind, listed, teams, chat, shown, console.texts()));
        }
        String error = shown == null ? null : shown.at(URL_FIELD).orElse(null);
        WebhookTestOutcome test = null;
        if (tested != null) {
            String url = endpoints.stream().filter(e -> e.id().equals(tested.endpointId()))
                    .map(RemindersAdminApi.Endpoint::url).findFirst().orElse(null);
            test = WebhookTestOutcome.of(tested, url, console.texts());
        }
        Instant now = clock.instant();
        AdminMessages texts = console.texts();
        List<WebhookEndpointRow> rows = endpoints.stream().map(e -> WebhookEndpointRow.of(e, now, texts)).toList();
        return Response.status(status).entity(channels.data("endpoints", rows).data("slack", slack)
                .data("problem", shown).data("typed", typed).data("error", error).data("secret", secret)
                .data("notice", notice).data("test", test).data("chats", chats));
    }

    private String owner() {
        return identity.getPrincipal().getName();
    }
}
