package io.upright.reminders.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 that plays a tenant's webhook receiver: {@code /hooks/...} accepts with 204,
 * {@code /gone/...} answers 410 Gone. It keeps every request it got.
 */
public final class WebhookReceiver {

    /** A request as received; header names lower-cased, as Standard Webhooks names them. */
    public record Received(String path, Map<String, List<String>> headers, String body) {
    }

    private static WebhookReceiver instance;

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, headers, body));
            exchange.sendResponseHeaders(path.startsWith("/gone/") ? 410 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    public static synchronized WebhookReceiver get() {
        if (instance == null) {
            try {
                instance = new WebhookReceiver();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public Optional<Received> first(Predicate<Received> wanted) {
        return received.stream().filter(wanted).findFirst();
    }

    public List<Received> all(Predicate<Received> wanted) {
        return received.stream().filter(wanted).toList();
    }

    public long count(Predicate<Received> wanted) {
        return received.stream().filter(wanted).count();
    }
}
