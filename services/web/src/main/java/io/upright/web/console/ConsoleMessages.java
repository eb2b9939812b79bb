package io.upright.web.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The HR console's words, namespace {@code console:}; text in {@code messages/console_en.properties} and {@code console_de.properties}. */
@MessageBundle(value = "console", locale = "en")
public interface ConsoleMessages {

    @Message
    String consoleTitle();

    @Message
    String consoleIntro();

    @Message
    String importTitle();

    @Message
    String importIntro();

    @Message
    String programsTitle();

    @Message
    String programsIntro();

    @Message
    String wizardTitle();

    @Message
    String wizardIntro();

    @Message
    String backHome();

    @Message
    String backToConsole();

    @Message
    String backToPrograms();

    @Message
    String forbiddenTitle();

    @Message
    String forbiddenText();

    @Message
    String uploadHeading();

    @Message
    String checkAgainHeading();

    @Message
    String columnsIntro();

    @Message
    String fileLabel();

    @Message
    String fileHint();

    @Message
    String pasteLabel();

    @Message
    String pasteHint();

    @Message
    String checkButton();

    @Message
    String previewHeading();

    @Message
    String fileRefused();

    @Message
    String dryRun(int rows, int teams, int enrol, int unchanged, int update, int leavers);

    @Message
    String previewValid();

    @Message
    String previewInvalid(int count);

    @Message
    String lineLink(int line);

    @Message
    String rowsCaption();

    @Message
    String colLine();

    @Message
    String colEmail();

    @Message
    String colName();

    @Message
    String colTeam();

    @Message
    String colAction();

    @Message
    String colNotes();

    @Message
    String newTeam();

    @Message
    String actionEnrol();

    @Message
    String actionUpdate();

    @Message
    String actionUnchanged();

    @Message
    String actionError();

    @Message
    String changedFields();

    @Message
    String notApplied();

    @Message
    String leaversHeading();

    @Message
    String leaversHint();

    @Message
    String markLeavers();

    @Message
    String importButton(int rows);

    @Message
    String fileEmpty();

    @Message
    String fileNotText();

    @Message
    String fileTooLarge();

    @Message
    String progressTitle();

    @Message
    String progressRows(int done, int total);

    @Message
    String progressLabel();

    @Message
    String refreshes();

    @Message
    String refreshNow();

    @Message
    String importSucceeded();

    @Message
    String importedSummary(int rows, int teams, int enrol, int unchanged, int update, int leavers);

    @Message
    String updatesReported(int count);

    @Message
    String leaversMarked(int count);

    @Message
    String leaversReported(int count);

    @Message
    String teamsHeading();

    @Message
    String importFailed();

    @Message
    String importAnother();

    @Message
    String programLaunched();

    @Message
    String programsCaption();

    @Message
    String colTitle();

    @Message
    String colStatus();

    @Message
    String colStartsOn();

    @Message
    String colTeams();

    @Message
    String statusDraft();

    @Message
    String statusLaunched();

    @Message
    String statusPaused();

    @Message
    String statusEnded();

    @Message
    String noPrograms();

    @Message
    String stepBasics();

    @Message
    String titleLabel();

    @Message
    String cadenceLegend();

    @Message
    String cadenceHint();

    @Message
    String minBreakLabel();

    @Message
    String maxBreakLabel();

    @Message
    String stepPhases();

    @Message
    String phasesHint();

    @Message
    String phaseLegend(int number);

    @Message
    String phaseStartWeek();

    @Message
    String phaseBreakEvery();

    @Message
    String phaseActiveMinutes();

    @Message
    String stepTeams();

    @Message
    String teamsLegend();

    @Message
    String championsLegend();

    @Message
    String championsHint();

    @Message
    String championFor(String team);

    @Message
    String noChampion();

    @Message
    String noTeams();

    @Message
    String stepLaunch();

    @Message
    String startsOnLabel();

    @Message
    String startsOnHint();

    @Message
    String launchButton();

    @Message
    String wholeNumber();

    @Message
    String dateFormat();

    @Message
    String required();

    @Message
    String checkFields();
}
