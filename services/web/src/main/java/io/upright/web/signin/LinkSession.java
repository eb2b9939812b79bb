package io.upright.web.signin;

import java.time.Instant;

/** Someone signed in with a sign-in link: whose pages they may use, and until when. */
public record LinkSession(String tenant, String employeeId, Instant expiresAt) {
}
