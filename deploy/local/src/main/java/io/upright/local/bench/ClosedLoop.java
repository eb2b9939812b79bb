package io.upright.local.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP load generator on the JDK's client: N users, each sending the next request as soon as the
 * previous answer arrived, so the offered load follows what the service can do (no queue builds up outside it). A
 * warm-up runs first and is not counted; then every request that starts inside the measuring window is recorded. Any
 * answer but the expected status fails the run: a benchmark of error pages would measure the wrong thing.
 */
public final class ClosedLoop {

    /** @param seconds from the end of the warm-up until the last recorded request was answered */
    public record Result(int requests, double seconds, Latencies latencies) {
        public double perSecond() {
            return requests / seconds;
        }

        public Measure measure() {
            return Measure.of(perSecond(), "req/s", latencies);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int users;
    private final Duration warmUp;
    private final Duration window;

    public ClosedLoop(int users, Duration warmUp, Duration window) {
        this.users = users;
        this.warmUp = warmUp;
        this.window = window;
    }

    public Result run(HttpRequest request) throws InterruptedException {
        check(request);
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + window.toNanos();
        AtomicReference<String> failure = new AtomicReference<>();
        List<Latencies.LongList> recorded = new ArrayList<>();
        long[] lastAnswer = new long[users];
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Latencies.LongList mine = new Latencies.LongList();
            recorded.add(mine);
            int user = u;
            Thread thread = new Thread(() -> {
                while (failure.get() == null) {
                    long sent = System.nanoTime();
                    if (sent >= measureUntil) {
                        return;
                    }
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        long answered = System.nanoTime();
                        if (response.statusCode() != 200) {
                            failure.compareAndSet(null, request.uri() + " answered " + response.statusCode() + " under load");
                            return;
                        }
                        if (sent >= measureFrom) {
                            mine.add(answered - sent);
                            lastAnswer[user] = answered;
                        }
                    } catch (IOException e) {
                        failure.compareAndSet(null, request.uri() + " failed under load: " + e);
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "bench-user-" + u);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        Latencies.LongList all = new Latencies.LongList();
        recorded.forEach(all::addAll);
        long last = measureFrom;
        for (long answered : lastAnswer) {
            last = Math.max(last, answered);
        }
        if (all.size() == 0) {
            throw new IllegalStateException(request.uri() + ": no request completed in the measuring window");
        }
        return new Result(all.size(), (last - measureFrom) / 1e9, Latencies.of(all));
    }

    /** One request before the load, so that a wrong token or path fails with the service's own answer. */
    private void check(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed: " + e, e);
        }
    }
}
