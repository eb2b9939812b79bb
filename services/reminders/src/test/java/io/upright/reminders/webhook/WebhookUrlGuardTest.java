package io.upright.reminders.webhook;

import io.upright.platform.domain.FieldError;
import io.upright.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlGuardTest {

    /** Resolves names without DNS, so the test runs offline: literals as themselves, two made-up names. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "hooks.example.com" -> new InetAddress[]{InetAddress.getByName("93.184.215.14")};
            case "sneaky.example.com" -> new InetAddress[]{InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.1.2.3")};
            case "localhost" -> new InetAddress[]{InetAddress.getByName("127.0.0.1")};
            default -> {
                if (host.matches("[0-9.]+") || host.contains(":")) {
                    yield new InetAddress[]{InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
        };
    }

    private final WebhookUrlGuard strict = new WebhookUrlGuard(false, WebhookUrlGuardTest::resolve);

    @Test
    void a_public_https_or_http_url_is_accepted() {
        assertThat(strict.check("https://hooks.example.com/upright?x=1").getHost()).isEqualTo("hooks.example.com");
        assertThat(strict.check("http://93.184.215.14:8080/hook")).isNotNull();
    }

    @Test
    void loopback_private_and_link_local_addresses_are_refused_when_private_webhooks_are_not_allowed() {
        for (String url : new String[]{"http://127.0.0.1", "http://127.0.0.1:8080/hook", "https://localhost/hook",
                "http://10.0.0.7/hook", "http://172.16.4.2/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
                "http://0.0.0.0/", "http://100.64.0.1/", "http://[::1]/hook", "http://[fe80::1]/", "http://[fd00::1]/",
                "http://[::ffff:127.0.0.1]/", "https://sneaky.example.com/hook"}) {
            assertRefused(strict, url);
        }
    }

    @Test
    void only_http_and_https_are_allowed_whatever_the_flag() {
        WebhookUrlGuard lenient = new WebhookUrlGuard(true, WebhookUrlGuardTest::resolve);
        for (String url : new String[]{"ftp://hooks.example.com/x", "file:///etc/passwd", "gopher://hooks.example.com",
                "hooks.example.com/no-scheme", "https://", "https://user:pw@hooks.example.com/", "not a url"}) {
            assertRefused(strict, url);
            assertRefused(lenient, url);
        }
    }

    @Test
    void an_unresolvable_host_is_refused() {
        assertRefused(strict, "https://nowhere.invalid/hook");
    }

    @Test
    void private_addresses_are_accepted_when_allowed_for_local_development() {
        WebhookUrlGuard lenient = new WebhookUrlGuard(true, WebhookUrlGuardTest::resolve);
        assertThat(lenient.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
    }

    private static void assertRefused(WebhookUrlGuard guard, String url) {
        assertThatThrownBy(() -> guard.check(url)).as(url).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.toProblem().errors()).extracting(FieldError::field).containsExactly("url");
        });
    }
}
