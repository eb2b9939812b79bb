package io.upright.web.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The admin console's words, namespace {@code admin:}; text in {@code messages/admin_en.properties} and {@code admin_de.properties}. */
@MessageBundle(value = "admin", locale = "en")
public interface AdminMessages {

    @Message String consoleTitle();
    @Message String consoleIntro();
    @Message String backHome();
    @Message String backToConsole();
    @Message String forbiddenTitle();
    @Message String forbiddenText();

    @Message String anonymityTitle();
    @Message String anonymityIntro();
    @Message String thresholdNow(int k);
    @Message String thresholdLabel();
    @Message String thresholdHint();
    @Message String thresholdSave();
    @Message String thresholdSaved();
    @Message String wholeNumber();
    @Message String required();
    @Message String checkFields();
    @Message String changesHeading();
    @Message String changesCaption();
    @Message String noChanges();
    @Message String colChangedAt();
    @Message String colChangedBy();
    @Message String colPrevious();
    @Message String colThreshold();
    @Message String serviceDefault();
    @Message String readsHeading();
    @Message String readsCaption();
    @Message String readsShown(int shown, long total);
    @Message String noReads();
    @Message String colReadAt();
    @Message String colReader();
    @Message String colRoles();
    @Message String colWhat();

    @Message String channelsTitle();
    @Message String channelsIntro();
    @Message String webhooksHeading();
    @Message String webhooksCaption();
    @Message String noWebhooks();
    @Message String colUrl();
    @Message String colStatus();
    @Message String colCreatedAt();
    @Message String colActions();
    @Message String statusActive();
    @Message String statusDisabled();
    @Message String deleteEndpoint();
    @Message String deleteEndpointLabel(String url);
    @Message String endpointDeleted();
    @Message String addWebhookHeading();
    @Message String urlLabel();
    @Message String urlHint();
    @Message String addWebhook();
    @Message String secretHeading();
    @Message String secretWarning(String url);
    @Message String secretLabel();
    @Message String slackHeading();
    @Message String slackInstalled(String workspace, java.time.Instant installedAt);
    @Message String slackNotInstalled();
    @Message String slackAdd();
    @Message String slackAddHint();
    @Message String testEndpoint();
    @Message String testEndpointLabel(String url);
    @Message String testHint();
    @Message String testOutcomeHeading(String url);
    @Message String testDelivered(int status, long millis);
    @Message String testAnsweredNot2xx(int status, long millis);
    @Message String testConnectionRefused();
    @Message String testTimedOut(long millis);
    @Message String testTlsFailed();
    @Message String testHostUnresolvable();
    @Message String testConnectionFailed();
    @Message String testAddressRefused();
    @Message String testSecretUnreadable();
    @Message String testPaused(java.time.Instant until);
    @Message String testFailedOther(String error);
    @Message String testTooOften(long seconds);
    @Message String testEndpointGone();
}
