package io.upright.platform.outbox;

import java.util.UUID;

/**
 * The body of a record whose event is {@link io.upright.contracts.SealedForEmployee}: whose key sealed it, and the
 * sealed JSON of the event ({@code tk1:} + base64 of nonce and AES-GCM ciphertext).
 */
public record SealedPayload(UUID sealedFor, String sealed) {
}
