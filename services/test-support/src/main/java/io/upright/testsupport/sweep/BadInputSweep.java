package io.upright.testsupport.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.sweep.OpenApiOperations.Operation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Walks every operation in the running service's OpenAPI document with bad input ({@link BadInputMutations}) as
 * every caller (each role, and nobody) and asserts what issue 13 promises: never a 5xx, and every 4xx that has a
 * body is {@code application/problem+json}. All failures are collected and reported together.
 *
 * <p>Use from a {@code @QuarkusTest}: {@code BadInputSweep.asRolesOf(Roles.class).run();}
 */
public final class BadInputSweep {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 240;

    private final List<String> roles;
    private final String tenant;
    private final String subject;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, String[]> extraCallers = new LinkedHashMap<>();

    private BadInputSweep(List<String> roles, String tenant, String subject) {
        this.roles = roles;
        this.tenant = tenant;
        this.subject = subject;
    }

    /** A sweep whose callers each hold one of {@code roles}, in one fresh tenant, plus a caller with no token. */
    public static BadInputSweep asRoles(String... roles) {
        return new BadInputSweep(List.of(roles), "sweep-" + UUID.randomUUID(), UUID.randomUUID().toString());
    }

    /**
     * A sweep as every role a roles-constants class declares (its {@code public static final String} fields), so a
     * role added later is swept without touching the tests.
     */
    public static BadInputSweep asRolesOf(Class<?> rolesConstants) {
        List<String> roles = new ArrayList<>();
        for (Field field : rolesConstants.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && field.getType() == String.class) {
                try {
                    roles.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return asRoles(roles.toArray(new String[0]));
    }

    /** One more caller, e.g. a role that only counts in one tenant (Upright's own content editors). */
    public BadInputSweep withCaller(String label, String tenant, String role) {
        extraCallers.put(label, new String[] {tenant, role});
        return this;
    }

    /** Callers in {@code tenant} as {@code subject}, so a test can first create things the sweep then points at. */
    public BadInputSweep inTenant(String tenant, String subject) {
        BadInputSweep copy = new BadInputSweep(roles, tenant, subject);
        copy.pathValues.putAll(pathValues);
        copy.extraCallers.putAll(extraCallers);
        return copy;
    }

    /** The baseline value of a path parameter (e.g. the id of something that exists), instead of a random one. */
    public BadInputSweep pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** Runs the sweep and throws one {@link AssertionError} listing every failure. Returns what it did. */
    public Result run() {
        long started = System.nanoTime();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("no token", null);
        DevTokens tokens = DevTokens.forTests();
        for (String role : roles) {
            callers.put(role, tokens.issue(tenant, subject, role));
        }
        extraCallers.forEach((label, tenantAndRole) -> callers.put(label, tokens.issue(tenantAndRole[0], subject, tenantAndRole[1])));
        List<Operation> operations = new OpenApiOperations(openApi()).operations();
        BadInputMutations mutations = new BadInputMutations(pathValues);
        Map<String, Failure> failures = new LinkedHashMap<>();
        int sent = 0;
        // how the service answered, for the summary: a sweep that only ever saw 401s proved little
        Map<Integer, Integer> statuses = new TreeMap<>();
        // every request and its status, so a run can be read afterwards (target/ of the service under test)
        StringBuilder log = new StringBuilder("caller\tstatus\toperation\tmutation\n");
        Map<String, Map<String, String>> seeds = new LinkedHashMap<>();
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            seeds.put(caller.getKey(), seed(operations, mutations, caller.getValue()));
        }
        for (Operation op : operations) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                List<SweepRequest> requests = mutations.of(op, seededPathValues(op, seeds.get(caller.getKey())));
                boolean turnedAway = false;
                for (SweepRequest request : requests) {
                    if (turnedAway && !request.sampled()) {
                        continue;
                    }
                    Outcome outcome = send(request, caller.getValue());
                    sent++;
                    statuses.merge(outcome.status, 1, Integer::sum);
                    log.append(caller.getKey()).append('\t').append(outcome.status).append('\t')
                            .append(request.operation()).append('\t').append(request.mutation()).append('\n');
                    if (request.mutation().equals("baseline")) {
                        turnedAway = outcome.status == 401 || outcome.status == 403;
                    }
                    String problem = verdict(op, outcome);
                    if (problem != null) {
                        String key = request.operation() + " | " + request.mutation() + " | " + outcome.status + " | " + problem;
                        failures.computeIfAbsent(key, k -> new Failure(request, outcome, problem)).callers.add(caller.getKey());
                    }
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        writeLog(log);
        Result result = new Result(operations.size(), sent, failures.size(), took);
        System.out.printf("Bad-input sweep: %d operations, %d requests as %s, %d failures, %d s; statuses %s%n",
                result.operations(), result.requests(), callers.keySet(), result.failures(), took.toSeconds(), statuses);
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder()
                    .append(failures.size()).append(" bad-input responses broke the promise (no 5xx; every 4xx body ")
                    .append("is application/problem+json), of ").append(sent).append(" requests:\n");
            for (Failure f : failures.values()) {
                message.append("- ").append(f.request.operation()).append(" [").append(f.request.mutation()).append("] as ")
                        .append(String.join(", ", f.callers)).append(": ").append(f.problem)
                        .append("; url ").append(excerpt(f.request.url(), 120))
                        .append("; body ").append(excerpt(f.outcome.body, EXCERPT)).append('\n');
            }
            throw new AssertionError(message.toString());
        }
        return result;
    }

    /**
     * Creates one of everything the caller may create, with the baseline body of each {@code POST} on a collection,
     * and remembers where it went (collection path to the new id from {@code Location}). Operations on
     * {@code <collection>/{param}} then point at something that exists, so their bad bodies reach the domain's own
     * checks instead of stopping at a 404.
     */
    private static Map<String, String> seed(List<Operation> operations, BadInputMutations mutations, String token) {
        Map<String, String> created = new LinkedHashMap<>();
        for (Operation op : operations) {
            if (!op.method().equals("POST") || op.path().contains("{") || !op.jsonBody()) {
                continue;
            }
            SweepRequest baseline = mutations.of(op).get(0);
            try {
                Response response = spec(baseline, token).request(baseline.method(), baseline.url());
                String location = response.header("Location");
                if (response.statusCode() == 201 && location != null) {
                    String path = location.replaceFirst("^[a-z]+://[^/]+", "").replaceFirst("[?#].*$", "");
                    if (path.startsWith(op.path() + "/")) {
                        created.put(op.path(), path.substring(op.path().length() + 1).split("/")[0]);
                    }
                }
            } catch (RuntimeException e) {
                // a seed that cannot be created just leaves the operation on a random id
            }
        }
        return created;
    }

    /** The seeded id for the first path parameter right after a seeded collection, e.g. {id} in /api/things/{id}. */
    private static Map<String, String> seededPathValues(Operation op, Map<String, String> seeds) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> seed : seeds.entrySet()) {
            String prefix = seed.getKey() + "/{";
            if (op.path().startsWith(prefix)) {
                int end = op.path().indexOf('}', prefix.length());
                values.put(op.path().substring(prefix.length(), end), seed.getValue());
            }
        }
        return values;
    }

    /**
     * What is wrong with a response, or null when nothing is: a 5xx, no response at all, or a 4xx whose body is not a
     * problem document (HTML pages may answer their own way).
     */
    static String verdict(Operation op, Outcome outcome) {
        if (outcome.status < 0) {
            return "no HTTP response (" + outcome.body + ")";
        }
        if (outcome.status >= 500) {
            return "status " + outcome.status;
        }
        if (outcome.status >= 400 && !outcome.body.isEmpty() && !op.htmlPage()
                && (outcome.contentType == null || !outcome.contentType.startsWith("application/problem+json"))) {
            return "status " + outcome.status + " as " + outcome.contentType + ", not application/problem+json";
        }
        return null;
    }

    private static void writeLog(CharSequence log) {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            try {
                Files.writeString(target.resolve("bad-input-sweep.tsv"), log);
            } catch (IOException e) {
                // only a convenience for reading a run; the assertion below is what matters
            }
        }
    }

    private static JsonNode openApi() {
        String document = RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome send(SweepRequest request, String token) {
        try {
            Response response = spec(request, token).request(request.method(), request.url());
            return new Outcome(response.statusCode(), response.contentType(), response.asString());
        } catch (RuntimeException e) {
            return new Outcome(-1, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static RequestSpecification spec(SweepRequest request, String token) {
        RequestSpecification spec = RestAssured.given().urlEncodingEnabled(false).accept(request.accept());
        if (token != null) {
            spec.auth().oauth2(token);
        }
        request.headers().forEach(spec::header);
        if (request.body() != null) {
            // RestAssured only encodes form bodies given as text; raw bytes suit every other media type
            boolean form = request.contentType() != null && request.contentType().contains("x-www-form-urlencoded");
            spec.contentType(request.contentType());
            if (form) {
                spec.body(new String(request.body(), StandardCharsets.UTF_8));
            } else {
                spec.body(request.body());
            }
        }
        return spec;
    }

    private static String excerpt(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replace('\n', ' ').replace("\u0000", "\\u0000");
        return flat.length() <= max ? flat : flat.substring(0, max) + "… (" + flat.length() + " chars)";
    }

    /** What a sweep did: for the report and for a test that wants to be sure it did something. */
    public record Result(int operations, int requests, int failures, Duration took) {
    }

    record Outcome(int status, String contentType, String body) {
    }

    private static final class Failure {
        final SweepRequest request;
        final Outcome outcome;
        final String problem;
        final Set<String> callers = new LinkedHashSet<>();

        Failure(SweepRequest request, Outcome outcome, String problem) {
            this.request = request;
            this.outcome = outcome;
            this.problem = problem;
        }
    }
}
