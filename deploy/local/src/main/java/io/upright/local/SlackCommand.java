package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./upright slack press <reminder> done|snooze|skip [--as U…]} and {@code ./upright slack messages}: answer a
 * direct message of the simulated Slack workspace from the terminal, and list them. Both talk to the workspace that a
 * running {@code ./upright up} started ({@code /demo/press}, {@code /demo/messages}): it knows whose message is whose
 * and signs the press with the app's signing secret, as Slack would.
 */
final class SlackCommand {

    static final int DEFAULT_PORT = 8087;
    /** Where a running {@code ./upright up} writes its workspace's URL, under the launcher's home. */
    static final String URL_FILE = "slack/workspace.url";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    /** What the command line asked for. */
    record Request(String action, String reminder, String answer, String as, String user, int last) {
    }

    private final PrintStream out;
    private final String workspaceUrl;

    SlackCommand(PrintStream out, String workspaceUrl) {
        this.out = out;
        this.workspaceUrl = workspaceUrl;
    }

    /** @return the process exit status */
    static int run(Path home, String[] args, PrintStream out) {
        Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(usage());
            return 2;
        }
        return new SlackCommand(out, workspaceUrl(home)).execute(request);
    }

    static String workspaceUrl(Path home) {
        Path file = home.resolve(URL_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
        } catch (IOException e) {
            // fall back on the default port
        }
        return "http://127.0.0.1:" + DEFAULT_PORT;
    }

    static String usage() {
        return """
                Usage:
                  ./upright slack messages [--user U…|email] [--last 20]   the direct messages in the simulated workspace
                  ./upright slack press <reminder> done|snooze|skip [--as U…]
                                                    press a button of a reminder's message (its id, or its first 8 characters),
                                                    as the person it was sent to unless --as names another member""";
    }

    /** Reads {@code slack <action> [words] [--as U] [--user U] [--last N]}, skipping the launcher's other options. */
    static Request parse(String[] args) {
        List<String> words = new ArrayList<>();
        String as = null;
        String user = null;
        int last = 20;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value.");
                }
                switch (args[i]) {
                    case "--as" -> as = value;
                    case "--user" -> user = value;
                    case "--last" -> last = Integer.parseInt(value);
                    default -> {
                        // a launcher option (--root) and its value
                    }
                }
                i++;
            } else {
                words.add(args[i]);
            }
        }
        if (words.isEmpty() || !(words.get(0).equals("press") || words.get(0).equals("messages"))) {
            throw new IllegalArgumentException("Say press or messages.");
        }
        if (words.get(0).equals("messages")) {
            return new Request("messages", null, null, null, user, last);
        }
        if (words.size() != 3) {
            throw new IllegalArgumentException("Say which reminder and which button: press <reminder> done|snooze|skip.");
        }
        String answer = words.get(2).toLowerCase(java.util.Locale.ROOT);
        if (!List.of("done", "snooze", "skip").contains(answer)) {
            throw new IllegalArgumentException("The buttons are done, snooze and skip, not " + words.get(2) + ".");
        }
        return new Request("press", words.get(1), answer, as, null, last);
    }

    int execute(Request request) {
        try {
            return request.action().equals("press") ? press(request) : messages(request);
        } catch (IOException e) {
            out.println("The simulated Slack workspace does not answer at " + workspaceUrl + " (" + e.getMessage()
                    + "). Is ./upright up running?");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int press(Request request) throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("?reminder=").append(encode(request.reminder()))
                .append("&answer=").append(encode(request.answer()));
        if (request.as() != null) {
            query.append("&as=").append(encode(request.as()));
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(workspaceUrl + "/demo/press" + query))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = Api.JSON.readTree(response.body());
        if (!body.path("ok").asBoolean()) {
            out.println("Not pressed: " + body.path("detail").asText(body.path("error").asText()) + " (" + body.path("error").asText() + ")");
            return 1;
        }
        String who = body.path("email").isTextual() ? body.path("email").asText() + " (" + body.path("user").asText() + ")"
                : body.path("user").asText();
        out.println(who + " pressed [" + body.path("button").asText() + "] on the message of reminder " + body.path("reminder").asText());
        int status = body.path("appStatus").asInt();
        out.println("The reminders service answered HTTP " + status
                + (status >= 300 ? ": " + body.path("appBody").asText() : " (Slack wants that within 3 s)"));
        if (status >= 300) {
            return 1;
        }
        JsonNode responses = body.path("responses");
        if (responses.isEmpty()) {
            out.println("It has not answered on the response_url yet; ./upright slack messages shows the message as it is now.");
        }
        for (JsonNode answer : responses) {
            if (answer.path("replace_original").asBoolean(false)) {
                out.println("Slack now shows the message as: " + answer.path("text").asText() + "  (its buttons are gone)");
            } else if (answer.path("delete_original").asBoolean(false)) {
                out.println("Slack deleted the message.");
            } else {
                out.println("Only " + body.path("user").asText() + " sees: " + answer.path("text").asText());
            }
        }
        return 0;
    }

    private int messages(Request request) throws IOException, InterruptedException {
        String query = request.user() == null ? "" : "?user=" + encode(request.user());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(workspaceUrl + "/demo/messages" + query))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = Api.JSON.readTree(response.body());
        List<JsonNode> all = new ArrayList<>();
        body.path("messages").forEach(all::add);
        if (all.isEmpty()) {
            out.println("No direct messages in " + body.path("team").asText("the workspace") + " yet.");
            return 0;
        }
        List<JsonNode> shown = all.subList(Math.max(0, all.size() - request.last()), all.size());
        out.println("Direct messages from Upright in " + body.path("team").asText() + " (" + shown.size() + " of " + all.size()
                + ", newest last):");
        for (JsonNode m : shown) {
            List<String> buttons = new ArrayList<>();
            m.path("buttons").forEach(b -> buttons.add("[" + b.asText() + "]"));
            String state = m.path("answered").isTextual() ? m.path("answered").asText()
                    : buttons.isEmpty() ? "" : String.join(" ", buttons);
            String time = TIME.format(LocalDateTime.ofInstant(Instant.parse(m.path("postedAt").asText()), ZoneId.systemDefault()));
            out.printf("  %s  %-24s %-12s %-36s  %-30s %s%n", time, m.path("email").asText(""), m.path("user").asText(),
                    m.path("reminder").asText("-"), state, shorten(m.path("text").asText()));
        }
        out.println("Answer one: ./upright slack press <reminder> done|snooze|skip [--as U…]");
        return 0;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
