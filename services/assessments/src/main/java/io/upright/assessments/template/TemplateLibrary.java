package io.upright.assessments.template;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every published checklist template version, read from JSON data files. Pure: it only needs a way to open
 * a named file, so tests load the real files without Quarkus.
 */
public final class TemplateLibrary {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final List<ChecklistTemplate> templates;

    public TemplateLibrary(List<ChecklistTemplate> templates) {
        for (ChecklistTemplate template : templates) {
            checkWellFormed(template);
        }
        this.templates = templates.stream()
                .sorted(Comparator.comparing(ChecklistTemplate::id).thenComparing(ChecklistTemplate::version))
                .toList();
    }

    /**
     * Loads {@code index.json} and every file it lists.
     *
     * @param open opens a file by its name relative to the template folder
     */
    public static TemplateLibrary load(Function<String, InputStream> open) {
        try (InputStream index = open.apply("index.json")) {
            JsonNode files = JSON.readTree(index).get("files");
            List<ChecklistTemplate> templates = new ArrayList<>();
            for (JsonNode file : files) {
                try (InputStream in = open.apply(file.asText())) {
                    if (in == null) {
                        throw new IllegalStateException("Template file " + file.asText() + " is listed but missing");
                    }
                    templates.add(JSON.readValue(in, ChecklistTemplate.class));
                }
            }
            return new TemplateLibrary(templates);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read checklist templates", e);
        }
    }

    /** Every version of every template, ordered by id then version. */
    public List<ChecklistTemplate> all() {
        return templates;
    }

    /** The newest version of each template, ordered by id. */
    public List<ChecklistTemplate> latestVersions() {
        return templates.stream().map(ChecklistTemplate::id).distinct().map(id -> latest(id).orElseThrow()).toList();
    }

    public Optional<ChecklistTemplate> latest(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).max(Comparator.comparing(ChecklistTemplate::version));
    }

    public Optional<ChecklistTemplate> version(String id, int version) {
        return templates.stream().filter(t -> t.id().equals(id) && t.version() == version).findFirst();
    }

    /** A broken data file fails at startup rather than at someone's submission. */
    private static void checkWellFormed(ChecklistTemplate template) {
        String name = template.id() + " v" + template.version();
        if (template.id() == null || template.version() < 1 || template.questions() == null || template.questions().isEmpty()) {
            throw new IllegalStateException("Template " + name + " needs an id, a version >= 1 and questions");
        }
        Set<String> sections = new HashSet<>();
        template.sections().forEach(s -> sections.add(s.id()));
        Set<String> ids = new HashSet<>();
        for (Question q : template.questions()) {
            if (!ids.add(q.id())) {
                throw new IllegalStateException("Template " + name + " repeats question " + q.id());
            }
            if (!sections.contains(q.section())) {
                throw new IllegalStateException("Question " + q.id() + " of " + name + " names an unknown section");
            }
            if (q.answerType() == null || q.text() == null || q.text().isBlank()) {
                throw new IllegalStateException("Question " + q.id() + " of " + name + " needs text and an answer type");
            }
            if (q.answerType() == AnswerType.SINGLE_CHOICE && (q.allowedValues() == null || q.allowedValues().isEmpty())) {
                throw new IllegalStateException("Choice question " + q.id() + " of " + name + " lists no allowed values");
            }
            if (q.isRedFlag() && q.answerType() != AnswerType.BOOLEAN) {
                // a red flag is raised by a "yes"; other answer types would have no clear trigger
                throw new IllegalStateException("Red-flag question " + q.id() + " of " + name + " must be a yes/no question");
            }
            if (q.answerType() == AnswerType.INTEGER_RANGE && (q.min() == null || q.max() == null || q.min() > q.max())) {
                throw new IllegalStateException("Range question " + q.id() + " of " + name + " needs min <= max");
            }
        }
    }
}
