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

    // campaigns (CampaignPages) and the program dashboard (DashboardPages)

    @Message
    String campaignsTitle();

    @Message
    String campaignsIntro();

    @Message
    String campaignStarted();

    @Message
    String campaignsListHeading();

    @Message
    String campaignsCaption();

    @Message
    String campaignColTemplate();

    @Message
    String campaignColDue();

    @Message
    String campaignColStarted();

    @Message
    String campaignColCoverage();

    @Message
    String campaignCoverageHint();

    @Message
    String campaignCoverageHidden();

    @Message
    String noCampaigns();

    @Message
    String campaignStartHeading();

    @Message
    String campaignTeamLabel();

    @Message
    String campaignChoose();

    @Message
    String campaignTemplateLabel();

    @Message
    String campaignDueLabel();

    @Message
    String campaignDueHint();

    @Message
    String campaignStartButton();

    @Message
    String templateWorkstationBasics();

    @Message
    String templateRosa();

    @Message
    String dashboardTitle();

    @Message
    String dashboardLink(String title);

    @Message
    String dashboardNoWeeks();

    @Message
    String dashboardOverview();

    @Message
    String dashboardOverviewCaption();

    @Message
    String dashboardColFigure();

    @Message
    String dashboardColWeeksShown();

    @Message
    String dashboardColLatest();

    @Message
    String dashboardTeams();

    @Message
    String dashboardTeamsCaption();

    @Message
    String dashboardNoTeams();

    @Message
    String dashboardWeeks();

    @Message
    String dashboardWeeksCaption();

    @Message
    String dashboardColWeek();

    @Message
    String dashboardPending();

    @Message
    String dashboardRisk();

    @Message
    String dashboardRiskHidden();

    @Message
    String dashboardRiskCaption();

    @Message
    String dashboardColGroup();

    @Message
    String dashboardColPeople();

    @Message
    String dashboardAssessed();

    @Message
    String metricEnrolled();

    @Message
    String metricActive();

    @Message
    String metricCoverage();

    @Message
    String metricAssessments();

    @Message
    String metricReminders();

    @Message
    String metricBreaks();

    @Message
    String metricUptake();

    @Message
    String metricActiveMinutes();

    @Message
    String metricExerciseSessions();

    @Message
    String metricExerciseMinutes();

    @Message
    String campaignCoverage(int submitted, int employees, int percent);

    @Message
    String dashboardIntro(int k);

    @Message
    String dashboardFewerThan(int k);
}
