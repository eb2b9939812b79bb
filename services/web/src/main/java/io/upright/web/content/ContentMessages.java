package io.upright.web.content;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The content library's words, namespace {@code content:}; text in {@code messages/content_en.properties} and {@code content_de.properties}. */
@MessageBundle(value = "content", locale = "en")
public interface ContentMessages {

    @Message String libraryTitle();
    @Message String libraryIntro();
    @Message String backHome();
    @Message String backToLibrary();
    @Message String backToItem();
    @Message String forbiddenTitle();
    @Message String forbiddenText();

    @Message String statusDraft();
    @Message String statusInReview();
    @Message String statusPublished();
    @Message String statusSuperseded();
    @Message String statusRetired();

    @Message String waitingForReview(int count);
    @Message String showInReview();
    @Message String waitsForReviewer();
    @Message String newRoutine();
    @Message String newExercise();
    @Message String filterLabel();
    @Message String filterAll(int count);
    @Message String routinesHeading();
    @Message String exercisesHeading();
    @Message String routinesCaption();
    @Message String exercisesCaption();
    @Message String noneHere();
    @Message String colTitle();
    @Message String colId();
    @Message String colStatus();
    @Message String colVersions();
    @Message String versionsCell(int version);
    @Message String publishedCell(int version);

    @Message String exerciseHeading(String id);
    @Message String routineHeading(String id);
    @Message String idLabel();
    @Message String latestVersion(int version);
    @Message String publishedVersion(int version);
    @Message String neverPublished();
    @Message String sentBack();
    @Message String versionHeading(int version);
    @Message String publishedReadersGet(int version);
    @Message String versionsHeading();
    @Message String versionsCaption();
    @Message String colVersion();
    @Message String colChangedBy();
    @Message String colChangedAt();
    @Message String colNote();

    @Message String changedElsewhere();
    @Message String changedElsewhereForm();
    @Message String seeCurrent();
    @Message String currentVersion(int version);
    @Message String doneDrafted();
    @Message String doneSaved();
    @Message String doneSubmitted();
    @Message String doneRejected();
    @Message String donePublished();
    @Message String doneRetired();

    @Message String actionsHeading();
    @Message String edit();
    @Message String editNextVersion();
    @Message String editStartsNextVersion();
    @Message String submit();
    @Message String submitHint();
    @Message String publish();
    @Message String publishHint();
    @Message String reject();
    @Message String reasonLabel();
    @Message String reasonHint();
    @Message String retire();
    @Message String retireHint();

    @Message String purposeLabel();
    @Message String lengthLabel();
    @Message String seconds(int seconds);
    @Message String repsValue(int reps);
    @Message String doseLabel();
    @Message String doseValue(int setup, int sets, int sides, int reps, int seconds, int rest);
    @Message String noDose();
    @Message String positionLabel();
    @Message String intensityLabel();
    @Message String bodyAreasLabel();
    @Message String equipmentLabel();
    @Message String noEquipment();
    @Message String flagsLabel();
    @Message String flagDeskFriendly();
    @Message String flagMicroBreak();
    @Message String flagStandalone();
    @Message String flagSoftTissueRelease();
    @Message String flagVigorous();
    @Message String sourceLabel();
    @Message String drawingAlt(String alt);
    @Message String noDrawing();
    @Message String stepsLabel();
    @Message String safetyNotesLabel();
    @Message String contraindicationsLabel();
    @Message String codesLabel();
    @Message String noCodes();
    @Message String mediaLabel();
    @Message String levelLabel();
    @Message String lengthUnknown();
    @Message String nextLabel();
    @Message String noNext();
    @Message String exercisesInOrder();

    @Message String newExerciseTitle();
    @Message String newRoutineTitle();
    @Message String editTitle(String id);
    @Message String idHint();
    @Message String titleLabel();
    @Message String linesHint();
    @Message String codesHint();
    @Message String equipmentHint();
    @Message String choose();
    @Message String sourceHint();
    @Message String doseHint();
    @Message String doseSetup();
    @Message String doseSets();
    @Message String doseSides();
    @Message String doseReps();
    @Message String doseSecondsPerRep();
    @Message String doseRest();
    @Message String withoutDoseLabel();
    @Message String withoutDoseHint();
    @Message String durationLabel();
    @Message String repsLabel();
    @Message String illustrationLabel();
    @Message String illustrationHint();
    @Message String mediaHint();
    @Message String levelHint();
    @Message String exercisesHint();
    @Message String exerciseRow(int number);
    @Message String noExercise();
    @Message String notPublished();
    @Message String nextHint();
    @Message String noNextRoutine();
    @Message String saveDraft();
    @Message String createDraft();

    @Message String checkFields();
    @Message String wholeNumber();
    @Message String wholeDose();
    @Message String notJson(int line, int column, String problem);
    @Message String jsonObject();
    @Message String jsonList();
}
