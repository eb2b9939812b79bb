package io.upright.platform.problem;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Every error leaves as {@code application/problem+json}: client mistakes as 4xx naming the field, server
 * faults as a bare 500 with a correlation id (the stack trace goes to the log, never to the client).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response rejection(Rejection e, UriInfo uri) {
        return respond(ProblemException.from(e).toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return respond(ProblemException.invalid(errors).toProblem(), uri);
    }

    // Listed explicitly so they win over Quarkus' own mappers for the more specific Jackson exceptions.
    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class, JsonParseException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json), uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return serverFault(e, uri);
        }
        Problem problem = switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad request", e.getMessage());
            case 401 -> Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required");
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this operation");
            case 404 -> Problem.of(404, "not-found", "Not found", "No resource at this address");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", "This resource does not support the method used");
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable", "This resource cannot produce the media type asked for");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type", "Send application/json");
            default -> Problem.of(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage());
        };
        return respond(problem, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(
                        Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required"), uri))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this operation"), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        return serverFault(e, uri);
    }

    private Response serverFault(Exception e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error, incident %s", incident);
        return respond(Problem.of(500, "internal-error", "Internal error",
                "Something went wrong on our side; quote incident " + incident), uri);
    }

    private static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return Problem.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON");
        }
        if (e instanceof StorableText.NulInText nul && !nul.getPath().isEmpty()) {
            return ProblemException.invalid(jsonPath(nul.getPath()), StorableText.MESSAGE).toProblem();
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            return ProblemException.invalid(field, "has the wrong type or format").toProblem();
        }
        return Problem.of(400, "malformed-json", "Malformed JSON", "The request body could not be read");
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /**
     * Reads a violation's path as the client's JSON path: method and parameter nodes are dropped, except when
     * the parameter itself is the offender (a query or path parameter), which is named by its Java name.
     */
    private static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        Path.Node last = nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
        if (last != null && last.getKind() == ElementKind.PARAMETER) {
            return last.getName();
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable() && field.length() > 0) {
                field.append(node.getKey() != null ? "." + node.getKey() : "[" + node.getIndex() + "]");
            }
            if (node.getName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static Response respond(Problem problem, UriInfo uri) {
        String instance = uri == null ? null : uri.getPath();
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.at(instance))
                .build();
    }
}
