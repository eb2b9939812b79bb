package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A simulated Slack workspace ("Upright Demo", {@value #TEAM_ID}) for {@code ./upright up}: Slack itself cannot be
 * reached from a laptop demo, and the reminders service talks to Slack only through Slack's Java SDK, so this answers
 * the Web API methods that SDK calls ({@code /api/<method>}, form-encoded, {@code {"ok":...}} as Slack documents them),
 * approves "Add to Slack" ({@code /oauth/v2/authorize}), and takes the app's answers to button presses on the
 * {@code response_url}s it hands out ({@code /actions/...}). What a person would see in Slack is printed in the
 * terminal; every call is written to its log.
 *
 * <p>Button presses come from the terminal or curl ({@code POST /demo/press}): the workspace builds Slack's
 * {@code block_actions} payload, signs it with the app's signing secret (Slack's v0 scheme, by the SDK's generator)
 * and posts it to the app's interactivity URL, as Slack would. {@code GET /demo/messages} lists the direct messages.
 */
public final class SlackWorkspace implements AutoCloseable {

    public static final String TEAM_ID = "T0UPRIGHT";
    public static final String TEAM_NAME = "Upright Demo";
    static final String TEAM_DOMAIN = "upright-demo";
    static final String APP_ID = "A0UPRIGHT";
    static final String BOT_ID = "B0UPRIGHT";
    static final String BOT_USER_ID = "U0UPRIGHTBOT";
    /** Slack keeps an OAuth code for 10 minutes and accepts it once. */
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    /** Slack: a response_url works for 30 minutes, five times. */
    private static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);
    private static final int RESPONSE_URL_USES = 5;
    /** Slack allows 3 s; a demo machine busy starting five JVMs can be slower, and nobody is fooled here. */
    private static final Duration TRIGGER_LIFETIME = Duration.ofMinutes(1);
    /** How long a press from the terminal waits for the app's answer on the response_url. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);
    /** Only the latest direct messages are kept (in memory and on disk): enough to answer, not a history. */
    private static final int KEPT_MESSAGES = 500;
    private static final int TERMINAL_TEXT = 72;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The Slack app as registered with the workspace (what Slack shows on its Basic Information page), and where it
     * sends an admin back after "Add to Slack" and button presses. Any of the URLs may be null until known.
     */
    public record App(String clientId, String clientSecret, String signingSecret, String redirectUri, String interactionsUrl) {
    }

    /** A message of the app's bot in a direct message, as its reader sees it now. */
    public record Message(String channel, String ts, String user, String email, String text, JsonNode blocks,
                          String reminderId, String answered, Instant postedAt) {

        /** The labels of the buttons still on the message. */
        public List<String> buttons() {
            List<String> labels = new ArrayList<>();
            eachButton(blocks, button -> labels.add(button.path("text").path("text").asText()));
            return labels;
        }

        Message replacedBy(String newText, JsonNode newBlocks, String outcome) {
            return new Message(channel, ts, user, email, newText, newBlocks, reminderId, outcome, postedAt);
        }
    }

    /** A press of a button, and what the app answered: its HTTP answer and what it sent to the response_url. */
    public record Press(String reminderId, String user, String email, String action, int status, String body,
                        List<JsonNode> responses) {
    }

    /** A press the workspace would not make (no such message, no such button ...), with Slack-style error code. */
    public static final class PressRefused extends RuntimeException {
        private final String error;
        private final int status;

        PressRefused(int status, String error, String detail) {
            super(detail);
            this.status = status;
            this.error = error;
        }

        public String error() {
            return error;
        }

        public int status() {
            return status;
        }
    }

    /** What survives a restart: the bot tokens the app holds (else its installation breaks), members, messages. */
    record State(Set<String> botTokens, Map<String, String> emails, List<Message> messages) {
    }

    private record Code(String redirectUri, String scope, Instant expiresAt) {
    }

    /** A response_url handed out with one press. */
    private static final class ResponseUrl {
        final String messageKey;
        final String user;
        final Instant expiresAt;
        final List<JsonNode> answers = new CopyOnWriteArrayList<>();
        final CountDownLatch firstAnswer = new CountDownLatch(1);
        int uses;

        ResponseUrl(String messageKey, String user, Instant expiresAt) {
            this.messageKey = messageKey;
            this.user = user;
            this.expiresAt = expiresAt;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path stateFile;
    private final PrintStream out;
    private final PrintStream log;
    private volatile App app;
    private final Set<String> botTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    /** By channel and ts, oldest first. */
    private final LinkedHashMap<String, Message> messages = new LinkedHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Instant> triggers = new ConcurrentHashMap<>();
    private final Map<String, ResponseUrl> responseUrls = new ConcurrentHashMap<>();
    private final List<Consumer<Message>> listeners = new CopyOnWriteArrayList<>();
    private long lastTs;

    private SlackWorkspace(HttpServer server, ExecutorService executor, Path stateFile, PrintStream out, PrintStream log, App app) {
        this.server = server;
        this.executor = executor;
        this.stateFile = stateFile;
        this.out = out;
        this.log = log;
        this.app = app;
    }

    /**
     * @param port      0 for any free port
     * @param stateDir  where tokens, members and messages are kept across restarts; null keeps nothing
     * @param out       the terminal, or null
     * @param logFile   every call, one line each; null for none
     */
    public static SlackWorkspace start(int port, App app, Path stateDir, PrintStream out, Path logFile) {
        PrintStream log = null;
        try {
            if (logFile != null) {
                Files.createDirectories(logFile.getParent());
                log = new PrintStream(Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND), true,
                        StandardCharsets.UTF_8);
            }
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            // several threads: a press waits for the app's answer, which arrives on this same server
            ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "slack-workspace");
                t.setDaemon(true);
                return t;
            });
            SlackWorkspace workspace = new SlackWorkspace(server, executor,
                    stateDir == null ? null : stateDir.resolve("workspace.json"), out, log, app);
            workspace.load();
            server.createContext("/api/", workspace.guard(workspace::api));
            server.createContext("/oauth/v2/authorize", workspace.guard(workspace::authorize));
            server.createContext("/actions/", workspace.guard(workspace::responseUrl));
            server.createContext("/demo/press", workspace.guard(workspace::demoPress));
            server.createContext("/demo/messages", workspace.guard(workspace::demoMessages));
            server.setExecutor(executor);
            server.start();
            return workspace;
        } catch (IOException e) {
            if (log != null) {
                log.close();
            }
            throw new IllegalStateException("Cannot open the simulated Slack workspace on port " + port, e);
        }
    }

    /** The app's interactivity URL and redirect URI are known only once the services' ports are. */
    public void register(App registered) {
        this.app = registered;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the app's Slack SDK is pointed at ({@code upright.reminders.slack-app.api-url}). */
    public String apiUrl() {
        return url() + "/api/";
    }

    public String authorizeUrl() {
        return url() + "/oauth/v2/authorize";
    }

    /** Whether the app holds a bot token of this workspace (it was installed and the workspace remembers it). */
    public boolean installed() {
        return !botTokens.isEmpty();
    }

    /** Called after each new direct message from the app. */
    public void onDirectMessage(Consumer<Message> listener) {
        listeners.add(listener);
    }

    public List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages.values());
        }
    }

    /** The stable member id of an email: the same person is the same member on every start. */
    public static String userIdOf(String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "U" + HexFormat.of().formatHex(hash).substring(0, 10).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the Web API

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> args = arguments(exchange);
        ObjectNode answer;
        if (method.equals("api.test")) {
            answer = ok();
            answer.set("args", Api.JSON.valueToTree(args));
        } else if (method.equals("oauth.v2.access")) {
            answer = oauthAccess(exchange, args);
        } else {
            String token = token(exchange, args);
            if (token == null) {
                answer = error("not_authed");
            } else if (!botTokens.contains(token)) {
                answer = error("invalid_auth");
            } else {
                answer = method(method, args);
            }
        }
        logLine(method + " " + describe(method, args) + " -> " + (answer.path("ok").asBoolean() ? "ok" : answer.path("error").asText()));
        // Slack answers errors with 200 and ok:false too
        send(exchange, 200, answer);
    }

    private ObjectNode method(String method, Map<String, String> args) {
        switch (method) {
            case "auth.test":
                return ok().put("url", "https://" + TEAM_DOMAIN + ".slack.com/").put("team", TEAM_NAME).put("user", "upright")
                        .put("team_id", TEAM_ID).put("user_id", BOT_USER_ID).put("bot_id", BOT_ID).put("is_enterprise_install", false);
            case "users.lookupByEmail":
                return lookupByEmail(args.get("email"));
            case "users.info":
                return userAnswer(args.get("user"), "user");
            case "users.profile.get":
                return userAnswer(args.getOrDefault("user", BOT_USER_ID), "profile");
            case "dnd.info":
                return dndInfo(args.getOrDefault("user", BOT_USER_ID));
            case "conversations.open":
                return conversationsOpen(args.get("users"));
            case "chat.postMessage":
                return postMessage(args);
            case "chat.update":
                return update(args);
            case "chat.postEphemeral":
                return postEphemeral(args);
            case "chat.delete":
                return delete(args);
            case "views.publish":
                return publishHome(args);
            case "views.open":
                return openView(args);
            case "views.update":
            case "views.push":
                return view(args, "modal");
            default:
                return error("unknown_method").put("req_method", method);
        }
    }

    private ObjectNode oauthAccess(HttpExchange exchange, Map<String, String> args) {
        App current = app;
        String clientId = args.get("client_id");
        String clientSecret = args.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            // the SDK sends the client's credentials as HTTP Basic, as Slack recommends
            String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                clientId = decoded.substring(0, colon);
                clientSecret = decoded.substring(colon + 1);
            }
        }
        if (current == null || clientId == null || !clientId.equals(current.clientId())) {
            return error("invalid_client_id");
        }
        if (!current.clientSecret().equals(clientSecret)) {
            return error("bad_client_secret");
        }
        Code code = args.get("code") == null ? null : codes.remove(args.get("code"));
        if (code == null || code.expiresAt().isBefore(Instant.now())) {
            return error("invalid_code");
        }
        if (code.redirectUri() != null && !code.redirectUri().equals(args.get("redirect_uri"))) {
            return error("bad_redirect_uri");
        }
        String token = "xoxb-" + TEAM_ID.substring(1) + "-" + random(12);
        botTokens.add(token);
        save();
        ObjectNode answer = ok().put("access_token", token).put("token_type", "bot").put("scope", code.scope())
                .put("bot_user_id", BOT_USER_ID).put("app_id", APP_ID);
        answer.putObject("team").put("id", TEAM_ID).put("name", TEAM_NAME);
        answer.putNull("enterprise");
        answer.put("is_enterprise_install", false);
        answer.putObject("authed_user").put("id", "U0UPRIGHTADM");
        say("the Upright app was added to the workspace " + TEAM_NAME + " (" + TEAM_ID + "), bot user " + BOT_USER_ID);
        return answer;
    }

    private ObjectNode lookupByEmail(String email) {
        if (email == null || email.isBlank()) {
            return error("invalid_arguments");
        }
        // in this workspace everybody with an email address is a member: the demo's people need no invitation
        if (!email.contains("@")) {
            return error("users_not_found");
        }
        String id = userIdOf(email);
        // the member keeps the address they joined with; a lookup in other letter case finds the same person
        if (emails.putIfAbsent(id, email.trim()) == null) {
            save();
        }
        ObjectNode answer = ok();
        answer.set("user", user(id));
        return answer;
    }

    private ObjectNode userAnswer(String id, String part) {
        if (id == null || !(id.equals(BOT_USER_ID) || emails.containsKey(id))) {
            return error("user_not_found");
        }
        ObjectNode user = user(id);
        ObjectNode answer = ok();
        answer.set(part, part.equals("user") ? user : user.get("profile"));
        return answer;
    }

    /** Slack's user object, with what the app's scopes (users:read, users:read.email) show. */
    private ObjectNode user(String id) {
        boolean bot = id.equals(BOT_USER_ID);
        String email = bot ? null : emails.get(id);
        String name = bot ? "upright" : email.substring(0, email.indexOf('@'));
        ObjectNode user = Api.JSON.createObjectNode().put("id", id).put("team_id", TEAM_ID).put("name", name)
                .put("deleted", false).put("real_name", name).put("tz", "Etc/UTC").put("tz_label", "Coordinated Universal Time")
                .put("tz_offset", 0).put("is_admin", false).put("is_owner", false).put("is_bot", bot)
                .put("is_app_user", false).put("updated", Instant.now().getEpochSecond());
        ObjectNode profile = user.putObject("profile").put("real_name", name).put("display_name", name)
                .put("status_text", "").put("status_emoji", "").put("status_expiration", 0)
                // not in a huddle: the app would otherwise hold the reminder back
                .put("huddle_state", "default_unset").put("huddle_state_expiration_ts", 0).put("team", TEAM_ID);
        if (email != null) {
            profile.put("email", email);
        }
        if (bot) {
            profile.put("bot_id", BOT_ID);
        }
        return user;
    }

    private ObjectNode dndInfo(String user) {
        if (!user.equals(BOT_USER_ID) && !emails.containsKey(user)) {
            return error("user_not_found");
        }
        // nobody here has Do Not Disturb hours or snoozed notifications; Slack says 1 when there is no next window
        return ok().put("dnd_enabled", false).put("next_dnd_start_ts", 1).put("next_dnd_end_ts", 1).put("snooze_enabled", false);
    }

    private ObjectNode conversationsOpen(String users) {
        if (users == null || users.contains(",") || !emails.containsKey(users.trim())) {
            return error(users == null ? "invalid_arguments" : "user_not_found");
        }
        ObjectNode answer = ok().put("no_op", true).put("already_open", true);
        answer.putObject("channel").put("id", dmChannel(users.trim()));
        return answer;
    }

    private ObjectNode postMessage(Map<String, String> args) {
        String user = recipient(args.get("channel"));
        if (user == null) {
            return error("channel_not_found");
        }
        JsonNode blocks;
        try {
            blocks = blocks(args.get("blocks"));
        } catch (IOException e) {
            return error("invalid_blocks");
        }
        String text = args.get("text");
        if ((text == null || text.isBlank()) && blocks.isEmpty()) {
            return error("no_text");
        }
        Message message = new Message(dmChannel(user), nextTs(), user, emails.get(user), text, blocks, reminderOf(blocks), null,
                Instant.now());
        remember(message);
        String buttons = message.buttons().isEmpty() ? "" : " " + String.join(" ", message.buttons().stream().map(b -> "[" + b + "]").toList());
        say("DM to " + who(user) + ": " + shorten(firstText(blocks, text)) + buttons
                + (message.reminderId() == null ? "" : "   reminder " + shortId(message.reminderId())));
        listeners.forEach(listener -> listener.accept(message));
        ObjectNode answer = ok().put("channel", message.channel()).put("ts", message.ts());
        answer.set("message", messageJson(message));
        return answer;
    }

    private ObjectNode update(Map<String, String> args) {
        String key = args.get("channel") + "/" + args.get("ts");
        Message current;
        synchronized (messages) {
            current = messages.get(key);
        }
        if (current == null) {
            return error("message_not_found");
        }
        JsonNode blocks;
        try {
            blocks = args.containsKey("blocks") ? blocks(args.get("blocks")) : current.blocks();
        } catch (IOException e) {
            return error("invalid_blocks");
        }
        String text = args.getOrDefault("text", current.text());
        Message replaced = current.replacedBy(text, blocks, text);
        remember(replaced);
        say("DM to " + who(current.user()) + " updated: " + shorten(lastText(blocks, text)) + reminderSuffix(replaced));
        return ok().put("channel", current.channel()).put("ts", current.ts()).put("text", text);
    }

    private ObjectNode postEphemeral(Map<String, String> args) {
        String user = args.get("user");
        if (recipient(args.get("channel")) == null || user == null || !emails.containsKey(user)) {
            return error(user == null || !emails.containsKey(user) ? "user_not_in_channel" : "channel_not_found");
        }
        say("only " + who(user) + " sees: " + shorten(args.getOrDefault("text", "")));
        return ok().put("message_ts", nextTs());
    }

    private ObjectNode delete(Map<String, String> args) {
        String key = args.get("channel") + "/" + args.get("ts");
        Message removed;
        synchronized (messages) {
            removed = messages.remove(key);
        }
        if (removed == null) {
            return error("message_not_found");
        }
        save();
        say("DM to " + who(removed.user()) + " deleted" + reminderSuffix(removed));
        return ok().put("channel", removed.channel()).put("ts", removed.ts());
    }

    private ObjectNode publishHome(Map<String, String> args) {
        String user = args.get("user_id");
        if (user == null || !emails.containsKey(user)) {
            return error(user == null ? "invalid_arguments" : "user_not_found");
        }
        // the App Home tab changes quietly in Slack too: the log has it, the terminal does not
        return view(args, "home");
    }

    private ObjectNode openView(Map<String, String> args) {
        Instant issued = args.get("trigger_id") == null ? null : triggers.remove(args.get("trigger_id"));
        if (issued == null) {
            return error("invalid_trigger_id");
        }
        if (issued.plus(TRIGGER_LIFETIME).isBefore(Instant.now())) {
            return error("expired_trigger_id");
        }
        ObjectNode answer = view(args, "modal");
        if (answer.path("ok").asBoolean()) {
            say("a window opens: " + shorten(answer.path("view").path("title").path("text").asText("(untitled)")));
        }
        return answer;
    }

    private ObjectNode view(Map<String, String> args, String type) {
        JsonNode view;
        try {
            view = args.get("view") == null ? null : Api.JSON.readTree(args.get("view"));
        } catch (IOException e) {
            view = null;
        }
        if (view == null || !view.isObject()) {
            return error("invalid_arguments");
        }
        ObjectNode shown = ((ObjectNode) view.deepCopy()).put("id", "V" + random(5).toUpperCase(Locale.ROOT)).put("team_id", TEAM_ID)
                .put("type", view.path("type").asText(type)).put("app_id", APP_ID).put("bot_id", BOT_ID)
                .put("hash", Instant.now().getEpochSecond() + "." + random(4));
        ObjectNode answer = ok();
        answer.set("view", shown);
        return answer;
    }

    // ---- "Add to Slack"

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = split(exchange.getRequestURI().getRawQuery());
        App current = app;
        if (current == null || !current.clientId().equals(query.get("client_id"))) {
            page(exchange, 400, "invalid_client_id: this workspace knows no app with that client id");
            return;
        }
        String redirect = query.get("redirect_uri");
        if (redirect != null && current.redirectUri() != null && !redirect.equals(current.redirectUri())) {
            page(exchange, 400, "bad_redirect_uri: not the app's redirect URL");
            return;
        }
        String target = redirect != null ? redirect : current.redirectUri();
        if (target == null) {
            page(exchange, 400, "no redirect URL for the app");
            return;
        }
        // the demo's admin approves at once: there is nobody to click "Allow"
        String code = TEAM_ID.substring(1) + "." + random(16);
        codes.put(code, new Code(redirect, query.getOrDefault("scope", ""), Instant.now().plus(CODE_LIFETIME)));
        StringBuilder location = new StringBuilder(target).append(target.contains("?") ? '&' : '?')
                .append("code=").append(encode(code));
        if (query.get("state") != null) {
            location.append("&state=").append(encode(query.get("state")));
        }
        logLine("authorize client_id=" + query.get("client_id") + " scope=" + query.get("scope") + " -> 302 " + target);
        exchange.getResponseHeaders().add("Location", location.toString());
        exchange.sendResponseHeaders(302, -1);
    }

    // ---- response_url: the app's answer to a press

    private void responseUrl(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        ResponseUrl target = responseUrls.get(path);
        if (!exchange.getRequestMethod().equals("POST")) {
            send(exchange, 405, error("method_not_allowed"));
            return;
        }
        JsonNode answer;
        try {
            answer = Api.JSON.readTree(body(exchange));
        } catch (IOException e) {
            send(exchange, 400, error("invalid_payload"));
            return;
        }
        if (target == null || target.expiresAt.isBefore(Instant.now())) {
            logLine("response_url " + path + " -> expired_url");
            send(exchange, 404, error("expired_url"));
            return;
        }
        synchronized (target) {
            if (target.uses >= RESPONSE_URL_USES) {
                send(exchange, 404, error("used_url"));
                return;
            }
            target.uses++;
        }
        applyResponse(target, answer);
        target.answers.add(answer);
        target.firstAnswer.countDown();
        logLine("response_url " + path + " " + answer);
        send(exchange, 200, ok());
    }

    /** What Slack does with an answer on a response_url: replace or delete the pressed message, or an ephemeral note. */
    private void applyResponse(ResponseUrl target, JsonNode answer) {
        Message pressed;
        synchronized (messages) {
            pressed = messages.get(target.messageKey);
        }
        if (answer.path("delete_original").asBoolean(false) && pressed != null) {
            synchronized (messages) {
                messages.remove(target.messageKey);
            }
            save();
            say("DM to " + who(pressed.user()) + " deleted" + reminderSuffix(pressed));
        } else if (answer.path("replace_original").asBoolean(false) && pressed != null) {
            JsonNode blocks = answer.has("blocks") ? answer.get("blocks") : Api.JSON.createArrayNode();
            String text = answer.path("text").asText(null);
            Message replaced = pressed.replacedBy(text, blocks, text == null ? lastText(blocks, "") : text);
            remember(replaced);
            say("DM to " + who(pressed.user()) + " now reads: " + shorten(replaced.answered())
                    + (replaced.buttons().isEmpty() ? " (no buttons left)" : "") + reminderSuffix(replaced));
        } else if ("in_channel".equals(answer.path("response_type").asText())) {
            say("the app answers in the DM with " + who(target.user) + ": " + shorten(answer.path("text").asText("")));
        } else {
            // Slack's default for a response_url: a note only the person who pressed sees
            say("only " + who(target.user) + " sees: " + shorten(answer.path("text").asText("")));
        }
    }

    // ---- presses, from the terminal or curl

    /**
     * Presses a button of a reminder's direct message as Slack would deliver it: {@code block_actions}, signed with the
     * app's signing secret, posted to its interactivity URL. Waits a few seconds for the app's answer on the response_url.
     *
     * @param reminder the reminder's id, or a unique beginning of it
     * @param answer   done, snooze or skip: the button whose value starts with it
     * @param as       the Slack member who presses; null for the one the message was sent to
     * @param quiet    whether to leave the press itself out of the terminal (the demo's own people pressing)
     */
    public Press press(String reminder, String answer, String as, boolean quiet) {
        App current = app;
        if (current == null || current.interactionsUrl() == null || current.signingSecret() == null) {
            throw new PressRefused(409, "not_configured", "the app has no interactivity URL or signing secret here");
        }
        if (reminder == null || reminder.length() < 4) {
            throw new PressRefused(400, "invalid_arguments", "name the reminder (its id, or at least its first 4 characters)");
        }
        if (answer == null || answer.isBlank()) {
            throw new PressRefused(400, "invalid_arguments", "say which button: done, snooze or skip");
        }
        Message message = messageOf(reminder.toLowerCase(Locale.ROOT));
        JsonNode button = buttonOf(message, answer.toLowerCase(Locale.ROOT));
        String user = as == null || as.isBlank() ? message.user() : as.trim();
        if (!user.matches("[UW][A-Z0-9]{2,20}")) {
            throw new PressRefused(400, "invalid_arguments", user + " is not a Slack member id (U…)");
        }
        String key = message.channel() + "/" + message.ts();
        String responsePath = "/actions/" + TEAM_ID + "/" + System.currentTimeMillis() + "/" + random(12);
        ResponseUrl responses = new ResponseUrl(key, user, Instant.now().plus(RESPONSE_URL_LIFETIME));
        responseUrls.put(responsePath, responses);
        String trigger = System.currentTimeMillis() / 1000 + "." + Math.abs(RANDOM.nextLong() % 1_000_000_000_000L) + "." + random(8);
        triggers.put(trigger, Instant.now());
        byte[] body = ("payload=" + encode(payload(message, button, user, trigger, url() + responsePath).toString()))
                .getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = new SlackSignature.Generator(current.signingSecret()).generate(timestamp, new String(body, StandardCharsets.UTF_8));
        String label = button.path("text").path("text").asText(answer);
        if (!quiet) {
            say(who(user) + " presses [" + label + "]" + reminderSuffix(message));
        }
        HttpResponse<String> sent;
        try {
            sent = HTTP.send(HttpRequest.newBuilder(URI.create(current.interactionsUrl())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PressRefused(502, "app_unreachable", current.interactionsUrl() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PressRefused(502, "interrupted", "interrupted");
        }
        logLine("press " + label + " on " + message.reminderId() + " as " + user + " -> " + sent.statusCode() + " " + sent.body());
        if (sent.statusCode() >= 300) {
            // Slack shows the presser a warning sign on the button when the app does not answer 200
            say("the app refused " + who(user) + "'s press: HTTP " + sent.statusCode() + " " + shorten(sent.body()));
        } else {
            try {
                responses.firstAnswer.await(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Press(message.reminderId(), user, emails.get(user), label, sent.statusCode(), sent.body(), List.copyOf(responses.answers));
    }

    /** Slack's block_actions payload for a press on a message of the app's bot in a direct message. */
    private ObjectNode payload(Message message, JsonNode button, String user, String trigger, String responseUrl) {
        ObjectNode payload = Api.JSON.createObjectNode().put("type", "block_actions");
        String name = emails.containsKey(user) ? emails.get(user).substring(0, emails.get(user).indexOf('@')) : user.toLowerCase(Locale.ROOT);
        payload.putObject("user").put("id", user).put("username", name).put("name", name).put("team_id", TEAM_ID);
        payload.put("api_app_id", APP_ID).put("token", "deprecated-verification-token");
        payload.putObject("container").put("type", "message").put("message_ts", message.ts())
                .put("channel_id", message.channel()).put("is_ephemeral", false);
        payload.put("trigger_id", trigger);
        payload.putObject("team").put("id", TEAM_ID).put("domain", TEAM_DOMAIN);
        payload.putNull("enterprise");
        payload.put("is_enterprise_install", false);
        payload.putObject("channel").put("id", message.channel()).put("name", "directmessage");
        payload.set("message", messageJson(message));
        payload.putObject("state").putObject("values");
        payload.put("response_url", responseUrl);
        ObjectNode action = ((ObjectNode) button.deepCopy()).put("action_ts", nextTs());
        action.put("block_id", blockIdOf(message.blocks(), button));
        payload.putArray("actions").add(action);
        return payload;
    }

    private Message messageOf(String reminder) {
        List<Message> all = messages();
        Set<String> matching = new LinkedHashSet<>();
        Message latest = null;
        for (Message m : all) {
            if (m.reminderId() != null && m.reminderId().startsWith(reminder)) {
                matching.add(m.reminderId());
                latest = m; // a snoozed reminder's second message is the one with buttons now
            }
        }
        if (matching.isEmpty()) {
            throw new PressRefused(404, "unknown_reminder", "no direct message of reminder " + reminder
                    + " here (./upright slack messages lists them)");
        }
        if (matching.size() > 1) {
            throw new PressRefused(409, "ambiguous_reminder", reminder + " begins " + matching.size() + " reminders' ids: say more of it");
        }
        return latest;
    }

    private static JsonNode buttonOf(Message message, String answer) {
        List<JsonNode> found = new ArrayList<>();
        eachButton(message.blocks(), button -> {
            if (answer.equals(button.path("action_id").asText()) || button.path("value").asText().startsWith(answer + ":")) {
                found.add(button);
            }
        });
        if (found.isEmpty()) {
            List<String> buttons = message.buttons();
            throw new PressRefused(409, "no_such_button", buttons.isEmpty()
                    ? "the message has no buttons any more; it reads: " + (message.answered() == null ? message.text() : message.answered())
                    : "the message's buttons are " + String.join(", ", buttons));
        }
        return found.get(0);
    }

    private void demoPress(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            send(exchange, 405, error("method_not_allowed").put("detail", "POST /demo/press?reminder=<id>&answer=done|snooze|skip[&as=U…]"));
            return;
        }
        Map<String, String> args = arguments(exchange);
        Press press;
        try {
            press = press(args.get("reminder"), args.getOrDefault("answer", args.get("action")), args.get("as"), false);
        } catch (PressRefused e) {
            send(exchange, e.status(), error(e.error()).put("detail", e.getMessage()));
            return;
        }
        ObjectNode answer = ok().put("reminder", press.reminderId()).put("user", press.user()).put("email", press.email())
                .put("button", press.action()).put("appStatus", press.status()).put("appBody", press.body());
        ArrayNode responses = answer.putArray("responses");
        press.responses().forEach(responses::add);
        send(exchange, 200, answer);
    }

    private void demoMessages(HttpExchange exchange) throws IOException {
        Map<String, String> args = arguments(exchange);
        ObjectNode answer = ok().put("team", TEAM_NAME);
        ArrayNode list = answer.putArray("messages");
        for (Message m : messages()) {
            if (args.get("user") != null && !args.get("user").equals(m.user()) && !args.get("user").equals(m.email())) {
                continue;
            }
            ObjectNode item = list.addObject().put("ts", m.ts()).put("postedAt", m.postedAt().toString()).put("channel", m.channel())
                    .put("user", m.user()).put("email", m.email()).put("text", firstText(m.blocks(), m.text()))
                    .put("reminder", m.reminderId()).put("answered", m.answered());
            ArrayNode buttons = item.putArray("buttons");
            m.buttons().forEach(buttons::add);
        }
        send(exchange, 200, answer);
    }

    // ---- state

    private void remember(Message message) {
        synchronized (messages) {
            messages.put(message.channel() + "/" + message.ts(), message);
            while (messages.size() > KEPT_MESSAGES) {
                messages.remove(messages.keySet().iterator().next());
            }
        }
        save();
    }

    private void load() {
        if (stateFile == null || !Files.exists(stateFile)) {
            return;
        }
        try {
            State state = Api.JSON.readValue(stateFile.toFile(), State.class);
            if (state.botTokens() != null) {
                botTokens.addAll(state.botTokens());
            }
            if (state.emails() != null) {
                emails.putAll(state.emails());
            }
            if (state.messages() != null) {
                synchronized (messages) {
                    state.messages().forEach(m -> messages.put(m.channel() + "/" + m.ts(), m));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + stateFile, e);
        }
    }

    private void save() {
        if (stateFile == null) {
            return;
        }
        synchronized (this) {
            try {
                Files.createDirectories(stateFile.getParent());
                Path next = stateFile.resolveSibling(stateFile.getFileName() + ".next");
                Api.JSON.writeValue(next.toFile(), new State(Set.copyOf(botTokens), Map.copyOf(emails), messages()));
                Files.move(next, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                logLine("cannot save " + stateFile + ": " + e.getMessage());
            }
        }
    }

    // ---- helpers

    /** Handler errors become a 500 with Slack's {@code internal_error} rather than a dropped connection. */
    private com.sun.net.httpserver.HttpHandler guard(com.sun.net.httpserver.HttpHandler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                logLine("error on " + exchange.getRequestURI().getPath() + ": " + e);
                try {
                    send(exchange, 500, error("internal_error"));
                } catch (IOException | RuntimeException ignored) {
                    // the answer had started already
                }
            } finally {
                exchange.close();
            }
        };
    }

    /** Query string and form-encoded or JSON body together, as Slack accepts either for most methods. */
    static Map<String, String> arguments(HttpExchange exchange) throws IOException {
        Map<String, String> args = new LinkedHashMap<>(split(exchange.getRequestURI().getRawQuery()));
        String body = body(exchange);
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (type.startsWith("application/json") && !body.isBlank()) {
            JsonNode json = Api.JSON.readTree(body);
            json.fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        } else {
            args.putAll(split(body));
        }
        return args;
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** An {@code application/x-www-form-urlencoded} string (or query), the first value of each name. */
    static Map<String, String> split(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String token(HttpExchange exchange, Map<String, String> args) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : args.get("token");
        // the SDK sends an empty bearer when it has no token
        return token == null || token.isBlank() || token.equals("null") ? null : token;
    }

    /** A user id, or a DM channel of a member, to the member it reaches; null if neither. */
    private String recipient(String channel) {
        if (channel == null) {
            return null;
        }
        if (emails.containsKey(channel)) {
            return channel;
        }
        if (channel.startsWith("D") && emails.containsKey("U" + channel.substring(1))) {
            return "U" + channel.substring(1);
        }
        return null;
    }

    private static String dmChannel(String user) {
        return "D" + user.substring(1);
    }

    private static JsonNode blocks(String json) throws IOException {
        if (json == null || json.isBlank()) {
            return Api.JSON.createArrayNode();
        }
        JsonNode blocks = Api.JSON.readTree(json);
        if (!blocks.isArray()) {
            throw new IOException("blocks must be an array");
        }
        return blocks;
    }

    private static void eachButton(JsonNode blocks, Consumer<JsonNode> action) {
        if (blocks == null) {
            return;
        }
        for (JsonNode block : blocks) {
            if ("actions".equals(block.path("type").asText())) {
                for (JsonNode element : block.path("elements")) {
                    if ("button".equals(element.path("type").asText())) {
                        action.accept(element);
                    }
                }
            }
        }
    }

    private static String blockIdOf(JsonNode blocks, JsonNode button) {
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if (element.equals(button)) {
                    return block.path("block_id").asText("");
                }
            }
        }
        return "";
    }

    /** The reminder a message's buttons answer ({@code done:<id>}), if it has any. */
    private static String reminderOf(JsonNode blocks) {
        List<String> values = new ArrayList<>();
        eachButton(blocks, button -> values.add(button.path("value").asText()));
        for (String value : values) {
            int colon = value.indexOf(':');
            if (colon > 0) {
                return value.substring(colon + 1);
            }
        }
        return null;
    }

    /** What a reader sees first: the first text block, else the notification text. */
    private static String firstText(JsonNode blocks, String fallback) {
        List<String> texts = texts(blocks);
        return texts.isEmpty() ? String.valueOf(fallback) : texts.get(0);
    }

    /** The last text block (an answered message's "Done ✓" line), else the notification text. */
    private static String lastText(JsonNode blocks, String fallback) {
        List<String> texts = texts(blocks);
        return texts.isEmpty() ? String.valueOf(fallback) : texts.get(texts.size() - 1);
    }

    private static List<String> texts(JsonNode blocks) {
        List<String> texts = new ArrayList<>();
        if (blocks == null) {
            return texts;
        }
        for (JsonNode block : blocks) {
            if (block.path("text").has("text")) {
                texts.add(block.path("text").path("text").asText());
            }
            if ("context".equals(block.path("type").asText())) {
                for (JsonNode element : block.path("elements")) {
                    if (element.has("text")) {
                        texts.add(element.path("text").asText().replace("*", ""));
                    }
                }
            }
        }
        return texts;
    }

    private ObjectNode messageJson(Message message) {
        ObjectNode json = Api.JSON.createObjectNode().put("type", "message").put("subtype", "bot_message")
                .put("text", message.text()).put("user", BOT_USER_ID).put("bot_id", BOT_ID).put("app_id", APP_ID)
                .put("ts", message.ts()).put("team", TEAM_ID);
        json.set("blocks", message.blocks());
        return json;
    }

    /** Slack's message timestamps: seconds with six digits after the point, unique in the workspace. */
    private synchronized String nextTs() {
        long micros = Math.max(lastTs + 1, Instant.now().toEpochMilli() * 1000);
        lastTs = micros;
        return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
    }

    private String who(String user) {
        String email = emails.get(user);
        if (email == null) {
            return user;
        }
        int at = email.indexOf('@');
        return (at > 0 ? email.substring(0, at) + "@…" : email) + " (" + user + ")";
    }

    private static String reminderSuffix(Message message) {
        return message.reminderId() == null ? "" : "   reminder " + shortId(message.reminderId());
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String shorten(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        if (oneLine.length() <= TERMINAL_TEXT) {
            return oneLine;
        }
        int cut = oneLine.lastIndexOf(' ', TERMINAL_TEXT - 1);
        return oneLine.substring(0, cut > TERMINAL_TEXT / 2 ? cut : TERMINAL_TEXT - 1) + "…";
    }

    private static String describe(String method, Map<String, String> args) {
        Map<String, String> shown = new LinkedHashMap<>(args);
        shown.remove("token");
        shown.remove("client_secret");
        shown.computeIfPresent("blocks", (k, v) -> v.length() > 80 ? v.substring(0, 80) + "…" : v);
        shown.computeIfPresent("view", (k, v) -> v.length() > 80 ? v.substring(0, 80) + "…" : v);
        return shown.toString();
    }

    private void say(String line) {
        String stamped = "  [" + LocalTime.now().withNano(0) + " slack] " + line;
        if (out != null) {
            out.println(stamped);
        }
        logLine(line);
    }

    private void logLine(String line) {
        if (log != null) {
            log.println(Instant.now() + " " + line);
        }
    }

    private static ObjectNode ok() {
        return Api.JSON.createObjectNode().put("ok", true);
    }

    private static ObjectNode error(String code) {
        return Api.JSON.createObjectNode().put("ok", false).put("error", code);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Api.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }

    private static void page(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        if (log != null) {
            log.close();
        }
    }
}
