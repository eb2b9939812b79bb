package io.upright.web.sitting;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the sitting check-in page, namespace {@code sitting:} (messages/sitting_*.properties). */
@MessageBundle(value = "sitting", locale = "en")
public interface SittingMessages {

    @Message String title();
    @Message String saved(String period);
    @Message String formHeading();
    @Message String period();
    @Message String periodHint();
    @Message String periodBaseline();
    @Message String periodCheckIn(int number);
    @Message String periodEnd();
    @Message String due();
    @Message String answered();
    @Message String allAnswered();
    @Message String choose();
    @Message String correcting();
    @Message String sharesLegend();
    @Message String notANumber();
    @Message String send();
    @Message String trendHeading();
    @Message String chartTitle();
    @Message String noTrendYet();
    @Message String tableCaption();
    @Message String colPeriod();
    @Message String colSitting();
    @Message String colStandingWalking();
    @Message String colWorked();
    @Message String noWorkday();
    @Message String source();
    @Message String labelDaysWorked();
    @Message String labelHoursWorked();
    @Message String labelSittingPercent();
    @Message String labelStandingPercent();
    @Message String labelWalkingPercent();
    @Message String labelHeavyLabourPercent();
}
