package io.upright.web.settings;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the reminder settings page, namespace {@code settings:} (messages/settings_*.properties). */
@MessageBundle(value = "settings", locale = "en")
public interface SettingsMessages {

    @Message String title();
    @Message String intro();
    @Message String notEnrolled();
    @Message String saved();
    @Message String changedElsewhere();
    @Message String pausedNotice();
    @Message String resumedNotice();
    @Message String pauseHeading();
    @Message String pausedUntilToday(String time);
    @Message String pausedUntilTomorrow(String time);
    @Message String pausedUntilDate(String date, String time);
    @Message String notPaused();
    @Message String pauseHour();
    @Message String pauseToday();
    @Message String resume();
    @Message String cadenceNow(long minutes);
    @Message String hoursHeading();
    @Message String hoursHint();
    @Message String worksThisDay();
    @Message String start();
    @Message String end();
    @Message String dayMonday();
    @Message String dayTuesday();
    @Message String dayWednesday();
    @Message String dayThursday();
    @Message String dayFriday();
    @Message String daySaturday();
    @Message String daySunday();
    @Message String timeZone();
    @Message String timeZoneHint();
    @Message String lunchHeading();
    @Message String lunchHint();
    @Message String quietHeading();
    @Message String quietHint(int max);
    @Message String quietWindow(int number);
    @Message String quietNew();
    @Message String quietRemove();
    @Message String cadenceHeading();
    @Message String preferred();
    @Message String preferredHint(int min, int max);
    @Message String notAWholeNumber();
    @Message String routineHeading();
    @Message String routineHint();
    @Message String routineMORNING();
    @Message String routineLUNCHTIME();
    @Message String routineEND_OF_DAY();
    @Message String floorAtWork();
    @Message String floorAtWorkHint();
    @Message String save();
}
