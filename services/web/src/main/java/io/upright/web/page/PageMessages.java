package io.upright.web.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words every page shares (the frame, the navigation, errors), namespace {@code msg:}. The text lives in
 * {@code messages/msg_en.properties} and {@code msg_de.properties}; each feature keeps its own bundle beside it.
 */
@MessageBundle(value = "msg", locale = "en")
public interface PageMessages {

    /** The page's language tag, for {@code <html lang>}. */
    @Message
    String lang();

    @Message
    String product();

    @Message
    String skipToContent();

    @Message
    String navLabel();

    @Message
    String navHome();

    @Message
    String navDeskCheck();

    @Message
    String navRoutine();

    @Message
    String navSitting();

    @Message
    String navSettings();

    @Message
    String navMyData();

    @Message
    String navHrConsole();

    @Message
    String navAdminConsole();

    @Message
    String navContent();

    @Message
    String signOut();

    @Message
    String problemHeading();

    @Message
    String serviceUnavailable();

    @Message
    String fieldErrorsHeading();
}
