package io.upright.reminders.webhook;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTestResultTest {

    private static <T extends Throwable> T causedBy(T failure, Throwable cause) {
        failure.initCause(cause);
        return failure;
    }

    @Test
    void only_a_2xx_answer_counts_as_delivered_and_any_answer_keeps_its_status() {
        assertThat(WebhookTestResult.answered(204, Duration.ofMillis(120)))
                .isEqualTo(new WebhookTestResult(true, 204, null, 120, null));
        for (int status : new int[]{302, 401, 410, 429, 500}) {
            WebhookTestResult result = WebhookTestResult.answered(status, Duration.ofMillis(5));
            assertThat(result.delivered()).as("%d", status).isFalse();
            assertThat(result.statusCode()).isEqualTo(status);
            assertThat(result.error()).isNull();
        }
    }

    @Test
    void a_failure_of_the_http_client_is_named_by_its_telling_cause() {
        // shaped as java.net.http.HttpClient throws them: a ConnectException around the real cause
        assertThat(WebhookTestResult.errorOf(new ConnectException("Connection refused")))
                .isEqualTo(WebhookTestResult.CONNECTION_REFUSED);
        assertThat(WebhookTestResult.errorOf(causedBy(new ConnectException(null), new ConnectException("Connection refused"))))
                .isEqualTo(WebhookTestResult.CONNECTION_REFUSED);
        // what JDK 17 throws on Linux for a closed port
        assertThat(WebhookTestResult.errorOf(causedBy(new ConnectException(null),
                causedBy(new ConnectException(null), new ClosedChannelException())))).isEqualTo(WebhookTestResult.CONNECTION_REFUSED);
        // a channel closed with no attempt to connect is no refusal
        assertThat(WebhookTestResult.errorOf(causedBy(new IOException("closed"), new ClosedChannelException())))
                .isEqualTo(WebhookTestResult.CONNECTION_FAILED);
        assertThat(WebhookTestResult.errorOf(causedBy(new ConnectException(null), new UnresolvedAddressException())))
                .isEqualTo(WebhookTestResult.HOST_UNRESOLVABLE);
        assertThat(WebhookTestResult.errorOf(causedBy(new ConnectException("No route to host"),
                new NoRouteToHostException("No route to host")))).isEqualTo(WebhookTestResult.CONNECTION_FAILED);
        assertThat(WebhookTestResult.errorOf(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo(WebhookTestResult.TIMED_OUT);
        assertThat(WebhookTestResult.errorOf(new HttpTimeoutException("request timed out")))
                .isEqualTo(WebhookTestResult.TIMED_OUT);
        assertThat(WebhookTestResult.errorOf(causedBy(new IOException("handshake"),
                new SSLHandshakeException("PKIX path building failed")))).isEqualTo(WebhookTestResult.TLS_FAILED);
        assertThat(WebhookTestResult.errorOf(new IOException("HTTP/1.1 header parser received no bytes")))
                .isEqualTo(WebhookTestResult.CONNECTION_FAILED);
    }

    @Test
    void a_failure_has_no_status_and_is_not_delivered() {
        WebhookTestResult refused = WebhookTestResult.failed(new ConnectException("Connection refused"), Duration.ofMillis(3));
        assertThat(refused).isEqualTo(new WebhookTestResult(false, null, WebhookTestResult.CONNECTION_REFUSED, 3, null));
        assertThat(WebhookTestResult.notSent(WebhookTestResult.ADDRESS_REFUSED))
                .isEqualTo(new WebhookTestResult(false, null, WebhookTestResult.ADDRESS_REFUSED, 0, null));
    }
}
