package io.upright.web.admin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.upright.web.page.PageLanguage;
import io.upright.web.page.PageMessages;
import io.upright.web.page.ServiceProblem;
import io.upright.web.signin.SignedInPerson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * What every admin console page needs: whether the signed-in person is an admin (the services check again with their
 * token), the plain 403 page for everyone else, and the page's language for words made in Java.
 */
@RequestScoped
public class AdminConsole {

    @Inject
    SignedInPerson person;

    @Inject
    @Location("admin/forbidden.html")
    Template forbidden;

    @Inject
    HttpHeaders headers;

    public boolean allowed() {
        return person.isAdmin();
    }

    public Response forbidden() {
        return Response.status(403).entity(forbidden.instance()).type("text/html;charset=UTF-8").build();
    }

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    public AdminMessages texts() {
        return PageLanguage.bundle(AdminMessages.class, headers);
    }

    public ServiceProblem problem(RuntimeException failure) {
        return ServiceProblem.of(failure, PageLanguage.bundle(PageMessages.class, headers).serviceUnavailable());
    }
}
