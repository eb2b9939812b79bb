package io.upright.web.home;

import io.quarkus.qute.Template;
import io.upright.web.signin.SignedInPerson;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;

/** The signed-in person's start page: who they are, and their breaks of the last seven days. */
@Path("/")
public class HomePage {

    @Inject
    SignedInPerson person;

    @Inject
    @RestClient
    MyBreaks breaks;

    @Inject
    Template home;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        return home.data("name", person.givenName().orElse(null)).data("week", lastSevenDays().orElse(null));
    }

    /** Empty when the person is not enrolled (404) or the reminders service cannot answer now: the page still shows. */
    private Optional<MyBreaks.Week> lastSevenDays() {
        try {
            return Optional.of(breaks.lastSevenDays());
        } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            return Optional.empty();
        }
    }
}
