package io.upright.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's token keys in one directory, and their rotation without an outage. The services verify tokens
 * against {@link #KEY_SET} (a JSON Web Key Set; each key's {@code kid} is its RFC 7638 thumbprint, which every token
 * names in its header), so the set can list more than one key while a roll is under way:
 * <ol>
 *   <li>{@link #publishNext()}: a new pair is made ({@code nextPrivateKey.pem}) and its public key added to the set;
 *       tokens are still signed with the current key. Restart the services so they read the set.</li>
 *   <li>{@link #switchToNext(Instant)}: tokens are signed with the new key; the old public key stays in the set.</li>
 *   <li>{@link #retirePrevious(Instant, boolean)}: once no token signed by the old key can still be valid
 *       ({@link #PREVIOUS_KEY_KEPT} after the switch), the set keeps only the signing (and a next) key.</li>
 * </ol>
 * {@code privateKey.pem} is always the signing key and {@code publicKey.pem} its public half (PEM, as before).
 */
public final class TokenKeys {

    public static final String SIGNING_KEY = "privateKey.pem";
    public static final String SIGNING_PUBLIC_KEY = "publicKey.pem";
    public static final String NEXT_KEY = "nextPrivateKey.pem";
    public static final String KEY_SET = "jwks.json";
    /** When the signing key was last switched (ISO-8601 instant): the previous key may still verify tokens until then plus their longest lifetime. */
    static final String SWITCHED_AT = "signing-key-since";
    /** How long the previous key stays listed after a switch: its tokens' longest lifetime, plus the minute of clock
     *  skew SmallRye JWT allows past {@code exp} ({@code mp.jwt.verify.clock.skew}, 60 s by default). */
    public static final Duration PREVIOUS_KEY_KEPT = DevTokens.LONGEST_LIFETIME.plusMinutes(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a key in the set is for. */
    public enum Role { SIGNING, NEXT, PREVIOUS }

    /** A key the set lists. */
    public record Listed(String keyId, Role role) {
    }

    private final Path dir;

    private TokenKeys(Path dir) {
        this.dir = dir;
    }

    /** The keys in {@code dir}; made (a signing pair and a set listing it) on first use, as they always were. */
    public static TokenKeys in(Path dir) {
        TokenKeys keys = new TokenKeys(dir);
        keys.ensureSigningKey();
        return keys;
    }

    public Path keySet() {
        return dir.resolve(KEY_SET);
    }

    /** The private key tokens are signed with now. */
    public RSAPrivateCrtKey signingKey() {
        return readPrivateKey(dir.resolve(SIGNING_KEY));
    }

    /** Step 1: makes the next pair (unless one is waiting) and lists its public key; signing is unchanged. @return its kid */
    public String publishNext() {
        Path next = dir.resolve(NEXT_KEY);
        if (!Files.exists(next)) {
            writePrivateKey(next, newPair());
        }
        RSAPublicKey publicKey = publicHalf(readPrivateKey(next));
        ArrayNode set = listedKeys();
        if (!lists(set, keyId(publicKey))) {
            set.add(jwk(publicKey));
            writeSet(set);
        }
        return keyId(publicKey);
    }

    /** Step 2: signs with the next key from now; the old public key stays listed. @return the new signing key's kid */
    public String switchToNext(Instant now) {
        Path next = dir.resolve(NEXT_KEY);
        if (!Files.exists(next)) {
            throw new IllegalStateException("No next key to switch to: publish one first (./upright keys next) and"
                    + " restart the services so they trust it.");
        }
        RSAPublicKey publicKey = publicHalf(readPrivateKey(next));
        if (!lists(listedKeys(), keyId(publicKey))) {
            throw new IllegalStateException("The next key is not in " + KEY_SET + ": run ./upright keys next again.");
        }
        try {
            Files.move(next, dir.resolve(SIGNING_KEY), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writeInPlace(dir.resolve(SIGNING_PUBLIC_KEY), pem("PUBLIC KEY", publicKey.getEncoded()));
            Files.writeString(dir.resolve(SWITCHED_AT), now.truncatedTo(ChronoUnit.SECONDS).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keyId(publicKey);
    }

    /**
     * Step 3: lists only the signing key (and a next one, if published). Refused while a token the previous key signed
     * may still be valid, unless {@code force} (after a leak: those tokens should stop working).
     *
     * @return the kids no longer listed
     */
    public List<String> retirePrevious(Instant now, boolean force) {
        Optional<Instant> safe = previousKeysRetireAt();
        if (!force && safe.isPresent() && now.isBefore(safe.get())) {
            throw new IllegalStateException("Tokens signed by the previous key may be valid until " + safe.get()
                    + ": retire it after that, or now with --now (those tokens then stop working).");
        }
        List<String> retired = new ArrayList<>();
        ArrayNode kept = JSON.createArrayNode();
        for (Listed listed : list()) {
            if (listed.role() == Role.PREVIOUS) {
                retired.add(listed.keyId());
            }
        }
        for (JsonNode key : listedKeys()) {
            if (!retired.contains(key.path("kid").asText())) {
                kept.add(key);
            }
        }
        writeSet(kept);
        return retired;
    }

    /** When the previous keys can go: the last switch plus {@link #PREVIOUS_KEY_KEPT}. Empty when never switched. */
    public Optional<Instant> previousKeysRetireAt() {
        Path switched = dir.resolve(SWITCHED_AT);
        if (!Files.exists(switched)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(Files.readString(switched).trim()).plus(PREVIOUS_KEY_KEPT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every key the set lists, in its order, with what it is for. */
    public List<Listed> list() {
        String signing = keyId(publicHalf(signingKey()));
        Path nextFile = dir.resolve(NEXT_KEY);
        String next = Files.exists(nextFile) ? keyId(publicHalf(readPrivateKey(nextFile))) : null;
        List<Listed> listed = new ArrayList<>();
        for (JsonNode key : listedKeys()) {
            String kid = key.path("kid").asText();
            listed.add(new Listed(kid, kid.equals(signing) ? Role.SIGNING : kid.equals(next) ? Role.NEXT : Role.PREVIOUS));
        }
        return listed;
    }

    /** The RFC 7638 JWK thumbprint (SHA-256) of an RSA public key: a key id anyone can recompute from the key. */
    public static String keyId(RSAPublicKey key) {
        // members in lexicographic order, no whitespace, as RFC 7638 section 3 requires
        String canonical = "{\"e\":\"" + base64Url(unsigned(key.getPublicExponent())) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(unsigned(key.getModulus())) + "\"}";
        try {
            return base64Url(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAPublicKey publicHalf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAPrivateCrtKey parsePrivateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA private key", e);
        }
    }

    private void ensureSigningKey() {
        Path signing = dir.resolve(SIGNING_KEY);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(signing)) {
                KeyPair pair = newPair();
                Files.writeString(dir.resolve(SIGNING_PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                writePrivateKey(signing, pair);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a directory from before key sets (or whose pair was replaced by hand) gets its signing key listed
        RSAPublicKey publicKey = publicHalf(signingKey());
        ArrayNode set = Files.exists(keySet()) ? listedKeys() : JSON.createArrayNode();
        if (!lists(set, keyId(publicKey))) {
            set.add(jwk(publicKey));
            writeSet(set);
        }
    }

    private ArrayNode listedKeys() {
        try {
            JsonNode keys = JSON.readTree(keySet().toFile()).path("keys");
            if (!keys.isArray()) {
                throw new IllegalStateException(keySet() + " is not a JSON Web Key Set (no \"keys\" array)");
            }
            return (ArrayNode) keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean lists(ArrayNode set, String kid) {
        for (JsonNode key : set) {
            if (kid.equals(key.path("kid").asText())) {
                return true;
            }
        }
        return false;
    }

    private void writeSet(ArrayNode keys) {
        writeInPlace(keySet(), setDocument(keys));
    }

    private static String setDocument(ArrayNode keys) {
        ObjectNode document = JSON.createObjectNode();
        document.set("keys", keys);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites the file itself rather than renaming a new one over it: Docker bind-mounts a single file by its inode,
     * so a renamed replacement would never reach a container, not even after a restart.
     */
    private static void writeInPlace(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode jwk(RSAPublicKey key) {
        ObjectNode jwk = JSON.createObjectNode();
        jwk.put("kty", "RSA");
        jwk.put("kid", keyId(key));
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", base64Url(unsigned(key.getModulus())));
        jwk.put("e", base64Url(unsigned(key.getPublicExponent())));
        return jwk;
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePrivateKey(Path file, KeyPair pair) {
        try {
            Files.writeString(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the directory's own protection has to do
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RSAPrivateCrtKey readPrivateKey(Path file) {
        try {
            return parsePrivateKey(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
