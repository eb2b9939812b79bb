package io.upright.programs.personaldata;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.upright.localinfra.DevTokens;
import io.upright.testsupport.http.Api;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The gathered document asks each service for its part with the requester's own token, so each part is cut for
 * whoever asks: the employee's own export carries every part whole, an admin's on the employee's behalf carries
 * each part as the service serves it to someone else, without its health data and with a {@code withheld} note.
 * Here the one other service is this programs instance itself, reached over real HTTP on its platform export path
 * (the other services' parts and their health fields are proved in their own modules and in {@code UprightSystemIT}).
 */
@QuarkusTest
@TestProfile(GatheredExportFlowTest.GathersFromItself.class)
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "programs"),
        @ResourceArg(name = "topics", value = "upright.programs")})
class GatheredExportFlowTest {

    /** A fixed test port, so that the export sources can name this very instance. */
    public static class GathersFromItself implements QuarkusTestProfile {

        private static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", String.valueOf(PORT),
                    "upright.programs.export-sources", "self=http://localhost:" + PORT);
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final DevTokens TOKENS = DevTokens.forTests();
    private final String tenant = "acme-" + UUID.randomUUID();
    private final String hr = TOKENS.issue(tenant, "hr-1", "hr");
    private final String admin = TOKENS.issue(tenant, "admin-1", "admin");
    private final String name = "Ada Gathered " + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void each_part_is_cut_for_the_requester_whole_for_the_employee_and_with_a_withheld_note_for_an_admin() {
        String team = Api.as(hr).body(Map.of("name", "Gathered " + UUID.randomUUID()))
                .post("/api/teams").then().statusCode(201).extract().path("id");
        String id = Api.as(hr).body(Map.of("displayName", name, "email", "ada." + UUID.randomUUID() + "@acme.example",
                        "timeZone", "Europe/Berlin", "workdayStart", "09:00", "workdayEnd", "17:00"))
                .post("/api/teams/{id}/employees", team).then().statusCode(201).extract().path("id");

        Api.as(TOKENS.issue(tenant, id, "employee")).get("/api/me/data-export").then().statusCode(200)
                .body("employeeId", equalTo(id))
                .body("services.self.employeeId", equalTo(id))
                .body("services.self.data.profile.displayName", equalTo(name))
                .body("services.self.data.withheld", nullValue());

        Api.as(admin).get("/api/employees/{id}/data-export", id).then().statusCode(200)
                .body("employeeId", equalTo(id))
                .body("services.self.employeeId", equalTo(id))
                .body("services.self.data.profile.displayName", equalTo(name))
                .body("services.self.data.withheld", notNullValue())
                .body("services.self.data.withheld.reason", containsString("employee only"))
                .body("services.self.data.withheld.reason", containsString("their own account"));
    }
}
