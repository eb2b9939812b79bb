package io.upright.contracts;

/** The five services; each owns one topic and names itself as the CloudEvents source. */
public enum UprightService {
    PROGRAMS("programs"),
    ASSESSMENTS("assessments"),
    EXERCISES("exercises"),
    REMINDERS("reminders"),
    INSIGHTS("insights");

    private final String slug;

    UprightService(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** The topic this service publishes its integration events on. */
    public String topic() {
        return "upright." + slug;
    }

    /** Where this service sends the records it cannot process. */
    public String deadLetterTopic() {
        return "upright." + slug + ".dlq";
    }

    /** The CloudEvents {@code source} attribute of every event this service publishes. */
    public String source() {
        return "urn:upright:" + slug;
    }
}
