package io.upright.reminders.slackapp;

import io.upright.platform.openapi.ProblemResponses;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.signinlink.Destination;
import io.upright.reminders.signinlink.SignInLinks;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /upright} slash command (Slack-signed, no token). Slack waits three seconds: the command is answered
 * within them, ephemerally (only the person who typed it sees the answer); the few database reads and writes it
 * needs take milliseconds, and finding an unknown member in Slack first is the only remote call.
 */
@Path("/api/slack/commands")
@Tag(name = "Slack app")
@PermitAll
public class SlackCommandsResource {

    static final String HELP = String.join("\n",
            "Upright in Slack:",
            "• /upright pause 1h (or 30m, 2h …, up to 8h): no break reminders for that long",
            "• /upright pause today: none until tomorrow",
            "• /upright resume: reminders again from now",
            "• /upright stats: your breaks today and this week",
            "• /upright check: a link to your desk check in Upright (just for you; it works once, for 15 minutes)",
            "Your break reminders arrive here as direct messages; Done, Snooze and Skip answer them.");
    static final int MAX_PAUSE_MINUTES = 8 * 60;

    @Inject
    Clock clock;

    @Inject
    RemindersConfig config;

    @Inject
    SlackPeople people;

    @Inject
    SlackHome home;

    @Inject
    SlackAfterResponse afterResponse;

    @Inject
    SignInLinks signInLinks;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slack slash command /upright: pause 1h|today, resume, stats, check, help (Slack-signed, no token; an ephemeral answer)")
    @APIResponse(responseCode = "200", description = "The answer, shown only to the person who typed the command")
    @APIResponse(responseCode = "401", description = "Missing, stale or wrong Slack signature", ref = ProblemResponses.UNAUTHORIZED)
    public Response command(@HeaderParam("X-Slack-Request-Timestamp") String timestamp,
                            @HeaderParam("X-Slack-Signature") String signature, byte[] body) {
        if (!SlackRequests.verified(config.slackSigningSecret().orElse(null), timestamp, signature, body, Instant.now(clock))) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "The Slack signature is missing, stale or wrong", List.of());
        }
        Map<String, String> form = form(body);
        String[] words = form.getOrDefault("text", "").strip().toLowerCase(java.util.Locale.ROOT).split("\\s+");
        String verb = words.length == 0 ? "" : words[0];
        if (verb.isEmpty() || "help".equals(verb)) {
            return answer(HELP);
        }
        if (!List.of("pause", "resume", "stats", "check").contains(verb)) {
            return answer("I don't know \"" + verb + "\".\n" + HELP);
        }
        SlackPeople.Lookup lookup = people.find(form.get("team_id"), form.get("user_id"));
        if (lookup.person() == null) {
            return answer(SlackPeople.explain(lookup.unknown()));
        }
        SlackPeople.Person person = lookup.person();
        try {
            if ("pause".equals(verb)) {
                String amount = words.length > 1 ? words[1] : "";
                Integer minutes = "today".equals(amount) ? null : minutes(amount);
                if (minutes != null && minutes < 0) {
                    return answer("Pause for how long? Try /upright pause 1h, /upright pause 30m or /upright pause today (at most 8h).");
                }
                people.pause(person, minutes);
                afterResponse.run(() -> people.refreshHome(person));
                return answer(minutes == null ? "Paused until tomorrow. /upright resume brings reminders back sooner."
                        : "Paused for " + describe(minutes) + ". /upright resume brings reminders back sooner.");
            }
            if ("check".equals(verb)) {
                SignInLinks.Issued link = signInLinks.issue(person.tenant(), person.employeeId(), Destination.DESK_CHECK);
                long minutes = config.signInLinkTtl().toMinutes();
                return answer("Your desk check: <" + link.url() + "|open it in Upright>. The link is yours alone and works once,"
                        + " within " + (minutes >= 1 ? minutes + " minutes" : config.signInLinkTtl().toSeconds() + " seconds") + ".");
            }
            if ("resume".equals(verb)) {
                people.resume(person);
                afterResponse.run(() -> people.refreshHome(person));
                return answer("Reminders are back on from now.");
            }
            return answer(home.summary(person.tenant(), person.employeeId()).map(s -> String.join("\n", home.lines(s)))
                    .orElse(SlackPeople.explain(SlackPeople.Unknown.NOT_ENROLLED)));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return answer(SlackPeople.explain(SlackPeople.Unknown.NOT_ENROLLED));
            }
            throw e;
        }
    }

    /** {@code 30m}, {@code 1h}, {@code 90} (minutes); -1 when it is none of those or out of range. */
    static int minutes(String amount) {
        try {
            int value;
            if (amount.endsWith("h")) {
                value = Math.multiplyExact(Integer.parseInt(amount.substring(0, amount.length() - 1)), 60);
            } else if (amount.endsWith("m")) {
                value = Integer.parseInt(amount.substring(0, amount.length() - 1));
            } else {
                value = Integer.parseInt(amount);
            }
            return value >= 1 && value <= MAX_PAUSE_MINUTES ? value : -1;
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }

    private static String describe(int minutes) {
        if (minutes % 60 == 0) {
            return minutes / 60 + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + " minutes";
    }

    private static Response answer(String text) {
        return Response.ok(Map.of("response_type", "ephemeral", "text", text)).build();
    }

    private static Map<String, String> form(byte[] body) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("body", "is not form-encoded");
        }
        return values;
    }
}
