package io.upright.web.admin;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.upright.web.console.ConsoleApi;
import io.upright.web.page.ServiceProblem;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channels page's secret rotation without Quarkus: reminders is a fake holding a tenant's endpoints, the page's
 * template records what the page gave it, and the admin console answers in message keys.
 */
class ChannelPagesTest {

    private final Instant now = Instant.parse("2026-12-07T09:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final FakeReminders reminders = new FakeReminders();
    private final ChannelPages pages = new ChannelPages();
    private RemindersAdminApi.Endpoint hook;

    @BeforeEach
    void an_admin_on_the_channels_page_of_a_tenant_with_one_endpoint() {
        hook = reminders.add("https://hooks.example.com/a");
        pages.console = new AdminConsole() {
            @Override
            public boolean allowed() {
                return true;
            }

            @Override
            public AdminMessages texts() {
                return KeyedAdminMessages.TEXTS;
            }

            @Override
            public ServiceProblem problem(RuntimeException failure) {
                return ServiceProblem.of(failure, "serviceUnavailable");
            }
        };
        pages.reminders = reminders;
        pages.programs = unanswering(ConsoleApi.class);
        pages.secrets = new OneTimeSecrets(clock);
        pages.identity = signedIn("ada");
        pages.clock = clock;
        pages.channels = recordingTemplate();
    }

    @Test
    void rotating_shows_the_new_secret_once_with_the_time_the_old_one_signs_until_and_a_reload_does_not() {
        Response posted = pages.rotateSecret(hook.id());

        assertThat(reminders.rotated).containsExactly(hook.id());
        assertThat(posted.getStatus()).isEqualTo(303);
        URI location = posted.getLocation();
        assertThat(location.getPath()).isEqualTo("/admin/channels");
        assertThat(location.getQuery()).startsWith("created=").doesNotContain("whsec_");
        String key = URLDecoder.decode(location.getRawQuery().substring("created=".length()), StandardCharsets.UTF_8);

        Response shown = pages.page(key, null, null);
        assertThat(shown.getStatus()).isEqualTo(200);
        assertThat(shown.getHeaderString("Cache-Control")).isEqualTo("no-store");
        Instant until = now.plus(FakeReminders.OVERLAP);
        assertThat(rendered(shown).get("secret"))
                .isEqualTo(new OneTimeSecrets.Shown(hook.url(), "whsec_rotated-1", until));

        Response reloaded = pages.page(key, null, null);
        assertThat(reloaded.getStatus()).isEqualTo(200);
        assertThat(rendered(reloaded).get("secret")).isNull();
    }

    @Test
    void after_a_rotation_the_list_says_until_when_the_old_secret_also_signs_and_only_for_that_endpoint() {
        RemindersAdminApi.Endpoint other = reminders.add("https://hooks.example.com/b");
        pages.rotateSecret(hook.id());

        List<WebhookEndpointRow> rows = rows(pages.page(null, null, null));
        assertThat(rows).extracting(WebhookEndpointRow::id).containsExactly(hook.id(), other.id());
        assertThat(rows.get(0).oldSecretSigns()).isEqualTo("oldSecretAlsoSigns(" + now.plus(FakeReminders.OVERLAP) + ")");
        assertThat(rows.get(1).oldSecretSigns()).isNull();
    }

    @Test
    void an_endpoint_deleted_meanwhile_is_said_to_be_gone_and_no_secret_is_kept() {
        Response refused = pages.rotateSecret(UUID.randomUUID());

        assertThat(refused.getStatus()).isEqualTo(404);
        Map<String, Object> page = rendered(refused);
        assertThat(((ServiceProblem) page.get("problem")).detail()).isEqualTo("endpointGone");
        assertThat(page.get("secret")).isNull();
        assertThat(rows(refused)).extracting(WebhookEndpointRow::oldSecretSigns).containsOnlyNulls();
    }

    @Test
    void reminders_not_answering_is_shown_as_the_console_shows_an_unavailable_service() {
        reminders.rotationFails = new ProcessingException("connection refused");

        Response refused = pages.rotateSecret(hook.id());

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(((ServiceProblem) rendered(refused).get("problem")).detail()).isEqualTo("serviceUnavailable");
    }

    @Test
    void reminders_is_asked_with_a_post_at_its_secret_rotations_path() throws NoSuchMethodException {
        Method rotate = RemindersAdminApi.class.getMethod("rotateSecret", UUID.class);
        assertThat(rotate.isAnnotationPresent(POST.class)).isTrue();
        assertThat(RemindersAdminApi.class.getAnnotation(Path.class).value() + rotate.getAnnotation(Path.class).value())
                .isEqualTo("/api/webhook-endpoints/{id}/secret-rotations");
        assertThat(rotate.getParameters()[0].getAnnotation(PathParam.class).value()).isEqualTo("id");
    }

    /** Reminders' webhook endpoints of one tenant, rotating as reminders does: the old secret signs 24 h more. */
    private final class FakeReminders implements RemindersAdminApi {

        static final Duration OVERLAP = Duration.ofHours(24);

        final List<Endpoint> endpoints = new ArrayList<>();
        final List<UUID> rotated = new ArrayList<>();
        RuntimeException rotationFails;

        Endpoint add(String url) {
            Endpoint endpoint = new Endpoint(UUID.randomUUID(), url, "active", now.minus(Duration.ofDays(3)), null, null);
            endpoints.add(endpoint);
            return endpoint;
        }

        @Override
        public Page<Endpoint> endpoints(int page, int size) {
            return new Page<>(List.copyOf(endpoints), page, size, endpoints.size());
        }

        @Override
        public RotatedSecret rotateSecret(UUID id) {
            rotated.add(id);
            if (rotationFails != null) {
                throw rotationFails;
            }
            for (int i = 0; i < endpoints.size(); i++) {
                Endpoint e = endpoints.get(i);
                if (e.id().equals(id)) {
                    Instant until = now.plus(OVERLAP);
                    endpoints.set(i, new Endpoint(e.id(), e.url(), e.status(), e.createdAt(), e.disabledAt(), until));
                    return new RotatedSecret(id, "whsec_rotated-" + rotated.size(), until);
                }
            }
            throw new WebApplicationException(Response.status(404).build());
        }

        @Override
        public Installation slackInstallation() {
            throw new WebApplicationException(Response.status(404).build());
        }

        @Override
        public Page<ChatChannel> chatChannels(String kind, int page, int size) {
            return new Page<>(List.of(), page, size, 0);
        }

        @Override
        public Registered register(NewEndpoint endpoint) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TestDelivery testDelivery(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InstallLink beginSlackInstall() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChatChannel registerChatChannel(String kind, NewChatChannel channel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeChatChannel(String kind, UUID id) {
            throw new UnsupportedOperationException();
        }
    }

    /** What the page gave its template, by name. */
    private static final class Rendered implements InvocationHandler {
        final Map<String, Object> data = new HashMap<>();

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            if (method.getName().equals("data") && args != null && args.length == 2) {
                data.put((String) args[0], args[1]);
                return proxy;
            }
            if (method.getName().equals("toString")) {
                return "rendered " + data.keySet();
            }
            throw new UnsupportedOperationException(method.getName());
        }
    }

    private static Template recordingTemplate() {
        return (Template) Proxy.newProxyInstance(Template.class.getClassLoader(), new Class<?>[]{Template.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("data") && args != null && args.length == 2) {
                        TemplateInstance instance = (TemplateInstance) Proxy.newProxyInstance(
                                TemplateInstance.class.getClassLoader(), new Class<?>[]{TemplateInstance.class}, new Rendered());
                        return instance.data((String) args[0], args[1]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Map<String, Object> rendered(Response response) {
        return ((Rendered) Proxy.getInvocationHandler(response.getEntity())).data;
    }

    @SuppressWarnings("unchecked")
    private static List<WebhookEndpointRow> rows(Response response) {
        return (List<WebhookEndpointRow>) rendered(response).get("endpoints");
    }

    /** A service that does not answer: the page must do without it. */
    private static <T> T unanswering(Class<T> api) {
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[]{api}, (proxy, method, args) -> {
            throw new ProcessingException("not answering");
        }));
    }

    private static SecurityIdentity signedIn(String name) {
        Principal principal = () -> name;
        return (SecurityIdentity) Proxy.newProxyInstance(SecurityIdentity.class.getClassLoader(),
                new Class<?>[]{SecurityIdentity.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getPrincipal")) {
                        return principal;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
