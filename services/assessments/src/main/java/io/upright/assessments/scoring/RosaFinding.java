package io.upright.assessments.scoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a ROSA assessment can find. Codes are stable and published in
 * {@link io.upright.contracts.assessments.FindingCodes#ROSA} (FindingTest keeps the two equal). Explanations and
 * actions follow the neutral postures ROSA scores against (CSA Z412 office guidance, as cited by the paper).
 */
public enum RosaFinding {

    ROSA_ACT_NOW(
            "Your ROSA score is 5 or more. In the ROSA study, discomfort rose clearly from this score, so the paper "
                    + "treats 5 as the level where the workstation should be changed now.",
            "Fix the items below, starting with the highest-scoring section, and ask your employer for a review "
                    + "by an ergonomist: people who rate their own workstation tend to score it lower than an "
                    + "ergonomist would, so the real strain may be higher still."),
    CHAIR_SEAT_HEIGHT(
            "Your seat height does not let your knees rest at about 90 degrees with your feet flat on the floor, or "
                    + "the chair cannot be adjusted or your legs have no room under the desk.",
            "Set the seat so your knees bend at about 90 degrees with feet flat (use a footrest if your feet do not "
                    + "reach), and clear the space under the desk."),
    CHAIR_PAN_DEPTH(
            "Your seat pan is too long or too short: there should be about 8 cm (3 fingers) between the front edge "
                    + "of the seat and the back of your knees.",
            "Adjust the seat depth, or add a backrest cushion if the seat is too deep, until about three fingers fit "
                    + "behind your knees."),
    CHAIR_ARMRESTS(
            "Your armrests do not support your elbows with relaxed shoulders: too high, too low, too wide apart, hard "
                    + "or not adjustable.",
            "Set the armrests level with your elbows so your shoulders stay relaxed, close to the body; remove them "
                    + "if they keep you away from the desk."),
    NO_LUMBAR_SUPPORT(
            "Your chair back does not support the small of your back in a slightly reclined posture (95 to 110 "
                    + "degrees), or you work leaning forward without back support.",
            "Sit back in the chair, set the backrest to a slight recline and the lumbar support in the small of your "
                    + "back; a cushion helps if the chair has none."),
    /**
     * The back-support "+1"s (a backrest that cannot be adjusted, a work surface so high the shoulders rise): they
     * raise the ROSA score even when the back posture itself is neutral, so they need their own explanation.
     */
    BACKREST_SETUP(
            "Your backrest cannot be adjusted, or your desk is so high that your shoulders are pushed up while you "
                    + "work. Either one makes your back work harder, even if you sit well.",
            "Ask for a chair whose backrest you can move up and down and tilt, and set it to support the small of "
                    + "your back. If the desk is too high, raise your seat and put a footrest under your feet, or "
                    + "lower the desk, until your shoulders can relax while you type."),
    MONITOR_POSITION(
            "Your screen makes you look down, tilt your head back, turn your neck, or it is too far away, has glare or "
                    + "you read documents without a holder.",
            "Place the screen an arm's length away, straight in front of you, with its top at eye level; reduce glare "
                    + "and use a document holder beside it."),
    TELEPHONE_POSTURE(
            "You reach far for the phone or hold it between ear and shoulder, which bends the neck sideways.",
            "Keep the phone within easy reach and use a headset or speaker for calls, especially long ones."),
    MOUSE_POSITION(
            "You reach for your mouse, it sits on a different surface from the keyboard, or its size or a hard palm "
                    + "rest strains your hand.",
            "Keep the mouse next to the keyboard at the same height, in line with your shoulder, and choose one that "
                    + "fills your hand."),
    KEYBOARD_POSTURE(
            "Your wrists bend up or sideways while typing, the keyboard is too high, or you reach to items above you.",
            "Lower the keyboard to elbow height with wrists straight and shoulders relaxed, and keep frequently used "
                    + "items within reach.");

    private final String explanation;
    private final String action;

    RosaFinding(String explanation, String action) {
        this.explanation = explanation;
        this.action = action;
    }

    public String code() {
        return name();
    }

    public String explanation() {
        return explanation;
    }

    public String action() {
        return action;
    }

    public static Optional<RosaFinding> byCode(String code) {
        return Arrays.stream(values()).filter(f -> f.name().equals(code)).findFirst();
    }
}
