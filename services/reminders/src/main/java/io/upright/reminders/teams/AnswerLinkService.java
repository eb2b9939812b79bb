package io.upright.reminders.teams;

import io.upright.reminders.RemindersConfig;
import io.upright.reminders.webhook.WebhookSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Makes and checks the signed answer links of Teams cards. The key is {@code upright.reminders.answer-link-secret}
 * when set, else derived from the service's secret key, so every instance signs and verifies alike.
 */
@ApplicationScoped
public class AnswerLinkService {

    public static final String PATH = "/api/answer-links/";

    @Inject
    RemindersConfig config;

    @Inject
    WebhookSecrets secrets;

    private AnswerLinks links;

    @PostConstruct
    void init() {
        byte[] key = config.answerLinkSecret().filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> secrets.derive("upright-reminders-answer-links"));
        links = new AnswerLinks(key);
    }

    public AnswerLinks links() {
        return links;
    }

    /** The three links of one reminder's card, valid for {@code answer-link-ttl}: the same for every employee but the id. */
    public TeamsCard.Links forReminder(UUID reminderId, Instant now) {
        Instant expires = now.plus(config.answerLinkTtl());
        return new TeamsCard.Links(url(links.token(reminderId, AnswerLinks.DONE, expires)),
                url(links.token(reminderId, AnswerLinks.SNOOZE, expires)), url(links.token(reminderId, AnswerLinks.SKIP, expires)));
    }

    private String url(String token) {
        String base = config.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH + token;
    }
}
