package io.upright.reminders.webhook;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;

/**
 * What one test-send to a webhook endpoint found: the endpoint's HTTP status, or why there was none.
 *
 * @param delivered      the endpoint answered 2xx, as a reminder would count it delivered
 * @param statusCode     the endpoint's HTTP status; null when it gave none
 * @param error          why there is no status: one of the constants below; null when the endpoint answered
 * @param durationMillis from sending to the answer (or the failure); 0 when nothing was sent
 * @param pausedUntil    for {@link #PAUSED}: the instant before which the endpoint asked not to be called
 */
public record WebhookTestResult(boolean delivered, Integer statusCode, String error, long durationMillis,
                                Instant pausedUntil) {

    /** Nothing listened on the port (TCP connection refused). */
    public static final String CONNECTION_REFUSED = "connection-refused";
    /** No connection or no answer within the delivery timeout. */
    public static final String TIMED_OUT = "timed-out";
    /** The TLS handshake failed (certificate, protocol). */
    public static final String TLS_FAILED = "tls-failed";
    /** The host name does not resolve (any more). */
    public static final String HOST_UNRESOLVABLE = "host-unresolvable";
    /** Any other network failure: the connection reset or closed without an answer. */
    public static final String CONNECTION_FAILED = "connection-failed";
    /** The URL guard refused the address (it now points into a private network): not sent, as no reminder would be. */
    public static final String ADDRESS_REFUSED = "address-refused";
    /** The endpoint's secret cannot be opened with this service's key (the key changed): register it again. */
    public static final String SECRET_UNREADABLE = "secret-unreadable";
    /** The endpoint asked (Retry-After) not to be called before {@code pausedUntil}: not sent. */
    public static final String PAUSED = "paused";

    /** The endpoint answered with this status. */
    public static WebhookTestResult answered(int status, Duration took) {
        return new WebhookTestResult(status >= 200 && status < 300, status, null, took.toMillis(), null);
    }

    /** The call failed without an HTTP answer. */
    public static WebhookTestResult failed(Throwable failure, Duration took) {
        return new WebhookTestResult(false, null, errorOf(failure), took.toMillis(), null);
    }

    /** Not sent at all, for {@code error}. */
    public static WebhookTestResult notSent(String error) {
        return new WebhookTestResult(false, null, error, 0, null);
    }

    public static WebhookTestResult paused(Instant until) {
        return new WebhookTestResult(false, null, PAUSED, 0, until);
    }

    /**
     * Names a failure of {@link java.net.http.HttpClient}, which wraps the cause (an unresolvable host is a
     * {@code ConnectException} around an {@code UnresolvedAddressException}): any telling cause in the chain wins.
     */
    static String errorOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return HOST_UNRESOLVABLE;
            }
            if (cause instanceof SSLException) {
                return TLS_FAILED;
            }
            if (cause instanceof HttpTimeoutException) {
                return TIMED_OUT;
            }
        }
        // the client wraps every failure to connect in a ConnectException; a refused connection has no other cause
        // at its root than that, or (JDK 17 on Linux) the channel it closed
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        boolean connecting = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            connecting |= cause instanceof ConnectException;
        }
        return connecting && (root instanceof ConnectException || root instanceof ClosedChannelException)
                ? CONNECTION_REFUSED : CONNECTION_FAILED;
    }
}
