package io.upright.web.signin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of signing in with a link and signing out (namespace {@code signin:}; text in {@code messages/signin_*.properties}). */
@MessageBundle(value = "signin", locale = "en")
public interface SignInMessages {

    @Message
    String linkTitle();

    @Message
    String linkExplained();

    @Message
    String linkContinue();

    @Message
    String linkNotYou();

    @Message
    String failedTitle();

    @Message
    String failedUsed();

    @Message
    String failedExpired();

    @Message
    String failedUnknown();

    @Message
    String failedWhatNow();

    @Message
    String signInNormally();

    @Message
    String signedOutTitle();

    @Message
    String signedOutText();
}
