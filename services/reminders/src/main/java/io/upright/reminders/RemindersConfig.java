package io.upright.reminders;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the reminders service; every key can be overridden by its UPRIGHT_REMINDERS_* env var. */
@ConfigMapping(prefix = "upright.reminders")
public interface RemindersConfig {

    /** Time between two break reminders inside working hours for employees whose team is in no program. */
    @WithDefault("PT60M")
    Duration defaultCadence();

    /**
     * For local demos only: replaces every computed cadence (program phase, preference, risk), so a demo shows
     * reminders every few minutes although its program asks for 45. Unset in production.
     */
    Optional<Duration> cadenceOverride();

    /**
     * Whether webhook URLs may point at loopback, private or link-local addresses. Off in production so an
     * admin cannot make the service call into its own network; on for local development and tests.
     */
    @WithDefault("false")
    boolean allowPrivateWebhooks();

    /** Whether this instance runs the due-reminder engine. */
    @WithDefault("true")
    boolean engineEnabled();

    /** How long the engine sleeps when nothing is due. */
    @WithDefault("PT1S")
    Duration enginePollInterval();

    /**
     * How many due reminders one engine round claims. A round's database work is batched (one claim, one settling
     * transaction of a few batched statements), so a larger round costs little more than a small one: 200 drains a
     * burst faster than 50 did, and a round still lasts well under a second plus its slowest call.
     */
    @WithDefault("200")
    int engineBatchSize();

    /**
     * How many engine loops this instance runs side by side. A round spends most of its time waiting (for the
     * database, then for the receivers), so a second loop claims and delivers while the first waits; they claim
     * with {@code FOR UPDATE SKIP LOCKED} like two instances do, so none sends a reminder another holds.
     */
    @WithDefault("2")
    int engineThreads();

    /**
     * How long a claimed reminder may stay 'sending' before the engine that claimed it counts as dead and the
     * reminder is recorded as failed (never re-sent). Absent: {@code max(1 min, 10 x delivery-timeout)}. Must stay
     * well above the longest engine round (one delivery timeout plus a Slack channel's wait for its turn).
     */
    Optional<Duration> engineClaimLease();

    /**
     * How often this instance looks for claims abandoned by a dead engine. At most half the claim lease, so one is
     * settled at most 1.5 leases after its claim (the default lease is a minute).
     */
    @WithDefault("PT30S")
    Duration abandonedClaimSweepEvery();

    /** How often team breaks are planned; they are queued a day ahead, so every few minutes keeps that horizon filled. */
    @WithDefault("PT5M")
    Duration teamBreakPlanningEvery();

    /**
     * Whether routine reminders (the full routine at each employee's routine times) are planned at all. On in every
     * real deployment; the test profile turns it off so the other flow tests count only the reminders they are about.
     */
    @WithDefault("true")
    boolean routineReminders();

    /**
     * Whether people are asked for their sitting self-report (baseline at enrolment, each check-in, the end). On in
     * every real deployment; the test profile turns it off so the other flow tests count only the reminders they are
     * about.
     */
    @WithDefault("true")
    boolean sittingCheckIns();

    /** How often the sitting check-ins due are looked for (a check-in is asked for over two weeks: hourly is plenty). */
    @WithDefault("PT1H")
    Duration sittingCheckInEvery();

    /** How often routine reminders are planned; like team breaks they are queued a day ahead. */
    @WithDefault("PT5M")
    Duration routinePlanningEvery();

    /** Pause before the first retry of an undelivered reminder; each further retry doubles it (at most 2 min). */
    @WithDefault("PT2S")
    Duration engineFirstRetry();

    /** How long Snooze puts a reminder off (the Slack and Teams buttons say "Snooze 10 min"). */
    @WithDefault("PT10M")
    Duration snoozeDuration();

    /** Where this service is reachable from employees' browsers: the base of the signed answer links in Teams cards. */
    @WithDefault("http://localhost:8084")
    String publicBaseUrl();

    /** Where people's browsers reach the web front end: the base of the sign-in links of {@code /upright check}. */
    @WithDefault("http://localhost:8080")
    String webBaseUrl();

    /** How long a sign-in link works; it works once. */
    @WithDefault("PT15M")
    Duration signInLinkTtl();

    /** Key of the answer links' HMAC; absent: derived from the secret key. */
    Optional<String> answerLinkSecret();

    /** How long a Teams card's answer links work. */
    @WithDefault("PT12H")
    Duration answerLinkTtl();

    /** Timeout of one webhook call (connect and response). */
    @WithDefault("PT5S")
    Duration deliveryTimeout();

    /**
     * AES-256 key (base64 of 32 bytes) that encrypts webhook signing secrets at rest. When absent, the key is
     * read from {@link #secretKeyFile()}, which is created with a random key on first start.
     */
    Optional<String> secretKey();

    @WithDefault(".upright/keys/reminders-webhook-secrets.key")
    String secretKeyFile();

    /**
     * The key that is to replace the secret key ({@code UPRIGHT_REMINDERS_NEXT_SECRET_KEY}), during the first roll of
     * a rotation: every instance can then open what an instance already switched sealed.
     */
    Optional<String> nextSecretKey();

    /**
     * The keys the secret key replaced, newest first ({@code UPRIGHT_REMINDERS_PREVIOUS_SECRET_KEYS}, comma-separated):
     * values sealed under them still open and are sealed again under the current key in the background.
     */
    Optional<List<String>> previousSecretKeys();

    /**
     * How long a webhook endpoint's old signing secret still signs after the secret was rotated: each delivery then
     * carries both signatures, so the receiver can switch whenever it likes within that time.
     */
    @WithDefault("PT24H")
    Duration webhookSecretOverlap();

    /**
     * The Slack app's signing secret, which verifies requests to the Slack interactivity endpoint. Absent (the
     * default) means no Slack request is trusted: every interaction is refused.
     */
    Optional<String> slackSigningSecret();

    /** The Slack app that messages each employee directly (installed per tenant with "Add to Slack"). */
    SlackApp slackApp();

    interface SlackApp {

        /** The app's client id (Slack: Basic Information). Absent: the app cannot be installed. */
        Optional<String> clientId();

        /** The app's client secret, exchanged with the OAuth code for a tenant's bot token. */
        Optional<String> clientSecret();

        /** Where Slack sends an admin back after "Add to Slack" (this service's {@code /api/slack/oauth/callback}). */
        Optional<String> redirectUri();

        /** Slack's Web API; a local stand-in in tests and in the demo. */
        @WithDefault("https://slack.com/api/")
        String apiUrl();

        /** Slack's authorisation page that "Add to Slack" opens. */
        @WithDefault("https://slack.com/oauth/v2/authorize")
        String authorizeUrl();

        /** The bot scopes the app asks for; deploy/slack/manifest.yaml lists the same. */
        @WithDefault("chat:write,im:write,users:read,users:read.email,users.profile:read,commands,dnd:read")
        String scopes();

        /** How long an "Add to Slack" link stays valid (its state is single-use). */
        @WithDefault("PT10M")
        Duration installWindow();

        /**
         * How often the workspace directory ({@code users.list}) is read to find employees by email: once after
         * install, then at this interval. It finds a whole workspace within Slack's limits, where one lookup per
         * person (Tier 3) would take hours for thousands of people.
         */
        @WithDefault("PT6H")
        Duration directorySyncEvery();

        /** How long a "no Slack user with this email" answer is believed before the lookup is tried again. */
        @WithDefault("P1D")
        Duration lookupRetryAfter();
    }
}
