package io.upright.platform.api;

import io.upright.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

import java.util.OptionalLong;

/** Stream versions as HTTP entity tags: {@code "3"} is version 3. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** Reads an {@code If-Match} header; absent means "whatever is current". */
    public static OptionalLong ifMatch(String header) {
        if (header == null || header.isBlank() || header.equals("*")) {
            return OptionalLong.empty();
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "is not an entity tag this API issued");
        }
    }
}
