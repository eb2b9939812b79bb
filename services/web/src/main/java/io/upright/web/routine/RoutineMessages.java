package io.upright.web.routine;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The routine pages' words, namespace {@code routine:}; text in {@code messages/routine_en.properties} and {@code _de}. */
@MessageBundle(value = "routine", locale = "en")
public interface RoutineMessages {

    @Message
    String title();

    @Message
    String whyHeading();

    @Message
    String deskChange();

    @Message
    String pausedHeading();

    @Message
    String pausedSeeClinician();

    @Message
    String nothingSafe();

    @Message
    String noCheckYet();

    @Message
    String doDeskCheck();

    @Message
    String routineLength(int minutes);

    @Message
    String floorOrEquipment();

    @Message
    String softTissueRelease();

    @Message
    String start();

    @Message
    String exercisesHeading();

    @Message
    String stepsHeading();

    @Message
    String safetyHeading();

    @Message
    String duration(int minutes, int seconds);

    @Message
    String reps(int reps);

    @Message
    String logged();

    @Message
    String playTitle(String routine);

    @Message
    String exerciseOf(int number, int count);

    @Message
    String timerHint();

    @Message
    String timerStart();

    @Message
    String timerPause();

    @Message
    String timerReset();

    /** Put before the time left (m:ss) by routine.js. */
    @Message
    String timerLeft();

    @Message
    String timerDone();

    @Message
    String next();

    @Message
    String back();

    @Message
    String backToRoutine();

    @Message
    String finishHeading();

    @Message
    String finishIntro();

    @Message
    String minutesLabel();

    @Message
    String minutesHint();

    @Message
    String feltLegend();

    @Message
    String felt1();

    @Message
    String felt2();

    @Message
    String felt3();

    @Message
    String felt4();

    @Message
    String felt5();

    @Message
    String discomfortLabel();

    @Message
    String discomfortHint();

    @Message
    String didIt();

    @Message
    String notANumber();
}
