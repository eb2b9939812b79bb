package io.upright.local;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's sources say about how it is configured: its application.properties and the environment variables
 * it reads. Read from the sources, since this module does not depend on the services. Shared by the tests that keep
 * docker-compose.yml and deploy/k8s in step with the services.
 */
final class ServiceSources {

    static final Path ROOT = Path.of(System.getProperty("upright.root", "../..")).toAbsolutePath().normalize();

    private final String service;
    private final String raw;
    private final Properties properties = new Properties();
    private final Set<String> envForms = new HashSet<>();

    private ServiceSources(String service) {
        this.service = service;
        try {
            raw = Files.readString(ROOT.resolve("services").resolve(service).resolve("src/main/resources/application.properties"));
            properties.load(new StringReader(raw));
            for (String key : properties.stringPropertyNames()) {
                envForms.add(envForm(key));
            }
            envForms.addAll(configMappingEnvForms(service));
            envForms.addAll(sharedEnvForms());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceSources of(String service) {
        return new ServiceSources(service);
    }

    Properties properties() {
        return properties;
    }

    /**
     * Whether the service reads this environment variable: named in a {@code ${VARIABLE}} expression of its
     * application.properties, or the environment form of one of its properties or {@code @ConfigMapping} methods.
     */
    boolean reads(String variable) {
        return raw.contains("${" + variable + ":") || raw.contains("${" + variable + "}") || envForms.contains(variable);
    }

    /** The default of {@code quarkus.http.port}, the port the service listens on when its variable is not set. */
    int defaultHttpPort() {
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+):(\\d+)}").matcher(properties.getProperty("quarkus.http.port", ""));
        if (!m.matches()) {
            throw new IllegalStateException(service + ": quarkus.http.port is not ${VARIABLE:port}");
        }
        return Integer.parseInt(m.group(2));
    }

    /** The variable that sets the service's HTTP port: {@code PROGRAMS_HTTP_PORT} in {@code ${PROGRAMS_HTTP_PORT:8081}}. */
    String httpPortVariable() {
        return properties.getProperty("quarkus.http.port").replaceAll("^\\$\\{([A-Z_]+):.*$", "$1");
    }

    /**
     * The environment variables that reach the service's {@code @ConfigMapping} interfaces (and the platform's) without
     * a line in application.properties: {@code upright.programs.export-sources} is read from
     * {@code UPRIGHT_PROGRAMS_EXPORT_SOURCES}.
     */
    private static Set<String> configMappingEnvForms(String service) throws IOException {
        Set<String> forms = new HashSet<>();
        List<Path> roots = List.of(ROOT.resolve("services").resolve(service).resolve("src/main/java"),
                ROOT.resolve("services/platform/src/main/java"));
        Pattern mapping = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
        Pattern method = Pattern.compile("^\\s+[\\w<>, ?.]+\\s+(\\w+)\\(\\);", Pattern.MULTILINE);
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    Matcher prefix = mapping.matcher(source);
                    if (!prefix.find()) {
                        continue;
                    }
                    Matcher methods = method.matcher(source);
                    while (methods.find()) {
                        String kebab = methods.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
                        forms.add(envForm(prefix.group(1) + "." + kebab));
                    }
                }
            }
        }
        return forms;
    }

    /**
     * The variables every application reads through upright-tracing's META-INF/microprofile-config.properties (the
     * services and the web front end all depend on it): the environment form of each property it refers to, such as
     * {@code UPRIGHT_TRACING_OTLP_ENDPOINT} for {@code ${upright.tracing.otlp-endpoint:...}}.
     */
    private static Set<String> sharedEnvForms() throws IOException {
        String shared = Files.readString(ROOT.resolve("services/tracing/src/main/resources/META-INF/microprofile-config.properties"));
        Set<String> forms = new HashSet<>();
        Matcher reference = Pattern.compile("\\$\\{([a-z0-9.-]+)[:}]").matcher(shared);
        while (reference.find()) {
            forms.add(envForm(reference.group(1)));
        }
        return forms;
    }

    private static String envForm(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
