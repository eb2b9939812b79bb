package io.upright.reminders.webhook;

import io.upright.reminders.RemindersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.http.HttpClient;

/** The one HTTP client every delivery channel (signed webhooks, Slack) posts with. */
@ApplicationScoped
public class DeliveryHttpClient {

    @Produces
    @Singleton
    HttpClient deliveryClient(RemindersConfig config) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.deliveryTimeout())
                // a redirect could lead past the SSRF guard
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
