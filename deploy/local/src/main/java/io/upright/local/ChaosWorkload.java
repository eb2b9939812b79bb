package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.upright.localinfra.DevTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chaos harness's users: through the public APIs only, HR enrols people, people take the desk check, log exercise
 * sessions and answer their break reminders, and one of them erases their data. Like a real client it sends every
 * command with an {@code Idempotency-Key} and retries it while the answer is unknown (no connection, a timeout, a 5xx)
 * or not yet possible (a 409), for up to {@link #GIVE_UP_AFTER}. A command is <b>acknowledged</b> when a 2xx comes back; each one is recorded with
 * the event its service must hold exactly once, and the fault that was being injected when it was first sent.
 */
final class ChaosWorkload implements AutoCloseable {

    /** What a client would wait before telling its user "try again later". */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    /**
     * One acknowledged command: {@code service}'s event store must hold exactly one {@code eventType} in stream
     * {@code streamId}. {@code employee} is whose data it is (null: nobody's).
     */
    record Acknowledged(String kind, String service, UUID streamId, String eventType, String employee, String fault,
                        Instant at) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final int MAX_PEOPLE = 30;
    private static final List<String> ACTIVITIES = List.of("walk", "stretch", "stand");

    private final LocalStack stack;
    private final DevTokens tokens;
    private final String tenant;
    private final List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final List<String> rejections = Collections.synchronizedList(new ArrayList<>());
    private final List<String> people = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<Runnable> reminderAnswers = new LinkedBlockingQueue<>();
    private final List<String> teams = new ArrayList<>();
    private final List<String> routines = new ArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "chaos-workload");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private volatile String fault = "none";
    private int step;

    ChaosWorkload(LocalStack stack, String tenant) {
        this.stack = stack;
        this.tokens = stack.tokens();
        this.tenant = tenant;
    }

    /** Two teams, a webhook endpoint on {@code inbox} whose reminders are answered, the routines to log. */
    void prepare(WebhookInbox inbox) {
        for (String name : List.of("Chaos Engineering", "Chaos Finance")) {
            JsonNode team = command("team", "programs", "POST", "/api/teams", hr(), Map.of("name", name), "TeamFormed", null, null);
            teams.add(team.path("id").asText());
        }
        JsonNode endpoint = send("reminders", "POST", "/api/webhook-endpoints", admin(), Map.of("url", inbox.url()),
                UUID.randomUUID().toString(), null);
        inbox.trust(endpoint.path("secret").asText());
        inbox.onDelivery(delivery -> {
            String employee = delivery.body().path("employeeId").asText();
            String reminder = delivery.body().path("reminderId").asText();
            if (!running || reminder.isEmpty() || !people.contains(employee) || erased.contains(employee)
                    || !"break.reminder".equals(delivery.body().path("type").asText()) || !answered.add(reminder)) {
                return;
            }
            reminderAnswers.add(() -> answer(employee, reminder));
        });
        JsonNode catalogue = send("exercises", "GET", "/api/routines?size=50", employeeToken(UUID.randomUUID().toString()), null, null, null);
        catalogue.path("items").forEach(r -> routines.add(r.path("id").asText()));
        if (routines.isEmpty()) {
            throw new IllegalStateException("The exercises catalogue lists no routine");
        }
    }

    void start() {
        running = true;
        for (int i = 0; i < 2; i++) {
            workers.submit(this::loop);
        }
        workers.submit(() -> {
            while (running) {
                try {
                    Runnable next = reminderAnswers.poll(500, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        next.run();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    rejections.add("reminder answer: " + e.getMessage());
                }
            }
        });
    }

    /** Names what is being injected from now on: commands first sent meanwhile are counted under it. */
    void during(String faultName) {
        this.fault = faultName;
    }

    /** Erases one person who has done something, as that person would (their own DELETE). */
    String eraseOne() {
        String person;
        synchronized (people) {
            person = people.stream().filter(p -> !erased.contains(p)).findFirst().orElseThrow();
        }
        erased.add(person);
        command("erasure", "programs", "DELETE", "/api/me/personal-data", employeeToken(person), null, "PersonalDataErased",
                UUID.fromString(person), person);
        return person;
    }

    /** Stops sending; waits for commands in flight (they finish or give up). */
    void stop() {
        running = false;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(GIVE_UP_AFTER.plusSeconds(30).toSeconds(), TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Acknowledged> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    Set<String> erasedPeople() {
        return Set.copyOf(erased);
    }

    int gaveUp() {
        return gaveUp.get();
    }

    int rejected() {
        return rejected.get();
    }

    List<String> rejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }

    String tenant() {
        return tenant;
    }

    @Override
    public void close() {
        stop();
    }

    private void loop() {
        while (running) {
            try {
                int n;
                synchronized (this) {
                    n = step++;
                }
                if (people.size() < MAX_PEOPLE && n % 3 == 0) {
                    enrol(n);
                } else if (!people.isEmpty()) {
                    String person = somePerson(n);
                    if (person != null && n % 3 == 1) {
                        assess(person, n);
                    } else if (person != null) {
                        logSession(person, n);
                    }
                }
                Thread.sleep(150);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                rejections.add(e.getMessage());
            }
        }
    }

    private String somePerson(int n) {
        synchronized (people) {
            List<String> live = people.stream().filter(p -> !erased.contains(p)).toList();
            return live.isEmpty() ? null : live.get(Math.floorMod(n * 7919, live.size()));
        }
    }

    private void enrol(int n) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("displayName", "Chaos Person " + n);
        person.put("email", "chaos" + n + "@chaos.example");
        person.put("timeZone", "UTC");
        person.put("workdayStart", "00:00");
        person.put("workdayEnd", "23:59");
        String team = teams.get(n % teams.size());
        JsonNode joined = command("enrolment", "programs", "POST", "/api/teams/" + team + "/employees", hr(), person,
                "EmployeeJoined", null, null);
        if (joined != null) {
            String id = joined.path("id").asText();
            // the employee's own stream: EmployeeJoined is theirs
            relabel(id);
            people.add(id);
        }
    }

    /** The enrolment's stream is the new employee's id, which only the answer tells. */
    private void relabel(String employee) {
        synchronized (acknowledged) {
            for (int i = acknowledged.size() - 1; i >= 0; i--) {
                Acknowledged a = acknowledged.get(i);
                if (a.kind().equals("enrolment") && a.employee() == null && a.streamId().toString().equals(employee)) {
                    acknowledged.set(i, new Acknowledged(a.kind(), a.service(), a.streamId(), a.eventType(), employee, a.fault(), a.at()));
                    return;
                }
            }
        }
    }

    private void assess(String person, int n) {
        String token = employeeToken(person);
        JsonNode started = command("assessment-start", "assessments", "POST", "/api/assessments", token,
                Map.of("templateId", "workstation-basics"), "Started", null, person);
        if (started == null) {
            return;
        }
        UUID id = UUID.fromString(started.path("id").asText());
        Map<String, Object> answers = new LinkedHashMap<>(DeskAnswers.goodDesk());
        if (command("assessment-answers", "assessments", "PUT", "/api/assessments/" + id + "/answers", token,
                Map.of("answers", answers), "AnswersSaved", id, person, "\"1\"") != null) {
            command("assessment-submit", "assessments", "POST", "/api/assessments/" + id + "/submission", token, Map.of(),
                    "Submitted", id, person, "\"2\"");
        }
    }

    private void logSession(String person, int n) {
        command("exercise-session", "exercises", "POST", "/api/me/exercise-sessions", employeeToken(person),
                Map.of("routineId", routines.get(n % routines.size()), "minutes", 5 + n % 5, "feltRating", 2 + n % 4),
                "SessionLogged", null, person);
    }

    private void answer(String employee, String reminder) {
        if (erased.contains(employee)) {
            return;
        }
        int roll = Math.floorMod(reminder.hashCode(), ACTIVITIES.size());
        command("reminder-answer", "reminders", "POST", "/api/me/reminders/" + reminder + "/answer", employeeToken(employee),
                Map.of("answer", "done", "activity", ACTIVITIES.get(roll), "activeMinutes", 2 + roll), "BreakTaken",
                UUID.fromString(reminder), employee);
    }

    /**
     * Sends a command until it is acknowledged or refused, and records an acknowledgement.
     *
     * @param stream the stream its event goes to; null: the {@code id} the answer names
     * @return the answer, or null when the command was refused (4xx) or given up
     */
    private JsonNode command(String kind, String service, String method, String path, String token, Object body,
                             String eventType, UUID stream, String employee) {
        return command(kind, service, method, path, token, body, eventType, stream, employee, null);
    }

    /** @param ifMatch the version the command expects (an assessment's), so a retry after it went through is a 412 */
    private JsonNode command(String kind, String service, String method, String path, String token, Object body,
                             String eventType, UUID stream, String employee, String ifMatch) {
        String faultAtSend = fault;
        try {
            JsonNode answer = send(service, method, path, token, body, UUID.randomUUID().toString(), ifMatch);
            UUID streamId = stream != null ? stream : UUID.fromString(answer.path("id").asText());
            acknowledged.add(new Acknowledged(kind, service, streamId, eventType, employee, faultAtSend, Instant.now()));
            return answer;
        } catch (Refused e) {
            rejected.incrementAndGet();
            rejections.add(kind + ": " + e.getMessage());
            return null;
        } catch (GaveUp e) {
            gaveUp.incrementAndGet();
            rejections.add(kind + " gave up: " + e.getMessage());
            return null;
        }
    }

    /** A command that could not be applied as sent: not an error of the system under fault, but counted. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    static final class GaveUp extends RuntimeException {
        GaveUp(String message) {
            super(message);
        }
    }

    /**
     * One request, retried with the same idempotency key while its outcome is unknown. A 409 or 412 after an attempt
     * whose answer was lost means that attempt went through (the state moved on), so it counts as the acknowledgement.
     */
    private JsonNode send(String service, String method, String path, String token, Object body, String idempotencyKey,
                          String ifMatch) {
        Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
        boolean unknownOutcome = false;
        boolean conflicted = false;
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                        .timeout(Duration.ofSeconds(20))
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token);
                if (idempotencyKey != null) {
                    request.header("Idempotency-Key", idempotencyKey);
                }
                if (ifMatch != null) {
                    request.header("If-Match", ifMatch);
                }
                HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(Api.JSON.writeValueAsBytes(body));
                if (body != null) {
                    request.header("Content-Type", "application/json");
                }
                request.method(method, publisher);
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 300) {
                    return response.body().isBlank() ? Api.JSON.nullNode() : Api.JSON.readTree(response.body());
                }
                if (status == 412 && unknownOutcome) {
                    // an If-Match command whose first try went through has moved the version on
                    return Api.JSON.nullNode();
                }
                if (status == 409) {
                    // never proof that an earlier try went through (the Idempotency-Key replays that one's answer):
                    // the state does not allow it yet, e.g. a reminder whose delivery is still being recorded
                    conflicted = true;
                    last = status + " " + response.body();
                } else if (status >= 500 || status == 429 || status == 408) {
                    unknownOutcome = true;
                    last = status + " " + response.body();
                } else {
                    throw new Refused(method + " " + path + " -> " + status + " " + response.body());
                }
            } catch (IOException e) {
                unknownOutcome = true;
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GaveUp("interrupted");
            }
            sleep(1000);
        }
        if (conflicted && last.startsWith("409")) {
            throw new Refused(method + " " + path + " -> " + last);
        }
        throw new GaveUp(method + " " + path + ": " + last);
    }

    private String hr() {
        return tokens.issue(tenant, "chaos-hr", "hr");
    }

    private String admin() {
        return tokens.issue(tenant, "chaos-admin", "admin");
    }

    private String employeeToken(String employee) {
        return tokens.issue(tenant, employee, "employee");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
