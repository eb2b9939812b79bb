package io.upright.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} convention for POSTs that create or record something: the first request with
 * a key runs and its response is stored in the same transaction as its effect; the same key with the same
 * body returns that response again with no second effect; the same key with another body is a 422.
 * Concurrent requests with one key queue on the key's row, so exactly one of them runs.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    /** What a first request answered: status, optional Location and entity tag, and the JSON body. */
    public record Outcome(int status, URI location, String etag, Object body) {

        public static Outcome created(URI location, Object body) {
            return new Outcome(201, location, null, body);
        }

        public static Outcome ok(Object body) {
            return new Outcome(200, null, null, body);
        }

        /** The same answer, with the version of what it created or changed as its {@code ETag}. */
        public Outcome withVersion(long version) {
            return new Outcome(status, location, ETags.of(version).getValue(), body);
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Runs {@code action} once per (tenant, principal, operation, key). Without a key it simply runs.
     *
     * @param request what the client sent, compared by content on a retry
     */
    @Transactional
    public Response run(String tenant, String principal, String operation, String key, Object request,
                        Supplier<Outcome> action) {
        if (key == null) {
            return toResponse(action.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(operation, request);
        try (Connection c = dataSource.getConnection()) {
            // claims the key, or waits for a concurrent first request to commit and then sees its row
            try (PreparedStatement claim = c.prepareStatement(
                    "insert into idempotency_key (tenant_id, principal, operation, key, request_hash, status) "
                            + "values (?, ?, ?, ?, ?, 0) on conflict do nothing")) {
                bind(claim, tenant, principal, operation, key);
                claim.setString(5, hash);
                if (claim.executeUpdate() == 0) {
                    return replay(c, tenant, principal, operation, key, hash);
                }
            }
            Outcome outcome = action.get();
            try (PreparedStatement store = c.prepareStatement(
                    "update idempotency_key set status = ?, location = ?, etag = ?, body = cast(? as jsonb) "
                            + "where tenant_id = ? and principal = ? and operation = ? and key = ?")) {
                store.setInt(1, outcome.status());
                store.setString(2, outcome.location() == null ? null : outcome.location().toString());
                store.setString(3, outcome.etag());
                store.setString(4, outcome.body() == null ? null : json.writeValueAsString(outcome.body()));
                store.setString(5, tenant);
                store.setString(6, principal);
                store.setString(7, operation);
                store.setString(8, key);
                store.executeUpdate();
            }
            return toResponse(outcome);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot record the idempotent request " + operation, e);
        }
    }

    /** Erasure: drops every stored response of one principal, since a stored body may describe them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(String tenant, String principal) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "delete from idempotency_key where tenant_id = ? and principal = ?")) {
            ps.setString(1, tenant);
            ps.setString(2, principal);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot forget idempotent requests", e);
        }
    }

    private Response replay(Connection c, String tenant, String principal, String operation, String key, String hash)
            throws SQLException {
        try (PreparedStatement read = c.prepareStatement(
                "select request_hash, status, location, etag, body from idempotency_key "
                        + "where tenant_id = ? and principal = ? and operation = ? and key = ?")) {
            bind(read, tenant, principal, operation, key);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.conflict("The first request with this Idempotency-Key did not complete; retry");
                }
                if (!hash.equals(rs.getString(1))) {
                    throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                            "This Idempotency-Key was used with a different request", List.of());
                }
                Response.ResponseBuilder response = Response.status(rs.getInt(2)).header(REPLAYED_HEADER, "true");
                if (rs.getString(3) != null) {
                    response.location(URI.create(rs.getString(3)));
                }
                if (rs.getString(4) != null) {
                    response.tag(rs.getString(4));
                }
                if (rs.getString(5) != null) {
                    response.entity(rs.getString(5)).type(MediaType.APPLICATION_JSON);
                }
                return response.build();
            }
        }
    }

    private static void bind(PreparedStatement ps, String tenant, String principal, String operation, String key)
            throws SQLException {
        ps.setString(1, tenant);
        ps.setString(2, principal);
        ps.setString(3, operation);
        ps.setString(4, key);
    }

    private String hash(String operation, Object request) {
        try {
            // a tree re-serialised is canonical enough: the same JSON content gives the same bytes
            byte[] canonical = json.writeValueAsBytes(json.valueToTree(request));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response toResponse(Outcome outcome) {
        Response.ResponseBuilder response = Response.status(outcome.status());
        if (outcome.location() != null) {
            response.location(outcome.location());
        }
        if (outcome.etag() != null) {
            response.tag(outcome.etag());
        }
        return outcome.body() == null ? response.build() : response.entity(outcome.body()).build();
    }
}
