package io.upright.web.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.upright.web.page.PageMessages;
import io.upright.web.signin.SignedInPerson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Locale;

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
        return german() ? MessageBundles.get(ConsoleMessages.class, Localized.Literal.of("de"))
                : MessageBundles.get(ConsoleMessages.class);
    }

    public String unavailable() {
        return german() ? MessageBundles.get(PageMessages.class, Localized.Literal.of("de")).serviceUnavailable()
                : MessageBundles.get(PageMessages.class).serviceUnavailable();
    }

    /** German when the browser puts it before English, as the templates do. */
    private boolean german() {
        List<Locale> languages = headers == null ? List.of() : headers.getAcceptableLanguages();
        for (Locale locale : languages) {
            if ("de".equals(locale.getLanguage())) {
                return true;
            }
            if ("en".equals(locale.getLanguage())) {
                return false;
            }
        }
        return false;
    }
}
