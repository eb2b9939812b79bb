package io.upright.web.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a service answered when it refused a request (its RFC 9457 problem), in the shape a page shows: the detail,
 * and each field error at the question it belongs to. A service that cannot be reached is a problem too, never a 500
 * page.
 */
public record ServiceProblem(int status, String title, String detail, List<FieldError> fieldErrors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One field a service named, e.g. {@code answers.seatHeight}, and what it said about it. */
    public record FieldError(String field, String message) {

        /** The element id a page gives the input of this field, so the summary can link to it. */
        public String anchor() {
            return "field-" + field.replaceAll("[^A-Za-z0-9_-]", "-");
        }
    }

    /** The problem behind a failed service call; {@code unavailable} says what to show when there was no answer. */
    public static ServiceProblem of(RuntimeException failure, String unavailable) {
        if (failure instanceof WebApplicationException wae && wae.getResponse() != null) {
            return of(wae.getResponse(), unavailable);
        }
        if (failure instanceof ProcessingException) {
            return new ServiceProblem(503, unavailable, unavailable, List.of());
        }
        throw failure;
    }

    static ServiceProblem of(Response response, String unavailable) {
        int status = response.getStatus();
        if (status >= 500) {
            return new ServiceProblem(status, unavailable, unavailable, List.of());
        }
        String body = readBody(response);
        try {
            JsonNode problem = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            List<FieldError> errors = new ArrayList<>();
            for (JsonNode error : problem.path("errors")) {
                errors.add(new FieldError(error.path("field").asText(""), error.path("message").asText("")));
            }
            String title = problem.path("title").asText("");
            String detail = problem.path("detail").asText(title);
            return new ServiceProblem(status, title, detail, List.copyOf(errors));
        } catch (java.io.IOException e) {
            return new ServiceProblem(status, "", "", List.of());
        }
    }

    private static String readBody(Response response) {
        try {
            response.bufferEntity();
            return response.readEntity(String.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The errors by field, for showing each at its question. */
    public Map<String, String> byField() {
        Map<String, String> byField = new LinkedHashMap<>();
        fieldErrors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + " " + b));
        return byField;
    }

    /** The message for one field, if the service named it. */
    public Optional<String> at(String field) {
        return Optional.ofNullable(byField().get(field));
    }

    public boolean notFound() {
        return status == 404;
    }

    /**
     * The same problem with each message after the label of the field it names ("Title: is required"), for the summary
     * at the top of a form, where a message alone does not say which field it is about; unknown fields stay as sent.
     */
    public ServiceProblem labelled(Map<String, String> labels) {
        List<FieldError> named = fieldErrors.stream().map(e -> labels.containsKey(e.field())
                ? new FieldError(e.field(), labels.get(e.field()) + ": " + e.message()) : e).toList();
        return new ServiceProblem(status, title, detail, named);
    }

    /** The status of a page showing this problem: a refusal (4xx) keeps its own, anything else is 503. */
    public int pageStatus() {
        return status >= 400 && status < 500 ? status : 503;
    }
}
