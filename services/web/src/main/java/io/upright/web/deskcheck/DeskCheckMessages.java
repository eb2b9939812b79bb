package io.upright.web.deskcheck;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The desk check's words, namespace {@code deskcheck:}; text in {@code messages/deskcheck_en.properties} and
 * {@code deskcheck_de.properties}. Question texts, findings and the service's advice are shown as the service sends them.
 */
@MessageBundle(value = "deskcheck", locale = "en")
public interface DeskCheckMessages {

    @Message
    String startTitle();

    @Message
    String startIntro();

    @Message
    String startHow();

    @Message
    String startNotDiagnosis();

    @Message
    String savedForLater();

    @Message
    String resumeHeading();

    @Message
    String resumeLink(String title, String startedOn);

    @Message
    String newHeading();

    @Message
    String chooseCheck();

    @Message
    String chooseCheckError();

    @Message
    String startButton();

    @Message
    String pastHeading();

    @Message
    String noPastResults();

    @Message
    String colDate();

    @Message
    String colCheck();

    @Message
    String colScore();

    @Message
    String colRisk();

    @Message
    String colSection();

    @Message
    String colAnswered();

    @Message
    String colBefore();

    @Message
    String colNow();

    @Message
    String colChange();

    @Message
    String resultLink(String submittedOn);

    @Message
    String scoreOutOf(int score, int maxScore);

    @Message
    String labelHigh();

    @Message
    String labelModerate();

    @Message
    String labelLow();

    @Message
    String progress(int position, int total);

    @Message
    String partialSaveHint();

    @Message
    String changedElsewhere();

    @Message
    String errorPrefix();

    @Message
    String yes();

    @Message
    String no();

    @Message
    String range(int min, int max);

    @Message
    String rangeWithUnit(int min, int max, String unit);

    @Message
    String next();

    @Message
    String toReview();

    @Message
    String back();

    @Message
    String saveLater();

    @Message
    String emergencyLead();

    @Message
    String emergencyText();

    @Message
    String clinicianLead();

    @Message
    String clinicianText();

    @Message
    String reviewTitle();

    @Message
    String answeredOf(int answered, int total);

    @Message
    String reviewMissing();

    @Message
    String reviewCaption();

    @Message
    String sectionAnswered(int answered, int total);

    @Message
    String sectionOpen();

    @Message
    String submit();

    @Message
    String finishLater();

    @Message
    String submitIncomplete(int missing);

    @Message
    String resultTitle();

    @Message
    String resultOf(String title, String submittedOn);

    @Message
    String scoreHeading();

    @Message
    String riskHigh();

    @Message
    String riskHighRosa();

    @Message
    String riskModerate();

    @Message
    String riskModerateRosa();

    @Message
    String riskLow();

    @Message
    String lowerIsBetter();

    @Message
    String lowerIsBetterRosa();

    @Message
    String findingsHeading();

    @Message
    String whatToDo();

    @Message
    String nothingToFix();

    @Message
    String noFindingsButRisk();

    @Message
    String changesHeading();

    @Message
    String firstCheck();

    @Message
    String previousScore(int previous, String previousOn, int score);

    @Message
    String scoreBetter(int change);

    @Message
    String scoreWorse(int change);

    @Message
    String scoreSame();

    @Message
    String sectionsCaption();

    @Message
    String resolvedHeading();

    @Message
    String addedHeading();

    @Message
    String trendHeading();

    @Message
    String trendTitle(String title);

    @Message
    String trendDesc(int count);

    @Message
    String trendCaption();

    @Message
    String trendEmpty();

    @Message
    String trendUnavailable();

    @Message
    String thisCheck();

    @Message
    String notFoundHeading();

    @Message
    String notFound();

    @Message
    String backToStart();
}
