package io.upright.reminders.signinlink;

import java.time.Instant;
import java.util.UUID;

/**
 * What a sign-in link carries, sealed inside its token: whose it is, where it leads, until when it works, and the
 * nonce that makes it single-use.
 */
public record SignInLink(String tenant, UUID employeeId, Destination destination, UUID nonce, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
