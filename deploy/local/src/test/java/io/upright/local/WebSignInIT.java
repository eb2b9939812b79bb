package io.upright.local;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An employee opens the web front end, is sent to Keycloak's sign-in page, signs in, and lands on their own start
 * page, which the web front end filled by calling the reminders service with their token; signing out ends the
 * session at Keycloak too.
 */
class WebSignInIT {

    @Test
    void an_employee_signs_in_at_keycloak_sees_their_own_start_page_and_signs_out() throws Exception {
        WebPagesStack pages = WebPagesStack.shared();
        // signing in: the front page sends the browser to Keycloak, whose form signs Emil in and sends him back
        WebPagesStack.SignedIn emil = pages.signInNewEmployee(WebPagesStack.newTenant("web"), "Emil");

        assertThat(emil.home().uri().toString()).startsWith(pages.stack.webUrl());
        assertThat(emil.home().body()).contains("Hello Emil", "0 breaks taken");

        TestBrowser.Page signedOut = pages.open(emil, "/sign-out");
        assertThat(signedOut.status()).isLessThan(500);
        TestBrowser.Page again = pages.open(emil, "/");
        assertThat(again.uri().toString()).startsWith(pages.stack.requireIdentityProvider().issuer());
        assertThat(again.body()).doesNotContain("Hello Emil");
    }
}
