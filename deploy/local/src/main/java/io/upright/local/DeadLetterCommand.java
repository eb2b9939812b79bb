package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.upright.localinfra.DevTokens;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./upright dlq list [service]} and {@code ./upright dlq redrive <service> <partition>/<offset> | [service] --all}:
 * the operator endpoints every service has ({@code /api/operator/dead-letters}, docs/architecture.md, Dead letters),
 * called on the running local services with a short-lived operator token signed by the local key pair.
 */
final class DeadLetterCommand {

    static final String PATH = "/api/operator/dead-letters";
    private static final int PAGE = 200;
    private static final int REASON_WIDTH = 70;

    /** What the command line asked for. */
    record Request(String action, String service, String deadLetter, boolean all) {
    }

    private final PrintStream out;
    private final Map<String, Integer> ports;
    private final String token;

    DeadLetterCommand(PrintStream out, Map<String, Integer> ports, String token) {
        this.out = out;
        this.ports = ports;
        this.token = token;
    }

    /** @return the process exit status */
    static int run(Path home, String[] args, PrintStream out) {
        Request request;
        try {
            request = parse(args, LocalStack.DEFAULT_PORTS.keySet());
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(usage());
            return 2;
        }
        // operators are no tenant's; the endpoints read no tenant, the claim is only there because every token has one
        String token = DevTokens.inDirectory(home.resolve("keys")).issue("platform", "operator-cli", Duration.ofMinutes(5), "operator");
        return new DeadLetterCommand(out, LocalStack.DEFAULT_PORTS, token).execute(request);
    }

    static String usage() {
        return """
                Usage:
                  ./upright dlq list [service]                       every running service's dead letters (never their bodies)
                  ./upright dlq redrive <service> <partition>/<offset>  redrive one through the service's inbox
                  ./upright dlq redrive [service] --all              redrive every pending one (of one service, or of all)""";
    }

    /** Reads {@code dlq <action> [service] [partition/offset] [--all]}, skipping the launcher's {@code --key value} options. */
    static Request parse(String[] args, java.util.Collection<String> services) {
        List<String> words = new ArrayList<>();
        boolean all = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--all")) {
                all = true;
            } else if (args[i].startsWith("--")) {
                i++; // a launcher option and its value (--root)
            } else {
                words.add(args[i]);
            }
        }
        if (words.isEmpty() || !(words.get(0).equals("list") || words.get(0).equals("redrive"))) {
            throw new IllegalArgumentException("Say list or redrive.");
        }
        String action = words.get(0);
        String service = words.size() > 1 ? words.get(1) : null;
        if (service != null && !services.contains(service)) {
            throw new IllegalArgumentException("No service " + service + "; one of " + String.join(", ", services) + ".");
        }
        String deadLetter = words.size() > 2 ? words.get(2) : null;
        if (action.equals("redrive")) {
            if (deadLetter == null && !all) {
                throw new IllegalArgumentException("Name a dead letter as <partition>/<offset>, or say --all.");
            }
            if (deadLetter != null && (service == null || !deadLetter.matches("\\d+/\\d+"))) {
                throw new IllegalArgumentException("A dead letter is named <service> <partition>/<offset>, e.g. reminders 0/3.");
            }
            if (deadLetter != null && all) {
                throw new IllegalArgumentException("Either one dead letter or --all, not both.");
            }
        }
        return new Request(action, service, deadLetter, all);
    }

    int execute(Request request) {
        List<String> services = request.service() == null ? List.copyOf(ports.keySet()) : List.of(request.service());
        int status = 0;
        for (String service : services) {
            Api api = new Api("http://127.0.0.1:" + ports.get(service), token);
            try {
                if (request.action().equals("list")) {
                    list(service, api);
                } else if (request.deadLetter() != null) {
                    String[] id = request.deadLetter().split("/");
                    JsonNode outcome = api.post(PATH + "/" + id[0] + "/" + id[1] + "/redrive", Map.of());
                    out.println(service + " " + request.deadLetter() + ": " + outcomeLine(outcome));
                } else {
                    JsonNode report = api.post(PATH + "/redrive", Map.of());
                    out.printf("%s: %d redriven, %d applied, %d already applied, %d failed again%n", service,
                            report.path("redriven").asInt(), report.path("applied").asInt(),
                            report.path("alreadyApplied").asInt(), report.path("failedAgain").asInt());
                    for (JsonNode outcome : report.path("outcomes")) {
                        out.println("  " + outcome.path("partition").asInt() + "/" + outcome.path("offset").asLong() + "  "
                                + outcomeLine(outcome));
                    }
                }
            } catch (Api.ApiException e) {
                out.println(service + ": " + e.status() + " " + detail(e.getMessage()));
                status = 1;
            } catch (IllegalStateException e) {
                out.println(service + ": not running (" + ports.get(service) + ")");
                if (request.service() != null) {
                    status = 1;
                }
            }
        }
        return status;
    }

    private void list(String service, Api api) {
        JsonNode count = api.get(PATH + "/count");
        if (count.path("topic").isNull() || count.path("topic").isMissingNode()) {
            out.println(service + ": consumes no topic, so has no dead letters");
            return;
        }
        out.printf("%s: %d dead letters on %s, %d pending%n", service, count.path("total").asLong(),
                count.path("topic").asText(), count.path("pending").asLong());
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get(PATH + "?page=" + page + "&size=" + PAGE);
            body.path("items").forEach(items::add);
            if (body.path("items").size() < PAGE) {
                break;
            }
        }
        if (!items.isEmpty()) {
            out.print(table(items));
        }
    }

    /** The compact table of one service's dead letters. */
    static String table(List<JsonNode> items) {
        StringBuilder table = new StringBuilder();
        String format = "  %-8s %-28s %-46s %-12s %-20s %-15s %s%n";
        table.append(String.format(format, "ID", "FROM", "TYPE", "TENANT", "DEAD-LETTERED", "STATE", "REASON"));
        for (JsonNode item : items) {
            String from = item.path("originalTopic").asText("?") + "/" + item.path("originalPartition").asText("?") + "@"
                    + item.path("originalOffset").asText("?");
            String state = item.path("outcome").isNull() || item.path("outcome").isMissingNode()
                    ? "pending" : item.path("outcome").asText();
            String reason = item.path("outcomeReason").isTextual() ? item.path("outcomeReason").asText() : item.path("reason").asText("");
            table.append(String.format(format, item.path("partition").asInt() + "/" + item.path("offset").asLong(), from,
                    text(item, "eventType"), text(item, "tenant"), text(item, "deadLetteredAt"), state, cut(reason)));
        }
        return table.toString();
    }

    private static String outcomeLine(JsonNode outcome) {
        String line = outcome.path("outcome").asText() + " (" + outcome.path("originalTopic").asText("?") + ", event "
                + outcome.path("eventId").asText("?") + ")";
        return outcome.path("reason").isTextual() ? line + ": " + cut(outcome.path("reason").asText()) : line;
    }

    private static String text(JsonNode item, String field) {
        return item.path(field).isTextual() ? item.path(field).asText() : "-";
    }

    private static String cut(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= REASON_WIDTH ? flat : flat.substring(0, REASON_WIDTH - 3) + "...";
    }

    /** The problem's detail out of "POST url -> 409 {json}", or the message as it is. */
    private static String detail(String message) {
        int json = message.indexOf('{');
        if (json >= 0) {
            try {
                JsonNode problem = Api.JSON.readTree(message.substring(json));
                if (problem.path("detail").isTextual()) {
                    return problem.path("detail").asText();
                }
            } catch (java.io.IOException ignored) {
                // not a problem document: print the message as it is
            }
        }
        return message;
    }
}
