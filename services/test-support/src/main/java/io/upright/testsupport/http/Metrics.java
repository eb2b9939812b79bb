package io.upright.testsupport.http;

import io.restassured.RestAssured;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The service's {@code /q/metrics} as Prometheus scrapes it, read the way an alert rule reads it: a series by its name
 * and labels, and its value.
 */
public final class Metrics {

    private final List<String> lines;

    private Metrics(List<String> lines) {
        this.lines = lines;
    }

    /** Scrapes the service under test; fails unless it answers 200 in the Prometheus text format. */
    public static Metrics scrape() {
        String body = RestAssured.given().accept("text/plain").get("/q/metrics")
                .then().statusCode(200).extract().asString();
        List<String> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(line.trim());
            }
        }
        return new Metrics(samples);
    }

    /**
     * The value of the first sample named {@code name} that carries every given label ({@code key="value"} pairs as
     * Prometheus prints them, e.g. {@code topic="upright.programs"}); empty when there is none.
     */
    public OptionalDouble value(String name, String... labels) {
        return sample(name, labels).map(line -> OptionalDouble.of(parse(line.substring(line.lastIndexOf(' ') + 1))))
                .orElse(OptionalDouble.empty());
    }

    /** Whether a sample of that name and labels exists. */
    public boolean has(String name, String... labels) {
        return sample(name, labels).isPresent();
    }

    /**
     * Fails unless every series the shared machinery exposes is here with a value: the outbox's backlog, oldest age and
     * relay counters, the inbox's duplicates, the dead letters on {@code deadLetterTopic} ("none" for a service that
     * consumes nothing), and the lag of {@code group} on each of {@code topics}.
     */
    public Metrics assertOperationsSeries(String deadLetterTopic, String group, String... topics) {
        List<String> missing = new ArrayList<>();
        requireNumber(missing, "upright_outbox_backlog");
        requireNumber(missing, "upright_outbox_oldest_age_seconds");
        requireNumber(missing, "upright_outbox_published_total");
        requireNumber(missing, "upright_outbox_publish_failures_total");
        requireNumber(missing, "upright_inbox_duplicates_total");
        requireNumber(missing, "upright_dead_letters", "topic=\"" + deadLetterTopic + "\"", "state=\"all\"");
        requireNumber(missing, "upright_dead_letters", "topic=\"" + deadLetterTopic + "\"", "state=\"pending\"");
        for (String topic : topics) {
            requireNumber(missing, "upright_consumer_lag", "group=\"" + group + "\"", "topic=\"" + topic + "\"");
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("Not in /q/metrics with a value: " + missing + "\nScraped:\n" + String.join("\n", lines));
        }
        return this;
    }

    private void requireNumber(List<String> missing, String name, String... labels) {
        OptionalDouble value = value(name, labels);
        if (value.isEmpty() || Double.isNaN(value.getAsDouble())) {
            missing.add(name + (labels.length == 0 ? "" : java.util.Arrays.toString(labels)));
        }
    }

    /** Every sample line, for a failure message. */
    public List<String> samples() {
        return lines;
    }

    private Optional<String> sample(String name, String... labels) {
        return lines.stream().filter(line -> {
            String series = line.substring(0, line.lastIndexOf(' '));
            String seriesName = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            if (!seriesName.equals(name)) {
                return false;
            }
            for (String label : labels) {
                if (!series.contains(label)) {
                    return false;
                }
            }
            return true;
        }).findFirst();
    }

    private static double parse(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }
}
