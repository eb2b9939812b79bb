package io.upright.web.routine;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/** The bundle in the language the browser asked for (German or English), for text made in Java rather than a page. */
final class PageLanguage {

    private PageLanguage() {
    }

    static <T> T bundle(Class<T> bundle, HttpHeaders headers) {
        for (Locale wanted : headers.getAcceptableLanguages()) {
            if ("de".equals(wanted.getLanguage())) {
                return MessageBundles.get(bundle, Localized.Literal.of("de"));
            }
            if ("en".equals(wanted.getLanguage())) {
                break;
            }
        }
        return MessageBundles.get(bundle);
    }
}
