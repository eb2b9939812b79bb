package io.upright.web.content;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.upright.web.page.PageLanguage;
import io.upright.web.page.PageMessages;
import io.upright.web.page.ServiceProblem;
import io.upright.web.signin.SignedInPerson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every content page needs: whether the signed-in person is a content editor (exercises checks again with their
 * token, and only lets Upright's own content team change the library), the plain 403 page for everyone else, the
 * page's language for words made in Java, and the whole list of exercises or routines.
 */
@RequestScoped
public class ContentEditors {

    @Inject
    SignedInPerson person;

    @Inject
    @Location("content/forbidden.html")
    Template forbidden;

    @Inject
    HttpHeaders headers;

    public boolean allowed() {
        return person.isContentEditor();
    }

    public Response forbidden() {
        return Response.status(403).entity(forbidden.instance()).type("text/html;charset=UTF-8").build();
    }

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    public ContentMessages texts() {
        return PageLanguage.bundle(ContentMessages.class, headers);
    }

    public ServiceProblem problem(RuntimeException failure) {
        return ServiceProblem.of(failure, PageLanguage.bundle(PageMessages.class, headers).serviceUnavailable());
    }

    /** Every exercise or routine, page by page (the service gives at most 200 at a time), ordered by id. */
    public static List<ContentApi.Summary> all(ContentApi api, Workflow.Kind kind) {
        List<ContentApi.Summary> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            ContentApi.Page<ContentApi.Summary> one = api.list(kind.path(), page, ContentApi.MAX_PAGE);
            all.addAll(one.items());
            if (one.items().isEmpty() || all.size() >= one.total()) {
                return all;
            }
        }
    }

    /** The routine form's fields by the names the service gives them: the summary of errors says which is meant. */
    public Map<String, String> routineLabels() {
        ContentMessages t = texts();
        Map<String, String> labels = new HashMap<>(Map.of("id", t.idLabel(), "title", t.titleLabel(),
                "purpose", t.purposeLabel(), "level", t.levelLabel(), "next", t.nextLabel(), "reason", t.reasonLabel()));
        for (int i = 0; i < RoutineForm.MAX_ROWS; i++) {
            labels.put(RoutineForm.rowName(i), t.exerciseRow(i + 1));
        }
        return labels;
    }

    /** The exercise form's fields by the names the service gives them (and the form's own, for the dose's parts). */
    public Map<String, String> exerciseLabels() {
        ContentMessages t = texts();
        Map<String, String> labels = new HashMap<>(Map.of("id", t.idLabel(), "title", t.titleLabel(),
                "purpose", t.purposeLabel(), "steps", t.stepsLabel(), "safetyNotes", t.safetyNotesLabel(),
                "contraindications", t.contraindicationsLabel(), "contraindicationCodes", t.codesLabel(),
                "bodyAreas", t.bodyAreasLabel(), "position", t.positionLabel(), "equipment", t.equipmentLabel()));
        labels.putAll(Map.of("intensity", t.intensityLabel(), "source", t.sourceLabel(), "dose", t.doseLabel(),
                "durationSeconds", t.durationLabel(), "reps", t.repsLabel(), "illustration", t.illustrationLabel(),
                "media", t.mediaLabel(), "microBreak", t.flagMicroBreak(), "vigorous", t.flagVigorous(),
                "reason", t.reasonLabel()));
        labels.putAll(Map.of("dose.setupSeconds", t.doseSetup(), "dose.sets", t.doseSets(), "dose.sides", t.doseSides(),
                "dose.reps", t.doseReps(), "dose.secondsPerRep", t.doseSecondsPerRep(), "dose.restSeconds", t.doseRest(),
                "softTissueRelease", t.flagSoftTissueRelease(), "standalone", t.flagStandalone(),
                "deskFriendly", t.flagDeskFriendly()));
        return labels;
    }

    /** The form's words for what it checks itself. */
    public ExerciseForm.Words exerciseFormWords() {
        ContentMessages texts = texts();
        return new ExerciseForm.Words() {
            @Override
            public String wholeNumber() {
                return texts.wholeNumber();
            }

            @Override
            public String wholeDose() {
                return texts.wholeDose();
            }

            @Override
            public String notJson(String problem, int line, int column) {
                return texts.notJson(line, column, problem);
            }

            @Override
            public String jsonObject() {
                return texts.jsonObject();
            }

            @Override
            public String jsonList() {
                return texts.jsonList();
            }
        };
    }
}
