package io.upright.web.deskcheck;

import io.upright.web.deskcheck.DeskCheckApi.Question;
import io.upright.web.deskcheck.DeskCheckApi.Section;
import io.upright.web.deskcheck.DeskCheckApi.Template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desk check as a walk through a template's sections: the safety screen first (a warning sign must be known before
 * anything suggests exercise), then the precautions, then the template's other sections in its own order. Sections
 * without questions are left out.
 */
public final class Wizard {

    static final String SAFETY = "safety";
    static final String PRECAUTIONS = "precautions";

    /** Ranges this small are offered as radios (e.g. a 0–10 discomfort scale), larger ones as a number field. */
    static final int MAX_RADIO_RANGE = 10;

    private final Template template;
    private final List<Section> order;

    private Wizard(Template template, List<Section> order) {
        this.template = template;
        this.order = order;
    }

    public static Wizard of(Template template) {
        List<Section> all = template.sections() == null ? List.of() : template.sections();
        List<Section> order = new ArrayList<>();
        all.stream().filter(s -> SAFETY.equals(s.id())).forEach(order::add);
        all.stream().filter(s -> PRECAUTIONS.equals(s.id())).forEach(order::add);
        all.stream().filter(s -> !SAFETY.equals(s.id()) && !PRECAUTIONS.equals(s.id())).forEach(order::add);
        order.removeIf(s -> template.questions().stream().noneMatch(q -> s.id().equals(q.section())));
        return new Wizard(template, List.copyOf(order));
    }

    public Template template() {
        return template;
    }

    public List<Section> sections() {
        return order;
    }

    public Optional<Section> section(String id) {
        return order.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** 1-based place of a section in the walk. */
    public int position(String sectionId) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id().equals(sectionId)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("No section " + sectionId);
    }

    public Optional<String> next(String sectionId) {
        int at = position(sectionId);
        return at < order.size() ? Optional.of(order.get(at).id()) : Optional.empty();
    }

    public Optional<String> previous(String sectionId) {
        int at = position(sectionId);
        return at > 1 ? Optional.of(order.get(at - 2).id()) : Optional.empty();
    }

    /** True for sections that come after the safety screen (where its advice belongs). */
    public boolean afterSafety(String sectionId) {
        return section(SAFETY).isPresent() && position(sectionId) > position(SAFETY);
    }

    public List<Question> questions(String sectionId) {
        return template.questions().stream().filter(q -> sectionId.equals(q.section())).toList();
    }

    public int total() {
        return (int) template.questions().stream().filter(q -> section(q.section()).isPresent()).count();
    }

    public int answered(Map<String, Object> answers) {
        return (int) template.questions().stream()
                .filter(q -> section(q.section()).isPresent() && answers != null && answers.get(q.id()) != null).count();
    }

    public int answered(String sectionId, Map<String, Object> answers) {
        return (int) questions(sectionId).stream().filter(q -> answers != null && answers.get(q.id()) != null).count();
    }

    /** Where to resume: the first section, in walk order, with a question not answered yet. */
    public Optional<String> firstUnanswered(Map<String, Object> answers) {
        return order.stream().map(Section::id)
                .filter(s -> answered(s, answers) < questions(s).size())
                .findFirst();
    }

    /** The first section, in walk order, holding one of these questions. */
    public Optional<String> firstSectionOf(Collection<String> questionIds) {
        return order.stream().map(Section::id)
                .filter(s -> questions(s).stream().anyMatch(q -> questionIds.contains(q.id())))
                .findFirst();
    }

    /** The section's questions as the page shows them, with what to pre-fill and any error at each. */
    public List<QuestionView> views(String sectionId, Map<String, String> values, Map<String, String> errors) {
        return questions(sectionId).stream()
                .map(q -> QuestionView.of(q, values.get(q.id()), errors.get(q.id())))
                .toList();
    }
}
