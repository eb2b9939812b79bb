package io.upright.local;

import io.upright.contracts.UprightService;
import io.upright.contracts.asyncapi.AsyncApiDocument;
import io.upright.contracts.asyncapi.AsyncApiDocument.Subscription;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./upright asyncapi}: writes docs/asyncapi.yaml from the contracts module and what each service's
 * application.properties subscribes to. Read from the sources, since the contracts module cannot see the services.
 */
final class AsyncApiCommand {

    static final String DOCUMENT = "docs/asyncapi.yaml";

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    private AsyncApiCommand() {
    }

    static int run(Path root, PrintStream out) throws IOException {
        Path target = root.resolve(DOCUMENT);
        Files.writeString(target, render(root), StandardCharsets.UTF_8);
        out.println("Wrote " + root.relativize(target));
        return 0;
    }

    /** The document as the services are configured now. */
    static String render(Path root) throws IOException {
        return AsyncApiDocument.yaml(subscriptions(root));
    }

    /** Every incoming channel of every service, as its application.properties configures it. */
    static List<Subscription> subscriptions(Path root) throws IOException {
        List<Subscription> all = new ArrayList<>();
        for (UprightService service : UprightService.values()) {
            Properties p = properties(root, service);
            for (String name : p.stringPropertyNames()) {
                Matcher m = INCOMING.matcher(name);
                if (!m.matches()) {
                    continue;
                }
                String prefix = "mp.messaging.incoming." + m.group(1) + ".";
                String topic = p.getProperty(prefix + "topic", m.group(1)).strip();
                all.add(new Subscription(service, topic, deadLetterTopic(p, prefix, m.group(1))));
            }
        }
        return all;
    }

    /** As the connector resolves it (and the platform's DeadLetterPublisher): configured, else its default name. */
    private static String deadLetterTopic(Properties p, String prefix, String channel) {
        if (!"dead-letter-queue".equals(p.getProperty(prefix + "failure-strategy", "").strip())) {
            return null;
        }
        String configured = p.getProperty(prefix + "dead-letter-queue.topic", "").strip();
        return configured.isEmpty() ? "dead-letter-topic-" + channel : configured;
    }

    static Properties properties(Path root, UprightService service) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve("services").resolve(service.slug())
                .resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
