package io.upright.web.home;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the start page, namespace {@code home:} (messages/home_*.properties). */
@MessageBundle(value = "home", locale = "en")
public interface HomeMessages {

    @Message String hello(String name);
    @Message String helloNoName();
    @Message String nextBreakHeading();
    @Message String nextBreakNow();
    @Message String nextBreakToday(String time);
    @Message String nextBreakTomorrow(String time);
    @Message String nextBreakDate(String date, String time);
    @Message String pausedUntilToday(String time);
    @Message String pausedUntilTomorrow(String time);
    @Message String pausedUntilDate(String date, String time);
    @Message String noBreakPlanned();
    @Message String notEnrolledYet();
    @Message String partUnavailable();
    @Message String pauseOrResume();
    @Message String routineHeading();
    @Message String routineToday(String title, int minutes);
    @Message String openRoutine();
    @Message String noRoutineYet();
    @Message String takeDeskCheck();
    @Message String lastSevenDays();
    @Message String breaksTaken(int taken, int minutes);
    @Message String targetHeading();
    @Message String target(int minutes);
    @Message String targetAgainstSitting(int minutes);
    @Message String targetNoCheckIn();
    @Message String targetWhy();
    @Message String quickLinks();
    @Message String linkDeskCheck();
    @Message String linkPause();
    @Message String linkSitting();
}
