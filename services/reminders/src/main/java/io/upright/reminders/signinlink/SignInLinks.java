package io.upright.reminders.signinlink;

import io.quarkus.scheduler.Scheduled;
import io.upright.platform.problem.ProblemException;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.webhook.WebhookSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Signed, expiring, single-use links that sign an employee in to their own pages of the web front end (from
 * {@code /upright check}, or asked for by the person). Issuing one writes nothing: the link is sealed with a key
 * derived from this service's secret key, so every instance can open it. Redeeming it records its nonce, and a
 * second redemption finds the nonce taken.
 */
@ApplicationScoped
public class SignInLinks {

    /** The web front end's path that receives a link; the token follows. */
    public static final String WEB_PATH = "/link/";

    @Inject
    RemindersConfig config;

    @Inject
    WebhookSecrets secrets;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private SignInLinkTokens tokens;

    @PostConstruct
    void init() {
        tokens = new SignInLinkTokens(secrets.derive("upright-reminders-sign-in-links"));
    }

    /** A link issued to a person, and until when it works. */
    public record Issued(String url, Instant expiresAt) {
    }

    /** Who a redeemed link signs in, and the page it opens. */
    public record Redeemed(String tenant, UUID employeeId, Destination destination) {
    }

    public Issued issue(String tenant, UUID employeeId, Destination destination) {
        Instant expires = Instant.now(clock).plus(config.signInLinkTtl());
        String token = tokens.seal(new SignInLink(tenant, employeeId, destination, UUID.randomUUID(), expires));
        String base = config.webBaseUrl();
        return new Issued((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + WEB_PATH + token, expires);
    }

    /**
     * Uses a link up. Not one of ours: 404; expired or used already: 410 (the page then offers the normal sign-in).
     */
    public Redeemed redeem(String token) {
        SignInLink link = tokens.open(token).orElseThrow(() -> new ProblemException(404, "sign-in-link-unknown",
                "Unknown sign-in link", "This sign-in link is not one of ours", List.of()));
        Instant now = Instant.now(clock);
        if (link.expiredAt(now)) {
            throw gone("This sign-in link has expired");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into sign_in_link_redeemed (nonce, tenant_id, employee_id, redeemed_at, expires_at) "
                     + "values (?, ?, ?, ?, ?) on conflict (nonce) do nothing")) {
            ps.setObject(1, link.nonce());
            ps.setString(2, link.tenant());
            ps.setObject(3, link.employeeId());
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(link.expiresAt()));
            if (ps.executeUpdate() == 0) {
                throw gone("This sign-in link was used already");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the use of a sign-in link", e);
        }
        return new Redeemed(link.tenant(), link.employeeId(), link.destination());
    }

    /** A used link's row is needed only while the link could still be tried. */
    @Scheduled(identity = "sign-in-link-prune", every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from sign_in_link_redeemed where expires_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now(clock)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prune used sign-in links", e);
        }
    }

    private static ProblemException gone(String detail) {
        return new ProblemException(410, "sign-in-link-gone", "Sign-in link expired or used", detail, List.of());
    }
}
