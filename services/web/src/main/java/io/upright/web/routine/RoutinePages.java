package io.upright.web.routine;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.upright.web.page.PageLanguage;
import io.upright.web.page.PageMessages;
import io.upright.web.page.ServiceProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;

/**
 * Today's routine (from the exercises service's recommendation) and its player: one exercise at a time, then "I did
 * it", which logs a session. Nothing is kept here; each page asks the service for the current routine.
 */
@Path("/routine")
@Produces(MediaType.TEXT_HTML)
public class RoutinePages {

    /** One exercise as a page shows it: its place in the routine and its drawing as inline SVG. */
    public record Card(int number, MyRoutine.Exercise exercise, String figure) {
    }

    @Inject
    @RestClient
    MyRoutine exercises;

    @Inject
    @Location("routine/routine.html")
    Template routinePage;

    @Inject
    @Location("routine/play.html")
    Template playPage;

    @Context
    HttpHeaders headers;

    @GET
    public TemplateInstance routine(@QueryParam("logged") String logged) {
        TemplateInstance page = routinePage.data("logged", logged != null);
        try {
            MyRoutine.Recommendation recommendation = exercises.recommendation();
            return page.data("recommendation", recommendation).data("cards", cards(recommendation.routine()))
                    .data("problem", null).data("noCheckYet", false);
        } catch (WebApplicationException | ProcessingException e) {
            ServiceProblem problem = ServiceProblem.of(e, unavailable());
            // 404 = no assessment result yet: not a failure, the person is sent to the desk check
            return page.data("recommendation", null).data("cards", List.of()).data("noCheckYet", problem.notFound())
                    .data("problem", problem.notFound() ? null : problem);
        }
    }

    @GET
    @Path("/play")
    public Response play(@QueryParam("step") String step) {
        MyRoutine.Recommendation recommendation;
        try {
            recommendation = exercises.recommendation();
        } catch (WebApplicationException | ProcessingException e) {
            return toRoutine();
        }
        if (recommendation.routine() == null || recommendation.routine().exercises().isEmpty()) {
            return toRoutine();
        }
        MyRoutine.Routine routine = recommendation.routine();
        int at = Player.step(step, routine.exercises().size());
        Player.Answers prefilled = new Player.Answers(String.valueOf(routine.durationMinutes()), null, null);
        return Response.ok(player(routine, at, prefilled, null)).build();
    }

    @POST
    @Path("/log")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response log(@RestForm String routineId, @RestForm String minutes, @RestForm String feltRating,
                        @RestForm String discomfort) {
        Player.Answers answers = new Player.Answers(minutes, feltRating, discomfort);
        Player.Parsed parsed = Player.parse(answers);
        ServiceProblem problem;
        if (!parsed.notNumbers().isEmpty()) {
            problem = Player.notNumbers(parsed.notNumbers(), PageLanguage.bundle(RoutineMessages.class, headers).notANumber());
        } else {
            try {
                exercises.log(new MyRoutine.NewSession(routineId, parsed.minutes(), parsed.feltRating(), parsed.discomfort()));
                return Response.seeOther(URI.create("/routine?logged=1")).build();
            } catch (WebApplicationException | ProcessingException e) {
                problem = ServiceProblem.of(e, unavailable());
            }
        }
        // refused: the form again, with what was typed and each error at its field
        MyRoutine.Routine routine = currentRoutine(routineId);
        if (routine == null) {
            return toRoutine();
        }
        return Response.status(problem.status() >= 500 ? 503 : 400)
                .entity(player(routine, routine.exercises().size() + 1, answers, problem)).build();
    }

    private TemplateInstance player(MyRoutine.Routine routine, int step, Player.Answers answers, ServiceProblem problem) {
        int count = routine.exercises().size();
        List<Card> cards = cards(routine);
        return playPage.data("routine", routine).data("step", step).data("count", count)
                .data("previous", step > 1 ? step - 1 : null).data("nextStep", step + 1)
                .data("card", step <= count ? cards.get(step - 1) : null)
                .data("answers", answers).data("problem", problem)
                .data("errors", problem == null ? java.util.Map.of() : problem.byField());
    }

    /** The routine the form was for, when it is still the person's current one. */
    private MyRoutine.Routine currentRoutine(String routineId) {
        try {
            MyRoutine.Routine routine = exercises.recommendation().routine();
            return routine != null && routine.id().equals(routineId) ? routine : null;
        } catch (WebApplicationException | ProcessingException e) {
            return null;
        }
    }

    static List<Card> cards(MyRoutine.Routine routine) {
        if (routine == null) {
            return List.of();
        }
        List<MyRoutine.Exercise> parts = routine.exercises();
        return java.util.stream.IntStream.range(0, parts.size())
                .mapToObj(i -> new Card(i + 1, parts.get(i), FigureRenderer.svg(parts.get(i).illustration(), (i + 1) + "-" + parts.get(i).id())))
                .toList();
    }

    private static Response toRoutine() {
        return Response.seeOther(URI.create("/routine")).build();
    }

    private String unavailable() {
        return PageLanguage.bundle(PageMessages.class, headers).serviceUnavailable();
    }
}
