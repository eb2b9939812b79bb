package io.upright.web.sitting;

import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The assessments service's sitting self-report (OSPAQ): the questionnaire and the person's own reports. */
@RegisterRestClient(configKey = "assessments")
@RegisterProvider(PersonsToken.class)
@Path("/api")
public interface MySittingReports {

    record Question(String id, String text, String answerType, int min, int max, int decimals, String unit, String help) {
    }

    record Source(String instrument, String citation, String evidence) {
    }

    record Questionnaire(String version, String title, String why, List<Question> questions, String sharesRule,
                         List<String> periods, Source source) {
    }

    record Answers(Integer daysWorked, BigDecimal hoursWorked, Integer sittingPercent, Integer standingPercent,
                   Integer walkingPercent, Integer heavyLabourPercent) {
    }

    record PerWorkday(int minutesWorkedPerWorkday, int sittingMinutes, int standingMinutes, int walkingMinutes,
                      int heavyLabourMinutes) {

        /** What the program's daily target is set against: standing and walking. */
        public int standingAndWalkingMinutes() {
            return standingMinutes + walkingMinutes;
        }
    }

    record Report(String period, String questionnaireVersion, Answers answers, PerWorkday perWorkday,
                  Instant firstReportedAt, Instant reportedAt, boolean corrected) {
    }

    record Reports(List<Report> items, int page, int size, long total, String feedback) {
    }

    /** What a PUT sends: every number as typed (decimals), so the service names a fraction rather than it being cut. */
    record AnswersSent(BigDecimal daysWorked, BigDecimal hoursWorked, BigDecimal sittingPercent,
                       BigDecimal standingPercent, BigDecimal walkingPercent, BigDecimal heavyLabourPercent) {
    }

    @GET
    @Path("/sitting-questionnaire")
    Questionnaire questionnaire();

    @GET
    @Path("/me/sitting-reports")
    Reports mine();

    @PUT
    @Path("/me/sitting-reports/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    Report answer(@PathParam("period") String period, AnswersSent answers);
}
