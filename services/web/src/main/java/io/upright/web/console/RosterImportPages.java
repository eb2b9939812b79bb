package io.upright.web.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.upright.web.page.ServiceProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HR's roster import: upload a CSV (a file, or its text pasted), see what programs would do row by row (its preview,
 * a dry run that writes nothing), then import it and follow the progress. Nothing is kept here between requests:
 * the previewed text travels back in the import form, and programs checks it again before it writes anything.
 */
@Path("/hr")
@Produces(MediaType.TEXT_HTML)
public class RosterImportPages {

    /** A roster of 20 000 rows is about 2 MB; more than programs accepts in one import anyway. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    @Inject
    HrConsole console;

    @Inject
    @RestClient
    ConsoleApi api;

    @Inject
    @Location("console/start.html")
    Template start;

    @Inject
    @Location("console/import.html")
    Template importPage;

    @Inject
    @Location("console/progress.html")
    Template progress;

    @GET
    public Response start() {
        if (!console.allowed()) {
            return console.forbidden();
        }
        return Response.ok(start.instance()).build();
    }

    @GET
    @Path("/import")
    public Response form() {
        if (!console.allowed()) {
            return console.forbidden();
        }
        return Response.ok(page("", null, null)).build();
    }

    /** The upload form as a browser sends it with a file chosen (multipart). */
    @POST
    @Path("/import/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response previewUpload(@RestForm("file") FileUpload file, @RestForm("csv") String pasted) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        if (file != null && file.size() > MAX_FILE_BYTES) {
            return invalidFile(pasted, console.texts().fileTooLarge());
        }
        String csv;
        try {
            csv = file == null || file.size() == 0 ? pasted : readUtf8(file);
        } catch (IOException e) {
            return invalidFile(pasted, console.texts().fileNotText());
        }
        return preview(csv);
    }

    /** The same form sent without a file (pasted text only; browsers send it urlencoded when scripts rewrite it). */
    @POST
    @Path("/import/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response previewPasted(@RestForm("csv") String pasted) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        return preview(pasted);
    }

    @POST
    @Path("/import/apply")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response apply(@RestForm("csv") String csv, @RestForm("markLeavers") String markLeavers) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        String text = csv == null ? "" : csv;
        try {
            ConsoleApi.RosterImport started = api.apply("apply",
                    console.admin() && markLeavers != null ? "mark" : "report", text);
            return HrConsole.seeOther("/hr/import/" + started.id());
        } catch (WebApplicationException | ProcessingException e) {
            // e.g. someone enrolled a person of the file since the preview: programs names the row; nothing was written
            ServiceProblem problem = ServiceProblem.of(e, console.unavailable());
            ConsoleApi.Preview fresh = null;
            try {
                fresh = api.preview("dry-run", text);
            } catch (WebApplicationException | ProcessingException again) {
                // the problem above says what there is to say
            }
            return Response.status(problem.pageStatus()).entity(page(text, fresh, problem)).build();
        }
    }

    @GET
    @Path("/import/{id}")
    public Response progress(@PathParam("id") UUID id) {
        if (!console.allowed()) {
            return console.forbidden();
        }
        try {
            ConsoleApi.RosterImport found = api.rosterImport(id);
            boolean running = "queued".equals(found.status()) || "running".equals(found.status());
            Response.ResponseBuilder response = Response.ok(progress.data("imp", found).data("running", running)
                    .data("problem", null));
            // reloads itself while the import runs, without a script; the Refresh header rather than a <meta> tag,
            // which axe's meta-refresh rule flags as a timed change of the page
            return running ? response.header("Refresh", "2").build() : response.build();
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = ServiceProblem.of(e, console.unavailable());
            return Response.status(problem.pageStatus()).entity(progress.data("imp", null).data("running", false)
                    .data("problem", problem)).build();
        }
    }

    private Response preview(String csv) {
        String text = csv == null ? "" : csv;
        if (text.isBlank()) {
            return invalidFile(text, console.texts().fileEmpty());
        }
        try {
            ConsoleApi.Preview preview = api.preview("dry-run", text);
            return Response.ok(page(text, preview, null)).build();
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = ServiceProblem.of(e, console.unavailable());
            return Response.status(problem.pageStatus()).entity(page(text, null, problem)).build();
        }
    }

    private Response invalidFile(String text, String message) {
        ServiceProblem problem = new ServiceProblem(400, "", message, List.of(new ServiceProblem.FieldError("file", message)));
        return Response.status(400).entity(page(text == null ? "" : text, null, problem)).build();
    }

    /** One error of a row, one per column (two messages on a column are joined), with the id the summary links to. */
    public record CellError(String field, String id, String message) {
    }

    /** A previewed row as the table shows it. */
    public record RowView(int line, String email, String displayName, String team, String action, boolean createsTeam,
                          List<String> changes, List<CellError> errors) {
    }

    static List<RowView> rows(ConsoleApi.Preview preview) {
        if (preview == null || preview.rows() == null) {
            return List.of();
        }
        return preview.rows().stream().map(r -> {
            Map<String, String> byField = new LinkedHashMap<>();
            for (ConsoleApi.FieldError e : r.errors() == null ? List.<ConsoleApi.FieldError>of() : r.errors()) {
                byField.merge(e.field(), e.message(), (a, b) -> a + "; " + b);
            }
            List<CellError> errors = byField.entrySet().stream().map(e -> new CellError(e.getKey(),
                    new ServiceProblem.FieldError("lines[" + r.line() + "]." + e.getKey(), "").anchor(), e.getValue())).toList();
            return new RowView(r.line(), r.email(), r.displayName(), r.team(), r.action(), r.createsTeam(),
                    r.changes() == null ? List.of() : r.changes(), errors);
        }).toList();
    }

    private TemplateInstance page(String csv, ConsoleApi.Preview preview, ServiceProblem problem) {
        List<RowView> rows = rows(preview);
        List<RowView> withErrors = rows.stream().filter(r -> !r.errors().isEmpty()).toList();
        return importPage.data("csv", csv).data("preview", preview).data("problem", problem).data("rows", rows)
                .data("rowsWithErrors", withErrors).data("admin", console.admin())
                .data("fileError", problem == null ? null : problem.byField().get("file"));
    }

    /** The file as UTF-8 text; anything else (a spreadsheet's binary format, another encoding) is refused. */
    static String readUtf8(FileUpload file) throws IOException {
        byte[] bytes = Files.readAllBytes(file.uploadedFile());
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
    }
}
