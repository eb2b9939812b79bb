package io.upright.web.signin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.upright.web.page.ServiceProblem;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Where a sign-in link from a reminder lands. Opening the link only shows a button: chat tools fetch the links they
 * show (previews), and that must not use the link up. Pressing the button redeems the link at the reminders service,
 * once, and starts a session for the person's own pages.
 */
@Path("/")
public class LinkSignInPage {

    @Inject
    java.time.Clock clock;

    /** The pages a link may open; anything else the reminders service might say goes home. */
    private static final Set<String> PAGES = Set.of("/", "/desk-check", "/routine", "/sitting", "/settings");

    @Inject
    @Location("signin/link.html")
    Template link;

    @Inject
    @Location("signin/link-failed.html")
    Template failed;

    @Inject
    @Location("signin/signed-out.html")
    Template signedOut;

    @Inject
    @RestClient
    SignInLinkRedemptions redemptions;

    @Inject
    LinkSessionKeys keys;

    @ConfigProperty(name = "upright.web.sign-in-links.session-length", defaultValue = "PT1H")
    Duration sessionLength;

    @ConfigProperty(name = "upright.web.https", defaultValue = "false")
    boolean https;

    @Context
    HttpServerRequest request;

    @GET
    @Path("link/{token}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance open(@PathParam("token") String token) {
        return link.data("token", token);
    }

    @POST
    @Path("link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("token") String token) {
        if (token == null || token.isBlank()) {
            return Response.status(400).entity(failed.data("reason", "unknown").render()).build();
        }
        SignInLinkRedemptions.Redeemed redeemed;
        try {
            redeemed = redemptions.redeem(new SignInLinkRedemptions.Redemption(token));
        } catch (RuntimeException e) {
            ServiceProblem problem = ServiceProblem.of(e, "unavailable");
            String reason = problem.status() == 410 ? (problem.detail().contains("used") ? "used" : "expired")
                    : problem.status() / 100 == 4 ? "unknown" : "unavailable";
            return Response.status(problem.status() / 100 == 4 ? problem.status() : 503)
                    .entity(failed.data("reason", reason).render()).build();
        }
        LinkSession session = new LinkSession(redeemed.tenant(), redeemed.employeeId().toString(), Instant.now(clock).plus(sessionLength));
        String page = PAGES.contains(redeemed.path()) ? redeemed.path() : "/";
        return Response.seeOther(URI.create(page)).cookie(cookie(keys.sessionCookie(session), (int) sessionLength.toSeconds())).build();
    }

    /** The published key that the services check link sessions' tokens with. */
    @GET
    @Path("sign-in-links/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return keys.jwks();
    }

    /**
     * Signing out of a link session. (Someone signed in at the identity provider never gets here: its sign-out, on the
     * same path, is handled before any page.)
     */
    @GET
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create("/signed-out")).cookie(cookie("", 0)).build();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }

    private NewCookie cookie(String value, int maxAgeSeconds) {
        // Secure whenever the browser came over https, directly or through a proxy that said so
        boolean secure = https || "https".equalsIgnoreCase(request.scheme());
        return new NewCookie.Builder(LinkSessionAuthentication.COOKIE).value(value).path("/").maxAge(maxAgeSeconds)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.LAX).build();
    }
}
