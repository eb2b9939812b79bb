package io.upright.testsupport.sweep;

import java.util.Map;

/**
 * One generated request: exactly one thing in it is wrong (named by {@code mutation}), the rest is the baseline.
 *
 * @param url         path and query, already percent-encoded (garbage is sent byte for byte as written)
 * @param body        the raw body, or null for none
 * @param sampled     whether it is also sent to callers the operation turns away (401/403): their requests only
 *                    need to show the refusal comes before anything can break, so a sample suffices
 */
public record SweepRequest(String method, String pathTemplate, String url, Map<String, String> headers,
                           String contentType, byte[] body, String mutation, boolean sampled, String accept) {

    public String operation() {
        return method + " " + pathTemplate;
    }
}
