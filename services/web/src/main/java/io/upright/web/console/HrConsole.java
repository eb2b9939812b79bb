package io.upright.web.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.upright.web.page.PageLanguage;
import io.upright.web.page.PageMessages;
import io.upright.web.signin.SignedInPerson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * What every HR console page needs: whether the signed-in person may use it (hr or admin; programs checks again with
 * their token), the plain 403 page for everyone else, and the page's language for words made in Java.
 */
@RequestScoped
public class HrConsole {

    @Inject
    SignedInPerson person;

    @Inject
    @Location("console/forbidden.html")
    Template forbidden;

    @Inject
    HttpHeaders headers;

    public boolean allowed() {
        return person.hasRole("hr") || person.hasRole("admin");
    }

    public boolean admin() {
        return person.hasRole("admin");
    }

    public Response forbidden() {
        return Response.status(403).entity(forbidden.instance()).type("text/html;charset=UTF-8").build();
    }

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    public ConsoleMessages texts() {
        return PageLanguage.bundle(ConsoleMessages.class, headers);
    }

    public String unavailable() {
        return PageLanguage.bundle(PageMessages.class, headers).serviceUnavailable();
    }
}
