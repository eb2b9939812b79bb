package io.upright.localinfra;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak, the identity provider people sign in with locally: the {@code keycloak-quarkus-dist} zip from
 * Maven Central, downloaded once into a cache and built once for PostgreSQL, then run as its own process with its
 * database on the project's PostgreSQL. Realms and users are created through Keycloak's admin REST API (as a
 * platform team would script it), so one server can hold a realm per test and a realm can gain users later.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String VERSION = "26.5.6";
    /** Keycloak 26 runs on Java 21 or newer; the project itself stays on 17. */
    static final int JAVA_NEEDED = 21;
    private static final String CENTRAL = "https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String baseUrl;
    private final String adminPassword;

    private KeycloakServer(Process process, String baseUrl, String adminPassword) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.adminPassword = adminPassword;
    }

    /** Where and how to run it. */
    public record Options(Path cache, Path home, int port, int managementPort, String jdbcUrl, String dbUser, String dbPassword) {
    }

    /**
     * Starts Keycloak and returns once it reports ready. The bootstrap administrator's password is made on first use
     * and kept in {@code home}; Keycloak creates that administrator only on its first start against an empty database.
     */
    public static KeycloakServer start(Options options, Duration timeout) {
        try {
            Path dist = install(options.cache());
            Path javaHome = javaHome().orElseThrow(() -> new IllegalStateException("Keycloak " + VERSION + " needs Java "
                    + JAVA_NEEDED + " or newer: set UPRIGHT_KEYCLOAK_JAVA_HOME (or install one under /usr/lib/jvm)"));
            Files.createDirectories(options.home());
            String adminPassword = LocalSecrets.readOrCreate(options.home().resolve("keycloak-admin-password"), 18);
            String baseUrl = "http://localhost:" + options.port();
            List<String> command = List.of(dist.resolve("bin/kc.sh").toString(), "start", "--optimized",
                    "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + options.port(),
                    "--http-management-port=" + options.managementPort(),
                    // one public address: tokens name it as their issuer whichever address a caller used
                    "--hostname=" + baseUrl, "--hostname-strict=false",
                    "--db-url=" + options.jdbcUrl(), "--db-username=" + options.dbUser(), "--db-password=" + options.dbPassword(),
                    "--log=file", "--log-file=" + options.home().resolve("keycloak.log"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(options.home().resolve("keycloak.out").toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", javaHome.toString());
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            Process process = builder.start();
            KeycloakServer server = new KeycloakServer(process, baseUrl, adminPassword);
            server.awaitReady(options.managementPort(), timeout, options.home());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak", e);
        }
    }

    /** {@code http://localhost:<port>}: what browsers and services use, and the prefix of every issuer. */
    public String baseUrl() {
        return baseUrl;
    }

    public String issuer(String realm) {
        return baseUrl + "/realms/" + realm;
    }

    /** Creates the realm from its JSON representation unless it exists. */
    public void ensureRealm(String realm, String representation) {
        String token = adminToken();
        HttpResponse<String> existing = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm))
                .header("Authorization", "Bearer " + token).GET().build());
        if (existing.statusCode() == 200) {
            return;
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(representation)).build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused realm " + realm + ": " + created.statusCode() + " " + created.body());
        }
    }

    /**
     * Lets administrators (and so the admin API) keep attributes the realm's user profile does not declare, such as
     * {@code tenant} and {@code employee_id}; people themselves can neither see nor change them.
     */
    public void keepAdminManagedAttributes(String realm) {
        try {
            String token = adminToken();
            URI profile = URI.create(baseUrl + "/admin/realms/" + realm + "/users/profile");
            HttpResponse<String> current = send(HttpRequest.newBuilder(profile).header("Authorization", "Bearer " + token).GET().build());
            if (current.statusCode() != 200) {
                throw new IllegalStateException("Cannot read the user profile of " + realm + ": " + current.statusCode());
            }
            com.fasterxml.jackson.databind.node.ObjectNode config = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(current.body());
            if ("ADMIN_EDIT".equals(config.path("unmanagedAttributePolicy").asText())) {
                return;
            }
            config.put("unmanagedAttributePolicy", "ADMIN_EDIT");
            HttpResponse<String> updated = send(HttpRequest.newBuilder(profile).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))).build());
            if (updated.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the user profile of " + realm + ": " + updated.statusCode() + " " + updated.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds users (Keycloak's user representations) to the realm; those that exist already are left as they are. */
    public void addUsers(String realm, List<Map<String, Object>> users) {
        try {
            String body = JSON.writeValueAsString(Map.of("ifResourceExists", "SKIP", "users", users));
            HttpResponse<String> imported = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/partialImport"))
                    .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the users of " + realm + ": " + imported.statusCode() + " " + imported.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Cannot sign in to Keycloak's admin API: " + response.statusCode() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(int managementPort, Duration timeout, Path home) {
        Instant deadline = Instant.now().plus(timeout);
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + home.resolve("keycloak.out"));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while Keycloak started", e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + home.resolve("keycloak.out"));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The unpacked distribution in {@code cache}, built for PostgreSQL with health checks: downloaded (checked against
     * Maven Central's SHA-1) and built only the first time.
     */
    static Path install(Path cache) throws IOException {
        Path dist = cache.resolve("keycloak-" + VERSION);
        Path built = dist.resolve(".upright-built");
        if (Files.exists(built)) {
            return dist;
        }
        Files.createDirectories(cache);
        Path zip = cache.resolve("keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.exists(zip)) {
            download(zip);
        }
        Path unpacking = Files.createTempDirectory(cache, "keycloak-unpacking-");
        unzip(zip, unpacking);
        Path top = unpacking.resolve("keycloak-" + VERSION);
        for (String script : List.of("bin/kc.sh", "bin/kcadm.sh", "bin/kcreg.sh")) {
            Path file = top.resolve(script);
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Path javaHome = javaHome().orElseThrow(() -> new IllegalStateException("Keycloak needs Java " + JAVA_NEEDED + " or newer"));
        ProcessBuilder build = new ProcessBuilder(top.resolve("bin/kc.sh").toString(), "build", "--db=postgres", "--health-enabled=true")
                .redirectErrorStream(true).redirectOutput(cache.resolve("keycloak-build.log").toFile());
        build.environment().put("JAVA_HOME", javaHome.toString());
        try {
            int exit = build.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Keycloak's build step failed (" + exit + "); see " + cache.resolve("keycloak-build.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Files.writeString(top.resolve(".upright-built"), Instant.now().toString());
        if (Files.exists(dist)) {
            Directories.deleteQuietly(dist);
        }
        Files.move(top, dist, StandardCopyOption.ATOMIC_MOVE);
        Directories.deleteQuietly(unpacking);
        return dist;
    }

    private static void download(Path zip) throws IOException {
        String url = CENTRAL + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".zip";
        Path partial = zip.resolveSibling(zip.getFileName() + ".part");
        try {
            HttpResponse<Path> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new IOException("Maven Central answered " + response.statusCode() + " for " + url);
            }
            String expected = HTTP.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body().trim().split("\\s+")[0];
            String actual = sha1(partial);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IOException("The Keycloak download does not match Maven Central's SHA-1 (" + actual + " vs " + expected + ")");
            }
            Files.move(partial, zip, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading Keycloak", e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("Zip entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** A JDK new enough for Keycloak: UPRIGHT_KEYCLOAK_JAVA_HOME, this JVM's own, or one under /usr/lib/jvm. */
    static Optional<Path> javaHome() {
        String configured = System.getenv("UPRIGHT_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        if (Runtime.version().feature() >= JAVA_NEEDED) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(jvms)) {
            dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")) && feature(d) >= JAVA_NEEDED).forEach(candidates::add);
        } catch (IOException e) {
            return Optional.empty();
        }
        return candidates.stream().max((a, b) -> Integer.compare(feature(a), feature(b)));
    }

    /** The feature version a JDK's {@code release} file names, 0 when unknown. */
    private static int feature(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
