package io.upright.web.page;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;

/**
 * Every page is rendered in the language the browser prefers among those the pages are written in (English, German):
 * {@code de-AT} and {@code de-CH} read German, anything else English. Applied to each template instance as it is made.
 */
@ApplicationScoped
public class PageLanguage {

    static final List<Locale> WRITTEN_IN = List.of(Locale.ENGLISH, Locale.GERMAN);

    @Inject
    CurrentVertxRequest currentRequest;

    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this::chooseLanguage);
    }

    void chooseLanguage(TemplateInstance page) {
        RoutingContext request = currentRequest.getCurrent();
        if (request != null) {
            page.setLocale(of(request.request().getHeader("Accept-Language")));
        }
    }

    /** A message bundle in the request's language, for the few words made in Java rather than in a template. */
    public static <T> T bundle(Class<T> bundle, HttpHeaders headers) {
        return MessageBundles.get(bundle, Localized.Literal.of(of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)).getLanguage()));
    }

    /** The first language the browser accepts that the pages are written in; English when none is. */
    static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            for (Locale.LanguageRange wanted : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = wanted.getRange().split("-")[0];
                for (Locale written : WRITTEN_IN) {
                    if (written.getLanguage().equalsIgnoreCase(language) && wanted.getWeight() > 0) {
                        return written;
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
        return Locale.ENGLISH;
    }
}
