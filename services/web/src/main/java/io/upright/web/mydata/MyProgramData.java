package io.upright.web.mydata;

import io.upright.web.signin.PersonsToken;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.io.InputStream;
import java.time.Instant;

/** What the programs service holds about the signed-in person, their export and their erasure, with their token. */
@RegisterRestClient(configKey = "programs")
@RegisterProvider(PersonsToken.class)
@Path("/api/me")
public interface MyProgramData {

    record Me(String id, String teamId, String displayName, String email, String chatHandle, String timeZone,
              String workdayStart, String workdayEnd, boolean standingDesk, Instant enrolledAt, String status,
              Instant leftAt, Instant erasedAt) {

        public boolean erased() {
            return "erased".equals(status);
        }
    }

    @GET
    Me me();

    /** Everything Upright holds about me, gathered from every service by programs; passed through unread. */
    @GET
    @Path("/data-export")
    @Produces(MediaType.APPLICATION_JSON)
    InputStream export();

    @DELETE
    @Path("/personal-data")
    void erase();
}
