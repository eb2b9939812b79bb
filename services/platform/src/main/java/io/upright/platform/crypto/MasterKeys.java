package io.upright.platform.crypto;

import javax.crypto.SecretKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The master key that wraps every per-person key, the keys it replaced, and the one that is to replace it. New keys
 * are always wrapped under the current one. A key wrapped under a previous one still opens and is wrapped again under
 * the current one (by its first reader, and by {@link MasterKeyRotation} for all of them). A key wrapped under the
 * next one opens and is left as it is. So a master key is replaced on a running system in three rolls: every
 * instance learns the next key (and can open what an instance already switched wraps), then every instance switches
 * to it with the old one as previous (keys move over), then the old one is dropped. Without the first roll an
 * instance still on the old key could not open a key a switched instance had moved. Pure: the caller passes the
 * configured values.
 */
public final class MasterKeys {

    private final KeyRing ring;

    /** A per-person key opened, and whether it is wrapped under a previous master key (so it should move over). */
    public record Unwrapped(byte[] raw, boolean underPrevious) {
    }

    MasterKeys(SecretKey current, Optional<SecretKey> next, List<SecretKey> previous) {
        this.ring = new KeyRing(current, next, previous, "is the master key it was wrapped under missing from "
                + "UPRIGHT_CRYPTO_PREVIOUS_MASTER_KEYS (or, during a rotation's first roll, from UPRIGHT_CRYPTO_NEXT_MASTER_KEY)?");
    }

    /**
     * @param nextBase64     the key that is to replace this one ({@code UPRIGHT_CRYPTO_NEXT_MASTER_KEY}), during the
     *                       first roll of a rotation
     * @param previousBase64 the keys this one replaced, newest first ({@code UPRIGHT_CRYPTO_PREVIOUS_MASTER_KEYS},
     *                       comma-separated); empty when none was replaced, or once every stored key has moved over
     * @throws IllegalStateException naming the setting when a key is unusable or the current one is listed again
     */
    public static MasterKeys resolve(Optional<String> base64, Optional<String> file, Optional<String> nextBase64,
                                     Optional<List<String>> previousBase64, boolean devOrTest) {
        SecretKey current = MasterKey.resolve(base64, file, devOrTest);
        Optional<SecretKey> next = nextBase64.map(String::strip).filter(v -> !v.isEmpty())
                .map(v -> MasterKey.decode(v, "upright.crypto.next-master-key (UPRIGHT_CRYPTO_NEXT_MASTER_KEY)"));
        if (next.isPresent() && Arrays.equals(next.get().getEncoded(), current.getEncoded())) {
            throw new IllegalStateException("UPRIGHT_CRYPTO_NEXT_MASTER_KEY is the current master key: set it to the new key");
        }
        List<SecretKey> previous = new ArrayList<>();
        List<String> listed = previousBase64.orElse(List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        for (int i = 0; i < listed.size(); i++) {
            SecretKey key = MasterKey.decode(listed.get(i), "upright.crypto.previous-master-keys (UPRIGHT_CRYPTO_PREVIOUS_MASTER_KEYS), entry " + (i + 1));
            if (Arrays.equals(key.getEncoded(), current.getEncoded())) {
                throw new IllegalStateException("UPRIGHT_CRYPTO_PREVIOUS_MASTER_KEYS lists the current master key (entry " + (i + 1)
                        + "): list only the keys it replaced");
            }
            previous.add(key);
        }
        return new MasterKeys(current, next, previous);
    }

    /** {@code raw} wrapped under the current master key, bound to {@code context}. */
    public byte[] wrap(byte[] raw, byte[] context) {
        return ring.seal(raw, context);
    }

    /**
     * Opens a wrapped key under the current master key or, failing that, the next one, then each previous one in turn.
     *
     * @throws AesGcm.TamperedException when none of them opens it (a master key is missing from the configuration, or
     *                                  the bytes were changed)
     */
    public Unwrapped unwrap(byte[] wrapped, byte[] context) {
        KeyRing.Opened opened = ring.open(wrapped, context);
        return new Unwrapped(opened.plaintext(), opened.underPrevious());
    }

    /** Whether keys the current one replaced are configured, so stored keys may still need to move over. */
    public boolean rotating() {
        return ring.rotating();
    }

    /**
     * The key this deployment started with: the oldest previous one, or the current one when none was replaced.
     * Before rotation existed there was only ever one master key, and the lookup-hash key was derived from it.
     */
    public SecretKey original() {
        return ring.original();
    }
}
