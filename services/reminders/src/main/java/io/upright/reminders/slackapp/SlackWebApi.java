package io.upright.reminders.slackapp;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.google.gson.Gson;
import com.slack.api.methods.Methods;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import io.upright.reminders.RemindersConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import okhttp3.FormBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every call this service makes to Slack, through Slack's own Java SDK (its methods client, pointed at
 * {@code upright.reminders.slack-app.api-url}). Slack answers most failures with HTTP 200 and {@code ok: false};
 * both that and a non-2xx status become a {@link SlackCallFailed} naming Slack's error code.
 */
@ApplicationScoped
public class SlackWebApi {

    /** Errors that mean the installation's token no longer works: the app was removed or its token revoked. */
    static final Set<String> TOKEN_GONE = Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked",
            "token_expired", "team_access_not_granted", "org_login_required", "ekm_access_denied");

    /** Errors that mean this person cannot be messaged (any more): look them up again later. */
    static final Set<String> RECIPIENT_GONE = Set.of("channel_not_found", "user_not_found", "cannot_dm_bot",
            "user_disabled", "not_in_channel", "is_archived");

    /** The error of a call not made because the method's budget in the workspace is spent for now. */
    public static final String PACED = "paced";

    /** How long a call made while a person waits (a button, a command, the Home tab) may wait for its slot. */
    static final Duration INTERACTIVE_WAIT = Duration.ofSeconds(1);

    @Inject
    RemindersConfig config;

    @Inject
    SlackPacing pacing;

    @Inject
    java.time.Clock clock;

    private Slack slack;
    private SlackConfig sdkConfig;
    /** Reads Slack's answers on the hot path; see {@link #post}. */
    private Gson answers;

    @PostConstruct
    void start() {
        SlackConfig sdk = new SlackConfig();
        sdk.setMethodsEndpointUrlPrefix(config.slackApp().apiUrl());
        int timeout = (int) config.deliveryTimeout().toMillis();
        sdk.setHttpClientCallTimeoutMillis(timeout);
        sdk.setHttpClientReadTimeoutMillis(timeout);
        sdk.setHttpClientWriteTimeoutMillis(timeout);
        // the SDK's own metrics would keep a background thread per client; the engine counts outcomes itself
        sdk.setStatsEnabled(false);
        slack = Slack.getInstance(sdk);
        sdkConfig = sdk;
        answers = GsonFactory.createSnakeCase(sdk);
    }

    /**
     * Calls a method through the SDK's own client (its form, endpoint, token header and HTTP client) and reads the
     * answer into the SDK's own response class, with one reader kept for the service's life. The SDK's typed methods
     * build a new Gson for every answer, which inspects the response classes by reflection each time: in a burst of
     * direct messages that was most of this service's CPU.
     */
    private <T extends SlackApiTextResponse> T post(String method, FormBody.Builder form, String botToken, Class<T> type)
            throws IOException, SlackApiException {
        try (Response response = slack.methods(botToken).runPostFormWithToken(form, method, botToken)) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new SlackApiException(sdkConfig, response, body);
            }
            return answers.fromJson(body, type);
        }
    }

    @PreDestroy
    void stop() {
        try {
            slack.close();
        } catch (Exception e) {
            // closing the HTTP client on shutdown: nothing to do about a failure
        }
    }

    /** What {@code oauth.v2.access} hands over for a workspace. */
    public record Installed(String botToken, String botUserId, String slackTeamId, String slackTeamName) {
    }

    /** Where a message went: the DM channel and its timestamp, which together name it for updates. */
    public record Posted(String channel, String ts) {
    }

    /** Exchanges the code of "Add to Slack" for the workspace's bot token. */
    public Installed exchange(String code) throws SlackCallFailed {
        OAuthV2AccessResponse response = call(null, "oauth.v2.access", () -> slack.methods().oauthV2Access(r -> r
                .clientId(config.slackApp().clientId().orElse(""))
                .clientSecret(config.slackApp().clientSecret().orElse(""))
                .code(code)
                .redirectUri(config.slackApp().redirectUri().orElse(null))));
        if (response.getAccessToken() == null || response.getTeam() == null || response.getBotUserId() == null) {
            throw new SlackCallFailed("oauth.v2.access", "no_bot_token", 200, Optional.empty());
        }
        return new Installed(response.getAccessToken(), response.getBotUserId(), response.getTeam().getId(),
                response.getTeam().getName());
    }

    /** The workspace member with this email, if there is one ({@code users.lookupByEmail}). */
    public Optional<String> lookupByEmail(UUID installation, String botToken, String email, Duration maxWait) throws SlackCallFailed {
        pace(installation, "users.lookupByEmail", maxWait);
        try {
            UsersLookupByEmailResponse response = call(installation, "users.lookupByEmail",
                    () -> slack.methods(botToken).usersLookupByEmail(r -> r.email(email)));
            return response.getUser() == null ? Optional.empty() : Optional.ofNullable(response.getUser().getId());
        } catch (SlackCallFailed e) {
            if ("users_not_found".equals(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A direct message from the app's bot: {@code channel} is the person's user id, Slack opens the DM. */
    public Posted postMessage(UUID installation, String botToken, String channel, String text, String blocks) throws SlackCallFailed {
        ChatPostMessageResponse response = call(installation, "chat.postMessage", () -> post(Methods.CHAT_POST_MESSAGE,
                RequestFormBuilder.toForm(ChatPostMessageRequest.builder().channel(channel).text(text).blocksAsString(blocks)
                        .unfurlLinks(false).unfurlMedia(false).build()), botToken, ChatPostMessageResponse.class));
        return new Posted(response.getChannel(), response.getTs());
    }

    /** One page of the workspace's members ({@code users.list}): their ids and emails, and the cursor of the next page. */
    public record MemberPage(Map<String, String> emailByUser, String nextCursor) {
    }

    /** A page of the workspace directory: people (no bots, no deactivated accounts) with an email. */
    public MemberPage members(UUID installation, String botToken, String cursor, Duration maxWait) throws SlackCallFailed {
        pace(installation, "users.list", maxWait);
        var response = call(installation, "users.list", () -> slack.methods(botToken).usersList(r -> r.limit(200).cursor(cursor)));
        Map<String, String> emails = new java.util.LinkedHashMap<>();
        if (response.getMembers() != null) {
            for (var member : response.getMembers()) {
                if (!member.isDeleted() && !member.isBot() && member.getProfile() != null && member.getProfile().getEmail() != null) {
                    emails.put(member.getId(), member.getProfile().getEmail());
                }
            }
        }
        String next = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
        return new MemberPage(emails, next == null || next.isBlank() ? null : next);
    }

    /** The member's email ({@code users.info}; the app has {@code users:read.email}), to find who sent a command. */
    public Optional<String> emailOf(UUID installation, String botToken, String slackUserId, Duration maxWait) throws SlackCallFailed {
        pace(installation, "users.info", maxWait);
        var response = call(installation, "users.info", () -> slack.methods(botToken).usersInfo(r -> r.user(slackUserId)));
        return response.getUser() == null || response.getUser().getProfile() == null ? Optional.empty()
                : Optional.ofNullable(response.getUser().getProfile().getEmail());
    }

    /** A member's Do Not Disturb as {@code dnd.info} tells it (instants null when none). */
    public record DndStatus(Instant dndStart, Instant dndEnd, Instant snoozeEnd) {
    }

    /** The member's Do Not Disturb hours and paused notifications ({@code dnd.info}). */
    public DndStatus dnd(UUID installation, String botToken, String slackUserId, Duration maxWait) throws SlackCallFailed {
        pace(installation, "dnd.info", maxWait);
        var dnd = call(installation, "dnd.info", () -> slack.methods(botToken).dndInfo(r -> r.user(slackUserId)));
        Instant snooze = dnd.isSnoozeEnabled() && dnd.getSnoozeEndtime() != null ? Instant.ofEpochSecond(dnd.getSnoozeEndtime()) : null;
        boolean hours = dnd.isDndEnabled() && dnd.getNextDndStartTs() != null && dnd.getNextDndEndTs() != null;
        return new DndStatus(hours ? Instant.ofEpochSecond(dnd.getNextDndStartTs()) : null,
                hours ? Instant.ofEpochSecond(dnd.getNextDndEndTs()) : null, snooze);
    }

    /** Whether the member is in a huddle ({@code users.profile.get}, where the workspace shows it). */
    public boolean inHuddle(UUID installation, String botToken, String slackUserId, Duration maxWait) throws SlackCallFailed {
        pace(installation, "users.profile.get", maxWait);
        var profile = call(installation, "users.profile.get", () -> slack.methods(botToken).usersProfileGet(r -> r.user(slackUserId)));
        return profile.getProfile() != null && "in_a_huddle".equals(profile.getProfile().getHuddleState());
    }

    /** The member's App Home tab ({@code views.publish}). */
    public void publishHome(UUID installation, String botToken, String slackUserId, String view) throws SlackCallFailed {
        pace(installation, "views.publish", INTERACTIVE_WAIT);
        call(installation, "views.publish", () -> slack.methods(botToken).viewsPublish(r -> r.userId(slackUserId).viewAsString(view)));
    }

    /** A modal, opened for the member who just pressed a button ({@code views.open} with its trigger id). */
    public void openModal(UUID installation, String botToken, String triggerId, String view) throws SlackCallFailed {
        pace(installation, "views.open", INTERACTIVE_WAIT);
        call(installation, "views.open", () -> slack.methods(botToken).viewsOpen(r -> r.triggerId(triggerId).viewAsString(view)));
    }

    /** Rewrites a message the bot sent ({@code chat.update}): an answered reminder loses its buttons. */
    public void update(UUID installation, String botToken, String channel, String ts, String text, String blocks) throws SlackCallFailed {
        call(installation, "chat.update", () -> slack.methods(botToken).chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocksAsString(blocks)));
    }

    /**
     * Answers an interaction through its {@code response_url}: replaces the message (an answer recorded) or adds a
     * note only the presser sees (an ephemeral message). No token needed: the URL is the interaction's own.
     */
    public void respond(String responseUrl, String payload) throws SlackCallFailed {
        WebhookResponse response;
        try {
            response = slack.send(responseUrl, payload);
        } catch (IOException e) {
            throw new SlackCallFailed("response_url", "io_error: " + e.getMessage(), 0, Optional.empty());
        }
        if (response.getCode() == null || response.getCode() < 200 || response.getCode() >= 300) {
            throw new SlackCallFailed("response_url", String.valueOf(response.getBody()), response.getCode() == null ? 0 : response.getCode(),
                    Optional.empty());
        }
    }

    private interface SlackCall<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    /** Waits for the method's next slot in this workspace; refuses (as a rate limit) when that is beyond {@code maxWait}. */
    private void pace(UUID installation, String method, Duration maxWait) throws SlackCallFailed {
        Optional<Duration> wait = pacing.reserve(installation, method, maxWait);
        if (wait.isEmpty()) {
            // our own budget for the method is spent for now: not a refusal from Slack, nothing to hold back
            throw new SlackCallFailed(method, PACED, 0, Optional.of(SlackPacing.SPACING.getOrDefault(method, Duration.ofSeconds(1))));
        }
        if (!wait.get().isZero()) {
            try {
                Thread.sleep(wait.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlackCallFailed(method, "interrupted", 0, Optional.empty());
            }
        }
    }

    private <T extends SlackApiTextResponse> T call(UUID installation, String method, SlackCall<T> call) throws SlackCallFailed {
        try {
            return send(method, call);
        } catch (SlackCallFailed e) {
            if (e.rateLimited() && installation != null) {
                // every instance holds back this method in this workspace until Slack's Retry-After
                pacing.hold(installation, method, Instant.now(clock).plus(e.retryAfter().orElse(Duration.ofMinutes(1))));
            }
            throw e;
        }
    }

    private static <T extends SlackApiTextResponse> T send(String method, SlackCall<T> call) throws SlackCallFailed {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().code();
            Optional<Duration> retryAfter = Optional.empty();
            String header = e.getResponse() == null ? null : e.getResponse().header("Retry-After");
            if (header != null) {
                try {
                    retryAfter = Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
                } catch (NumberFormatException ignored) {
                    // Slack sends whole seconds; anything else is treated as no hint
                }
            }
            String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError()
                    : status == 429 ? "ratelimited" : "http_" + status;
            throw new SlackCallFailed(method, error, status, retryAfter);
        } catch (IOException e) {
            throw new SlackCallFailed(method, "io_error: " + e.getMessage(), 0, Optional.empty());
        }
        if (!response.isOk()) {
            throw new SlackCallFailed(method, response.getError() == null ? "unknown_error" : response.getError(), 200, Optional.empty());
        }
        return response;
    }

    /** A Slack call that did not go through; {@code error} is Slack's code ({@code ratelimited}, {@code invalid_auth} …). */
    public static final class SlackCallFailed extends Exception {
        private final String method;
        private final String error;
        private final int status;
        private final transient Optional<Duration> retryAfter;

        SlackCallFailed(String method, String error, int status, Optional<Duration> retryAfter) {
            super(method + " failed: " + error);
            this.method = method;
            this.error = error;
            this.status = status;
            this.retryAfter = retryAfter;
        }

        public String method() {
            return method;
        }

        public String error() {
            return error;
        }

        public int status() {
            return status;
        }

        public Optional<Duration> retryAfter() {
            return retryAfter;
        }

        public boolean rateLimited() {
            return status == 429 || "ratelimited".equals(error);
        }

        /** Not made: the workspace's budget for the method is spent for now (our pacing, not Slack's answer). */
        public boolean paced() {
            return PACED.equals(error);
        }

        public boolean tokenGone() {
            return TOKEN_GONE.contains(error);
        }

        public boolean recipientGone() {
            return RECIPIENT_GONE.contains(error);
        }
    }
}
