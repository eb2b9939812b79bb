package io.upright.assessments.template;

import io.upright.platform.domain.Rejection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** The template library loaded once from {@code src/main/resources/templates}. */
@ApplicationScoped
public class ChecklistTemplates {

    static final String FOLDER = "templates/";

    private final TemplateLibrary library = TemplateLibrary.load(
            name -> ChecklistTemplates.class.getClassLoader().getResourceAsStream(FOLDER + name));

    public TemplateLibrary library() {
        return library;
    }

    public List<ChecklistTemplate> latestVersions() {
        return library.latestVersions();
    }

    public ChecklistTemplate latest(String id) {
        return library.latest(id).orElseThrow(() -> Rejection.notFound("Checklist template " + id));
    }

    public ChecklistTemplate version(String id, int version) {
        return library.version(id, version)
                .orElseThrow(() -> Rejection.notFound("Checklist template " + id + " version " + version));
    }

    public Optional<ChecklistTemplate> find(String id, int version) {
        return library.version(id, version);
    }
}
