package io.upright.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.upright.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The problem responses every service answers with, declared once as OpenAPI components. A resource method names
 * the ones it can return with {@code @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)} instead of
 * repeating the media type and schema; the component carries the generic meaning, the problem's {@code detail} the
 * specific one.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String GONE = "Gone";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String UNPROCESSABLE = "UnprocessableContent";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    /** Component name to its description, in status order. */
    static final Map<String, String> RESPONSES = orderedMap(
            BAD_REQUEST, "Invalid input; `errors[].field` names each offending field or parameter",
            UNAUTHORIZED, "No valid bearer token",
            FORBIDDEN, "The token's role or subject does not allow this operation",
            NOT_FOUND, "Nothing with this id in your tenant",
            CONFLICT, "The resource's current state does not allow this; `type` names the rule",
            GONE, "No longer available",
            PRECONDITION_FAILED, "If-Match is not the current ETag: reload and retry",
            UNPROCESSABLE, "The Idempotency-Key was already used with a different request",
            TOO_MANY_REQUESTS, "Too many requests; retry later",
            SERVICE_UNAVAILABLE, "A service this operation depends on did not answer; nothing was changed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Problem", problemSchema());
        components.addSchema("FieldError", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One offending input")
                .addProperty("field", stringSchema("The JSON path or parameter the client sent, e.g. `answers.seatHeight`"))
                .addProperty("message", stringSchema("What is wrong with it")));
        RESPONSES.forEach((name, description) -> components.addResponse(name, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))))));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", stringSchema("urn:upright:problem:<kind>"))
                .addProperty("title", stringSchema("Short summary of the kind"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", stringSchema("What went wrong with this request"))
                .addProperty("instance", stringSchema("The request path"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("FieldError")));
    }

    private static Schema stringSchema(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
