package io.upright.web.tracing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The reminders service as far as a sign-in link goes: it redeems every link for one employee, and keeps the
 * {@code traceparent} header (or "none") of each call it gets, so a test can see which trace the front end called in.
 */
public class FakeReminders implements QuarkusTestResourceLifecycleManager {

    static final BlockingQueue<String> TRACEPARENTS = new LinkedBlockingQueue<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/sign-in-links/redemptions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            TRACEPARENTS.add(traceparent == null ? "none" : traceparent);
            byte[] body = ("{\"tenant\":\"tenant-a\",\"employeeId\":\"" + UUID.randomUUID() + "\",\"path\":\"/routine\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.reminders.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "quarkus.http.test-port", "0");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
