package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local stand-in for a team's chat tool: receives the break reminders that the reminders service posts to
 * a signed webhook, checks each signature (Standard Webhooks) and shows them in the terminal, so a new user
 * sees reminders arrive without a Slack workspace.
 */
public final class WebhookInbox implements AutoCloseable {

    /** One delivery as received, with whether its signature verified. */
    public record Delivery(String webhookId, JsonNode body, boolean signatureValid, Instant receivedAt) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile PrintStream out;
    private volatile Webhook verifier;
    private final List<java.util.function.Consumer<Delivery>> listeners = new CopyOnWriteArrayList<>();

    private WebhookInbox(HttpServer server, PrintStream out) {
        this.server = server;
        this.out = out;
    }

    public static WebhookInbox start(int port, PrintStream out) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            WebhookInbox inbox = new WebhookInbox(server, out);
            server.createContext("/webhooks/breaks", inbox::receive);
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "webhook-inbox");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return inbox;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the webhook inbox on port " + port, e);
        }
    }

    /**
     * Where each delivery's line goes from now on: the launcher moves them to a log file once the simulated Slack
     * workspace prints the same reminders as direct messages, so the terminal shows each reminder once.
     */
    public void printTo(PrintStream destination) {
        this.out = destination;
    }

    /** The signing secret the reminders service returned when the endpoint was registered. */
    public void trust(String secret) {
        this.verifier = new Webhook(secret);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/breaks";
    }

    /** Called for every delivery whose signature verified. */
    public void onDelivery(java.util.function.Consumer<Delivery> listener) {
        listeners.add(listener);
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            boolean valid = verify(exchange, body);
            JsonNode json;
            try {
                json = Api.JSON.readTree(body);
            } catch (IOException e) {
                json = Api.JSON.getNodeFactory().textNode(body);
            }
            Delivery delivery = new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"), json, valid, Instant.now());
            deliveries.add(delivery);
            PrintStream out = this.out;
            if (out != null) {
                String employee = json.path("employeeId").asText("?");
                String type = json.path("type").asText();
                String what = "assessment.nudge".equals(type) ? "assessment nudge" : "sitting.check-in".equals(type) ? "sitting check-in"
                        : json.path("kind").asText("break").replace('-', ' ') + " reminder";
                out.printf("  [%s %s] employee %s: %s%s%n", java.time.LocalTime.now().withNano(0), what,
                        employee.substring(0, Math.min(8, employee.length())), json.path("message").asText(body),
                        valid ? "" : "  (SIGNATURE INVALID)");
            }
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            if (valid) {
                listeners.forEach(listener -> listener.accept(delivery));
            }
        } finally {
            exchange.close();
        }
    }

    private boolean verify(HttpExchange exchange, String body) {
        Webhook current = verifier;
        if (current == null) {
            return false;
        }
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
        try {
            current.verify(body, headers);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
