package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Slack workspace of {@code ./upright bench-reminders --channel slack}: {@link SlackWorkspace}'s answers for the
 * methods a reminder's delivery calls, without what a demo needs and a load would choke on (terminal lines, a log
 * line per call, state on disk, a message history). Every member is known from the start, as in a real workspace.
 *
 * <p>It counts each method's calls and enforces Slack's per-workspace rate-limit tiers as Slack documents them
 * (Tier 3: 50 calls a minute, Tier 4: 100, over any trailing minute): a call beyond answers HTTP 429 with
 * {@code Retry-After}, so the benchmark shows whether the app's own pacing keeps under them.
 */
final class SlackLoadWorkspace implements AutoCloseable {

    /** Per minute and workspace (api.slack.com/docs/rate-limits); chat.postMessage is limited per channel instead. */
    static final Map<String, Integer> PER_MINUTE = Map.of(
            "users.lookupByEmail", 50,   // Tier 3
            "dnd.info", 50,              // Tier 3
            "users.info", 100,           // Tier 4
            "users.profile.get", 100);   // Tier 4
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** A direct message that carried a reminder's buttons: which reminder, and when it arrived here. */
    record Post(UUID reminderId, Instant receivedAt) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final SlackWorkspace.App app;
    /** Member id by email, lower case, and the reverse: given up front, as a workspace's people are there already. */
    private final Map<String, String> members = new ConcurrentHashMap<>();
    private final Set<String> memberIds = ConcurrentHashMap.newKeySet();
    private final Set<String> botTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
    /** The instants of each limited method's accepted calls in the last minute. */
    private final Map<String, Deque<Instant>> recent = new HashMap<>();
    private final ConcurrentLinkedQueue<Post> posts = new ConcurrentLinkedQueue<>();

    private SlackLoadWorkspace(HttpServer server, ExecutorService executor, SlackWorkspace.App app) {
        this.server = server;
        this.executor = executor;
        this.app = app;
        PER_MINUTE.keySet().forEach(method -> recent.put(method, new ArrayDeque<>()));
    }

    /** @param port 0 for any free port */
    static SlackLoadWorkspace start(int port, SlackWorkspace.App app) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
            ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "slack-load");
                t.setDaemon(true);
                return t;
            });
            SlackLoadWorkspace workspace = new SlackLoadWorkspace(server, executor, app);
            server.createContext("/api/", exchange -> workspace.guard(exchange, workspace::api));
            server.createContext("/oauth/v2/authorize", exchange -> workspace.guard(exchange, workspace::authorize));
            server.setExecutor(executor);
            server.start();
            return workspace;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the benchmark's Slack workspace on port " + port, e);
        }
    }

    /** Makes the person a member (their id as {@link SlackWorkspace#userIdOf} gives it); returns the id. */
    String addMember(String email) {
        String id = SlackWorkspace.userIdOf(email);
        members.put(email.trim().toLowerCase(java.util.Locale.ROOT), id);
        memberIds.add(id);
        return id;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String apiUrl() {
        return url() + "/api/";
    }

    String authorizeUrl() {
        return url() + "/oauth/v2/authorize";
    }

    /** Calls per method, refused ones included, sorted by name. */
    Map<String, Long> calls() {
        Map<String, Long> counts = new TreeMap<>();
        calls.forEach((method, n) -> counts.put(method, n.get()));
        return counts;
    }

    /** Calls answered 429 per method (none listed: none refused). */
    Map<String, Long> refused() {
        Map<String, Long> counts = new TreeMap<>();
        refused.forEach((method, n) -> counts.put(method, n.get()));
        return counts;
    }

    /** Every reminder DM so far, in arrival order; {@link #clearPosts} starts a window. */
    java.util.List<Post> posts() {
        return java.util.List.copyOf(posts);
    }

    void clearPosts() {
        posts.clear();
    }

    // ---- the Web API

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void guard(HttpExchange exchange, Handler handler) throws IOException {
        try {
            handler.handle(exchange);
        } catch (RuntimeException | IOException e) {
            try {
                send(exchange, 500, error("internal_error"), null);
            } catch (IOException | RuntimeException ignored) {
                // the answer had started already
            }
        } finally {
            exchange.close();
        }
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> args = SlackWorkspace.arguments(exchange);
        calls.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
        if (method.equals("oauth.v2.access")) {
            send(exchange, 200, oauthAccess(exchange, args), null);
            return;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : args.get("token");
        if (token == null || !botTokens.contains(token)) {
            send(exchange, 200, error(token == null ? "not_authed" : "invalid_auth"), null);
            return;
        }
        Duration retryAfter = overLimit(method);
        if (retryAfter != null) {
            refused.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
            send(exchange, 429, error("ratelimited"), retryAfter);
            return;
        }
        send(exchange, 200, method(method, args), null);
    }

    /** Null when the call is within its tier; else how long until a call would be (whole seconds, as Slack sends). */
    private Duration overLimit(String method) {
        Integer limit = PER_MINUTE.get(method);
        if (limit == null) {
            return null;
        }
        Deque<Instant> window = recent.get(method);
        Instant now = Instant.now();
        synchronized (window) {
            while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(MINUTE))) {
                window.removeFirst();
            }
            if (window.size() >= limit) {
                long millis = Duration.between(now, window.peekFirst().plus(MINUTE)).toMillis();
                return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
            }
            window.addLast(now);
            return null;
        }
    }

    private ObjectNode method(String method, Map<String, String> args) {
        switch (method) {
            case "auth.test":
                return ok().put("team_id", SlackWorkspace.TEAM_ID).put("user_id", SlackWorkspace.BOT_USER_ID);
            case "users.lookupByEmail": {
                String id = args.get("email") == null ? null : members.get(args.get("email").trim().toLowerCase(java.util.Locale.ROOT));
                if (id == null) {
                    return error("users_not_found");
                }
                ObjectNode answer = ok();
                answer.putObject("user").put("id", id).put("team_id", SlackWorkspace.TEAM_ID).put("deleted", false)
                        .put("is_bot", false).put("tz", "Etc/UTC");
                return answer;
            }
            case "dnd.info":
                if (!memberIds.contains(args.getOrDefault("user", ""))) {
                    return error("user_not_found");
                }
                // nobody has Do Not Disturb on: every check lets the reminder go
                return ok().put("dnd_enabled", false).put("next_dnd_start_ts", 1).put("next_dnd_end_ts", 1).put("snooze_enabled", false);
            case "users.profile.get": {
                if (!memberIds.contains(args.getOrDefault("user", ""))) {
                    return error("user_not_found");
                }
                ObjectNode answer = ok();
                answer.putObject("profile").put("huddle_state", "default_unset").put("status_text", "");
                return answer;
            }
            case "chat.postMessage":
                return postMessage(args);
            default:
                return error("unknown_method").put("req_method", method);
        }
    }

    private ObjectNode postMessage(Map<String, String> args) {
        String channel = args.getOrDefault("channel", "");
        String user = channel.startsWith("D") ? "U" + channel.substring(1) : channel;
        if (!memberIds.contains(user)) {
            return error("channel_not_found");
        }
        UUID reminder = reminderOf(args.get("blocks"));
        if (reminder != null) {
            posts.add(new Post(reminder, Instant.now()));
        }
        long micros = Instant.now().toEpochMilli() * 1000 + Math.floorMod(System.nanoTime() / 1000, 1000);
        return ok().put("channel", "D" + user.substring(1)).put("ts", micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000));
    }

    /** The reminder a DM's buttons answer: every button's value is {@code <action>:<reminderId>}. */
    static UUID reminderOf(String blocksJson) {
        if (blocksJson == null || blocksJson.isBlank()) {
            return null;
        }
        try {
            for (JsonNode block : Api.JSON.readTree(blocksJson)) {
                for (JsonNode element : block.path("elements")) {
                    String value = element.path("value").asText("");
                    int colon = value.indexOf(':');
                    if ("button".equals(element.path("type").asText()) && colon > 0) {
                        return UUID.fromString(value.substring(colon + 1));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a reminder's message: not counted as a delivery
        }
        return null;
    }

    private ObjectNode oauthAccess(HttpExchange exchange, Map<String, String> args) {
        String clientId = args.get("client_id");
        String clientSecret = args.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            // the SDK sends the client's credentials as HTTP Basic
            String decoded = new String(java.util.Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                clientId = decoded.substring(0, colon);
                clientSecret = decoded.substring(colon + 1);
            }
        }
        if (!app.clientId().equals(clientId) || !app.clientSecret().equals(clientSecret)) {
            return error("invalid_client_id");
        }
        String scope = args.get("code") == null ? null : codes.remove(args.get("code"));
        if (scope == null) {
            return error("invalid_code");
        }
        String token = "xoxb-" + SlackWorkspace.TEAM_ID.substring(1) + "-" + UUID.randomUUID().toString().replace("-", "");
        botTokens.add(token);
        ObjectNode answer = ok().put("access_token", token).put("token_type", "bot").put("scope", scope)
                .put("bot_user_id", SlackWorkspace.BOT_USER_ID).put("app_id", SlackWorkspace.APP_ID);
        answer.putObject("team").put("id", SlackWorkspace.TEAM_ID).put("name", SlackWorkspace.TEAM_NAME);
        answer.put("is_enterprise_install", false);
        return answer;
    }

    /** "Add to Slack", approved at once: the benchmark's admin has nobody to click "Allow". */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = SlackWorkspace.split(exchange.getRequestURI().getRawQuery());
        String target = query.getOrDefault("redirect_uri", app.redirectUri());
        if (!app.clientId().equals(query.get("client_id")) || target == null) {
            send(exchange, 400, error("invalid_client_id"), null);
            return;
        }
        String code = SlackWorkspace.TEAM_ID.substring(1) + "." + UUID.randomUUID();
        codes.put(code, query.getOrDefault("scope", ""));
        String location = target + (target.contains("?") ? "&" : "?") + "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + (query.get("state") == null ? "" : "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    // ---- helpers

    private static ObjectNode ok() {
        return Api.JSON.createObjectNode().put("ok", true);
    }

    private static ObjectNode error(String code) {
        return Api.JSON.createObjectNode().put("ok", false).put("error", code);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body, Duration retryAfter) throws IOException {
        byte[] bytes = Api.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter.toSeconds()));
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
