package io.upright.web.mydata;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.upright.web.page.PageLanguage;
import io.upright.web.page.PageMessages;
import io.upright.web.page.ServiceProblem;
import io.upright.web.signin.SignedInPerson;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The person's own data: what the program knows about them, their export as a file, and erasure. The export is
 * fetched with their own token and passed through as it comes, never read or kept here; erasure asks for the
 * confirmation word first and changes nothing when the service refuses.
 */
@Path("/my-data")
@Produces(MediaType.TEXT_HTML)
public class MyDataPage {

    @Inject
    java.time.Clock clock;

    @Inject
    @RestClient
    MyProgramData programs;

    @Inject
    SignedInPerson person;

    @Inject
    @Location("mydata/page.html")
    Template page;

    @Inject
    @Location("mydata/erase.html")
    Template erase;

    @Inject
    @Location("mydata/erased.html")
    Template erased;

    @Context
    HttpHeaders headers;

    @GET
    public TemplateInstance get() {
        return show(null);
    }

    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response export() {
        try {
            InputStream document = programs.export();
            String file = "upright-my-data-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".json";
            return Response.ok(document, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                    // the export is personal: no cache anywhere between the service and the person's disk
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (WebApplicationException | ProcessingException failure) {
            return Response.ok(show(ServiceProblem.of(failure, unavailable())), MediaType.TEXT_HTML_TYPE).build();
        }
    }

    @GET
    @Path("/erase")
    public TemplateInstance confirm() {
        return confirmation(null, null);
    }

    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object eraseMe(@RestForm String confirmation) {
        MyDataMessages words = PageLanguage.bundle(MyDataMessages.class, headers);
        if (person.signedInByLink()) {
            // a sign-in link can be forwarded: what cannot be undone asks for the person's own sign-in
            return confirmation(confirmation, new ServiceProblem(403, "", words.eraseNeedsFullSignIn(), List.of()));
        }
        if (!ErasureConfirmation.confirmed(confirmation, words.confirmWord())) {
            return confirmation(confirmation, new ServiceProblem(400, "", "",
                    List.of(new ServiceProblem.FieldError("confirmation", words.confirmMismatch(words.confirmWord())))));
        }
        try {
            programs.erase();
        } catch (WebApplicationException | ProcessingException failure) {
            return confirmation(confirmation, ServiceProblem.of(failure, unavailable()));
        }
        return Response.seeOther(URI.create("/my-data/erased")).build();
    }

    /** Said once the data is gone; its one action ends the session here and at the identity provider. */
    @GET
    @Path("/erased")
    public Object done() {
        try {
            if (!programs.me().erased()) {
                return Response.seeOther(URI.create("/my-data")).build();
            }
        } catch (WebApplicationException | ProcessingException failure) {
            // no answer to check against: the page only says what erasure did, so it may show
        }
        return erased.instance();
    }

    private TemplateInstance show(ServiceProblem problem) {
        MyProgramData.Me me = null;
        boolean notEnrolled = false;
        ServiceProblem shown = problem;
        try {
            me = programs.me();
        } catch (WebApplicationException | ProcessingException failure) {
            ServiceProblem reading = ServiceProblem.of(failure, unavailable());
            notEnrolled = reading.notFound();
            if (shown == null && !notEnrolled) {
                shown = reading;
            }
        }
        return page.data("me", me).data("notEnrolled", notEnrolled).data("problem", shown);
    }

    private TemplateInstance confirmation(String typed, ServiceProblem problem) {
        return erase.data("typed", typed == null ? "" : typed).data("problem", problem)
                .data("word", PageLanguage.bundle(MyDataMessages.class, headers).confirmWord())
                .data("error", problem == null ? null : problem.at("confirmation").orElse(null));
    }

    private String unavailable() {
        return PageLanguage.bundle(PageMessages.class, headers).serviceUnavailable();
    }
}
