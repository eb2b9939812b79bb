package io.upright.web.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.upright.web.page.PageLanguage;
import io.upright.web.page.PageMessages;
import io.upright.web.page.ServiceProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HR's assessment campaigns: the tenant's campaigns with the coverage assessments reports, and a form asking a team
 * to (re)assess on a template by a date. Teams come from programs, templates and campaigns from assessments.
 */
@Path("/hr/campaigns")
@Produces(MediaType.TEXT_HTML)
public class CampaignPages {

    @Inject
    HrConsole console;

    @Inject
    HttpHeaders headers;

    @Inject
    @RestClient
    ConsoleApi programs;

    @Inject
    @RestClient
    CampaignApi assessments;

    @Inject
    @Location("console/campaigns.html")
    Template page;

    /** A choice of the form's selects. */
    public record Option(String value, String label, boolean selected) {
    }

    @GET
    public Response list(@RestQuery("started") String started) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        return render(Map.of(), null, started != null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(MultivaluedMap<String, String> form) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        CampaignRows.Read read = CampaignRows.read(form, words());
        if (!read.sendable()) {
            ServiceProblem problem = new ServiceProblem(400, "", texts().checkFields(), read.errors());
            return render(read.values(), problem, false, 400);
        }
        try {
            assessments.start(read.campaign());
            return HrConsole.seeOther("/hr/campaigns?started=1");
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = CampaignRows.atFields(ServiceProblem.of(e, unavailable()));
            return render(read.values(), problem, false, problem.pageStatus());
        }
    }

    private Response render(Map<String, String> values, ServiceProblem formProblem, boolean started, int status) {
        ServiceProblem problem = formProblem;
        Map<UUID, String> teamNames = new LinkedHashMap<>();
        try {
            programs.teams(0, ProgramPages.PAGE).items().forEach(t -> teamNames.put(t.id(), t.name()));
        } catch (WebApplicationException | ProcessingException e) {
            problem = problem == null ? ServiceProblem.of(e, unavailable()) : problem;
        }
        Map<String, String> templateTitles = new LinkedHashMap<>();
        try {
            templateTitles = templateTitles();
        } catch (WebApplicationException | ProcessingException e) {
            problem = problem == null ? ServiceProblem.of(e, unavailable()) : problem;
        }
        List<CampaignRows.Row> rows = List.of();
        try {
            rows = CampaignRows.rows(assessments.campaigns(0, 100).items(), teamNames, templateTitles, words());
        } catch (WebApplicationException | ProcessingException e) {
            problem = problem == null ? ServiceProblem.of(e, unavailable()) : problem;
        }
        String team = values.getOrDefault("teamId", "");
        String template = values.getOrDefault("templateId", "");
        List<Option> teams = teamNames.entrySet().stream()
                .map(t -> new Option(t.getKey().toString(), t.getValue(), t.getKey().toString().equals(team))).toList();
        List<Option> templates = templateTitles.entrySet().stream()
                .map(t -> new Option(t.getKey(), t.getValue(), t.getKey().equals(template))).toList();
        Map<String, String> errors = formProblem == null ? Map.of() : formProblem.byField();
        TemplateInstance shown = page.data("rows", rows).data("teams", teams).data("templates", templates)
                .data("dueDate", values.getOrDefault("dueDate", "")).data("errors", errors)
                .data("problem", problem).data("started", started);
        int code = status == 200 && problem != null ? problem.pageStatus() : status;
        return Response.status(code).entity(shown).type("text/html;charset=UTF-8").build();
    }

    /** The templates assessments publishes, titled in the page's language where this console knows the template. */
    private Map<String, String> templateTitles() {
        ConsoleMessages texts = texts();
        Map<String, String> translated = Map.of("workstation-basics", texts.templateWorkstationBasics(), "rosa", texts.templateRosa());
        Map<String, String> titles = new LinkedHashMap<>();
        assessments.templates().forEach(t -> titles.put(t.id(), translated.getOrDefault(t.id(), t.title())));
        return titles;
    }

    private ConsoleMessages texts() {
        return PageLanguage.bundle(ConsoleMessages.class, headers);
    }

    private String unavailable() {
        return PageLanguage.bundle(PageMessages.class, headers).serviceUnavailable();
    }

    private CampaignRows.Words words() {
        ConsoleMessages texts = texts();
        return new CampaignRows.Words() {
            @Override
            public String required() {
                return texts.required();
            }

            @Override
            public String dateFormat() {
                return texts.dateFormat();
            }

            @Override
            public String coverage(int submitted, int employees, int percent) {
                return texts.campaignCoverage(submitted, employees, percent);
            }

            @Override
            public String coverageHidden() {
                return texts.campaignCoverageHidden();
            }
        };
    }
}
