package io.upright.web.mydata;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the my-data pages, namespace {@code mydata:} (messages/mydata_*.properties). */
@MessageBundle(value = "mydata", locale = "en")
public interface MyDataMessages {

    @Message String title();
    @Message String intro();
    @Message String knownHeading();
    @Message String name();
    @Message String email();
    @Message String chatHandle();
    @Message String timeZone();
    @Message String workday();
    @Message String standingDesk();
    @Message String yes();
    @Message String no();
    @Message String enrolledAt();
    @Message String status();
    @Message String statusEnrolled();
    @Message String statusLeft();
    @Message String statusErased();
    @Message String notEnrolled();
    @Message String exportHeading();
    @Message String exportText();
    @Message String download();
    @Message String eraseHeading();
    @Message String eraseText();
    @Message String eraseLink();
    @Message String eraseTitle();
    @Message String eraseWhat();
    @Message String eraseItemName();
    @Message String eraseItemAnswers();
    @Message String eraseItemReminders();
    @Message String eraseItemRoutine();
    @Message String eraseKept();
    @Message String eraseFinal();
    @Message String eraseExportFirst();
    @Message String confirmWord();
    @Message String confirmLabel(String word);
    @Message String confirmHint();
    @Message String confirmMismatch(String word);
    @Message String eraseNeedsFullSignIn();
    @Message String eraseButton();
    @Message String cancel();
    @Message String erasedTitle();
    @Message String erasedText();
    @Message String erasedSignOut();
}
