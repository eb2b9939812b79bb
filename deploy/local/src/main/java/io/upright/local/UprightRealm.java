package io.upright.local;

import io.upright.localinfra.KeycloakServer;
import io.upright.localinfra.LocalSecrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code upright} realm in the local Keycloak: made from {@code deploy/keycloak/upright-realm.json} (the web front
 * end's client, and the mappers that put {@code tenant}, {@code employee_id}, the roles as {@code groups} and the
 * audience {@code upright} into its tokens), and the people who may sign in.
 */
public final class UprightRealm {

    public static final String NAME = "upright";
    public static final String WEB_CLIENT = "upright-web";
    /** Where the web front end listens by default: its sign-in redirects come back here. */
    public static final String DEFAULT_WEB_URL = "http://localhost:8080";

    private final KeycloakServer keycloak;
    private final String webClientSecret;
    private final String webUrl;

    private UprightRealm(KeycloakServer keycloak, String webClientSecret, String webUrl) {
        this.keycloak = keycloak;
        this.webClientSecret = webClientSecret;
        this.webUrl = webUrl;
    }

    /** Someone who signs in: their roles become the token's {@code groups}; an employee also has their employee id. */
    public record Person(String username, String email, String firstName, String lastName, String password, String tenant,
                         String employeeId, List<String> roles) {
    }

    /** Creates the realm unless it exists; the web client's secret is made once and kept with the other keys. */
    static UprightRealm ensure(KeycloakServer keycloak, Path keys, String webUrl, Path template) {
        try {
            String secret = LocalSecrets.readOrCreate(keys.resolve("keycloak-web-client-secret"), 24);
            String representation = Files.readString(template)
                    .replace("${WEB_CLIENT_SECRET}", secret)
                    .replace("${WEB_URL}", webUrl);
            keycloak.ensureRealm(NAME, representation);
            keycloak.keepAdminManagedAttributes(NAME);
            return new UprightRealm(keycloak, secret, webUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds people; those already there are left as they are. */
    public void addPeople(List<Person> people) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (Person p : people) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", p.username());
            user.put("email", p.email());
            user.put("firstName", p.firstName());
            user.put("lastName", p.lastName());
            user.put("enabled", true);
            user.put("emailVerified", true);
            Map<String, List<String>> attributes = new LinkedHashMap<>();
            attributes.put("tenant", List.of(p.tenant()));
            if (p.employeeId() != null) {
                attributes.put("employee_id", List.of(p.employeeId()));
            }
            user.put("attributes", attributes);
            user.put("credentials", List.of(Map.of("type", "password", "value", p.password(), "temporary", false)));
            user.put("realmRoles", p.roles());
            users.add(user);
        }
        keycloak.addUsers(NAME, users);
    }

    public String issuer() {
        return keycloak.issuer(NAME);
    }

    public String baseUrl() {
        return keycloak.baseUrl();
    }

    public String webClientSecret() {
        return webClientSecret;
    }

    public String webUrl() {
        return webUrl;
    }
}
