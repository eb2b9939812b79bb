package io.upright.web.deskcheck;

import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The assessments service's desk-check API (see services/assessments/README.md), asked with the signed-in person's
 * own token: the service decides whose assessment this is.
 */
@RegisterRestClient(configKey = "assessments")
@RegisterProvider(PersonsToken.class)
@Path("/api")
public interface DeskCheckApi {

    record TemplateSummary(String id, int version, String title) {
    }

    record Choice(String value, String label) {
    }

    record Section(String id, String title) {
    }

    /** {@code answerType} is {@code boolean}, {@code single-choice} or {@code integer-range}. */
    record Question(String id, String section, String text, String answerType, List<Choice> allowedValues,
                    Integer min, Integer max, String unit, String help, Boolean redFlag) {
    }

    record Template(String id, int version, String title, String description, String method,
                    List<Section> sections, List<Question> questions) {
    }

    record NewAssessment(String templateId) {
    }

    record Answers(Map<String, Object> answers) {
    }

    record Finding(String code, String explanation, String action) {
    }

    record SectionChange(String section, Integer previous, Integer current, Integer change) {
    }

    /** The change since the previous submitted assessment of the same template; a negative change is better. */
    record Delta(UUID previousAssessmentId, int previousTemplateVersion, Instant previousSubmittedAt, int previousScore,
                 String previousRiskLevel, int scoreChange, List<SectionChange> sections,
                 List<String> resolvedFindings, List<String> newFindings) {
    }

    record Result(int score, int maxScore, String riskLevel, List<Finding> findings, boolean clinicalReview,
                  String clinicianAdvice, String urgency, String urgencyAdvice, List<String> precautions,
                  Map<String, Integer> sectionScores, UUID previousAssessmentId, Delta delta) {
    }

    record Assessment(UUID id, String templateId, int templateVersion, String status, Instant startedAt,
                      Instant submittedAt, Map<String, Object> answers, Result result) {

        public boolean submitted() {
            return "SUBMITTED".equals(status);
        }
    }

    record Summary(UUID id, String templateId, int templateVersion, String status, Instant startedAt,
                   Instant submittedAt, Integer score, String riskLevel, Boolean clinicalReview) {
    }

    record Summaries(List<Summary> items, int page, int size, long total) {
    }

    record TrendPoint(UUID assessmentId, int templateVersion, Instant submittedAt, int score, int maxScore,
                      String riskLevel) {
    }

    record Trend(List<TrendPoint> items, int page, int size, long total) {
    }

    @GET
    @Path("/checklist-templates")
    List<TemplateSummary> templates();

    @GET
    @Path("/checklist-templates/{id}")
    Template latestTemplate(@PathParam("id") String id);

    @GET
    @Path("/checklist-templates/{id}/versions/{version}")
    Template template(@PathParam("id") String id, @PathParam("version") int version);

    @POST
    @Path("/assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    Assessment start(NewAssessment request);

    /** The ETag of the answer is the version to send back as If-Match. */
    @GET
    @Path("/assessments/{id}")
    RestResponse<Assessment> assessment(@PathParam("id") UUID id);

    @PUT
    @Path("/assessments/{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<Assessment> saveAnswers(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Answers answers);

    @POST
    @Path("/assessments/{id}/submission")
    Assessment submit(@PathParam("id") UUID id);

    @GET
    @Path("/me/assessments")
    Summaries mine(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/me/assessments/trend")
    Trend trend(@QueryParam("templateId") String templateId, @QueryParam("page") int page, @QueryParam("size") int size);
}
