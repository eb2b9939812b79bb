package io.upright.reminders.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 whose answers a test scripts per path: each path answers its queued responses
 * in order, then 204. Paths under {@code /down/} always answer 500. It records every call with its
 * {@code webhook-id}, {@code webhook-timestamp} and a monotonic arrival time.
 */
public final class ScriptedReceiver implements AutoCloseable {

    /** One scripted answer. */
    public record Answer(int status, Map<String, String> headers) {
        public static Answer of(int status) {
            return new Answer(status, Map.of());
        }
    }

    /** One call as received. */
    public record Call(String path, String webhookId, long webhookTimestamp, long arrivedNanos) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public ScriptedReceiver() {
        try {
            // a real backlog and several handler threads: two engines post whole batches in parallel
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            calls.add(new Call(path, exchange.getRequestHeaders().getFirst("webhook-id"),
                    timestamp == null ? -1 : Long.parseLong(timestamp), arrived));
            Answer answer;
            if (path.startsWith("/down/")) {
                answer = Answer.of(500);
            } else {
                Deque<Answer> script = scripts.get(path);
                Answer next = script == null ? null : script.pollFirst();
                answer = next == null ? Answer.of(204) : next;
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    /** The next calls to {@code path} get these answers, in order; afterwards 204. */
    public ScriptedReceiver script(String path, Answer... answers) {
        scripts.computeIfAbsent(path, p -> new java.util.concurrent.ConcurrentLinkedDeque<>()).addAll(List.of(answers));
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Calls carrying this webhook id, in arrival order. */
    public List<Call> callsFor(String webhookId) {
        List<Call> found = new ArrayList<>();
        for (Call call : calls) {
            if (webhookId.equals(call.webhookId())) {
                found.add(call);
            }
        }
        found.sort((a, b) -> Long.compare(a.arrivedNanos(), b.arrivedNanos()));
        return found;
    }

    public long callsTo(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
