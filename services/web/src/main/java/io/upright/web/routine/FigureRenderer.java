package io.upright.web.routine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws an exercise's {@link Illustration} as inline SVG: a side-view stick figure facing right, the first pose solid
 * and any later pose ghosted (dashed, faint) over it, with its props and a ground line. The SVG is {@code role="img"}
 * with the alt text as its {@code <title>}, so a screen reader says what the drawing shows.
 *
 * <p>Geometry works in centimetres of an average adult, y up, the hip joint at the origin; each pose is then moved
 * so its lowest point rests on the ground, and a later pose is slid sideways so the body part it stands on stays
 * where it was in the first pose (feet stay planted while the body rises).
 */
public final class FigureRenderer {

    static final double TRUNK = 52;
    static final double NECK = 7;
    static final double HEAD_RADIUS = 11;
    static final double THIGH = 44;
    static final double SHANK = 43;
    static final double FOOT = 15;
    static final double HEEL = 4;
    static final double UPPER_ARM = 30;
    static final double FOREARM = 28;
    private static final double PADDING = 8;

    /** A point in centimetres, y up. */
    record Point(double x, double y) {
        Point plus(double length, double degrees) {
            // directions are clockwise from straight up, so 90 is forward (right) and 180 straight down
            double radians = Math.toRadians(degrees);
            return new Point(x + length * Math.sin(radians), y + length * Math.cos(radians));
        }

        Point shifted(double dx, double dy) {
            return new Point(x + dx, y + dy);
        }
    }

    /** Every joint of one pose, by name (hip, shoulder, head, knee, ankle, toe, heel, elbow, hand; far… for the far side). */
    record Figure(Map<String, Point> joints) {
        Point at(String joint) {
            return joints.get(joint);
        }

        double lowest() {
            double low = Double.MAX_VALUE;
            for (Map.Entry<String, Point> j : joints.entrySet()) {
                double y = j.getKey().equals("head") ? j.getValue().y() - HEAD_RADIUS : j.getValue().y();
                low = Math.min(low, y);
            }
            return low;
        }

        Figure shifted(double dx, double dy) {
            Map<String, Point> moved = new LinkedHashMap<>();
            joints.forEach((name, p) -> moved.put(name, p.shifted(dx, dy)));
            return new Figure(moved);
        }
    }

    /** The joints a pose may rest on, in the order ties are broken when choosing what stays planted. */
    private static final List<String> SUPPORTS = List.of("farToe", "toe", "farHeel", "heel", "farKnee", "knee",
            "hip", "farHand", "hand", "farElbow", "elbow", "shoulder", "head");

    private FigureRenderer() {
    }

    /** The joints of one pose seen from the side, with the hip joint at the origin (before it is put on the ground). */
    static Figure pose(Map<String, Integer> angles) {
        return pose(angles, false, false);
    }

    /**
     * The joints of one pose with the hip joint at the origin. From the front the same angles tilt the limbs sideways
     * and the far limbs are their mirror image (a far joint not given takes the near one's angle, mirrored).
     */
    static Figure pose(Map<String, Integer> angles, boolean front, boolean shortThighs) {
        double trunk = angle(angles, "trunk");
        Map<String, Point> joints = new LinkedHashMap<>();
        Point hip = new Point(0, 0);
        Point shoulder = hip.plus(TRUNK, trunk);
        joints.put("hip", hip);
        joints.put("shoulder", shoulder);
        joints.put("neck", shoulder.plus(NECK, trunk + angle(angles, "neck")));
        joints.put("head", shoulder.plus(NECK + HEAD_RADIUS, trunk + angle(angles, "neck")));
        int mirror = front ? -1 : 1;
        double thigh = shortThighs ? THIGH / 5 : THIGH;
        leg(joints, "", hip, trunk, 1, angle(angles, "hip"), angle(angles, "knee"), angle(angles, "ankle"), front, thigh);
        leg(joints, "far", hip, trunk, mirror, angle(angles, "farHip", "hip"), angle(angles, "farKnee", "knee"),
                angle(angles, "farAnkle", "ankle"), front, thigh);
        arm(joints, "", shoulder, trunk, 1, angle(angles, "shoulder"), angle(angles, "elbow"));
        arm(joints, "far", shoulder, trunk, mirror, angle(angles, "farShoulder", "shoulder"), angle(angles, "farElbow", "elbow"));
        return new Figure(joints);
    }

    /** {@code turn} is 1, or -1 for a limb drawn as the mirror image (the far side seen from the front). */
    private static void leg(Map<String, Point> joints, String side, Point hip, double trunk, int turn, double hipFlexion,
                            double kneeFlexion, double dorsiflexion, boolean front, double thighLength) {
        double thigh = trunk + 180 - turn * hipFlexion;
        Point knee = hip.plus(thighLength, thigh);
        double shank = thigh + turn * kneeFlexion;
        Point ankle = knee.plus(SHANK, shank);
        double foot = shank - turn * (90 + dorsiflexion);
        // seen from the front a foot points at the viewer: only its outer edge shows
        double length = front ? FOOT / 2 : FOOT;
        joints.put(name(side, "knee"), knee);
        joints.put(name(side, "ankle"), ankle);
        joints.put(name(side, "toe"), ankle.plus(length, foot));
        joints.put(name(side, "heel"), ankle.plus(front ? 0 : HEEL, foot + 180));
    }

    private static void arm(Map<String, Point> joints, String side, Point shoulder, double trunk, int turn,
                            double flexion, double elbowFlexion) {
        double upper = trunk + 180 - turn * flexion;
        Point elbow = shoulder.plus(UPPER_ARM, upper);
        joints.put(name(side, "elbow"), elbow);
        joints.put(name(side, "hand"), elbow.plus(FOREARM, upper - turn * elbowFlexion));
    }

    private static String name(String side, String joint) {
        return side.isEmpty() ? joint : side + Character.toUpperCase(joint.charAt(0)) + joint.substring(1);
    }

    private static double angle(Map<String, Integer> angles, String joint) {
        Integer value = angles.get(joint);
        return value == null ? 0 : value;
    }

    /** A far-side joint mirrors the near one unless given. */
    private static double angle(Map<String, Integer> angles, String joint, String mirrors) {
        Integer value = angles.get(joint);
        return value != null ? value : angle(angles, mirrors);
    }

    /**
     * Every pose on the ground. A later pose that rests on the same body part as the first (feet on the floor, a knee
     * on the mat) is slid so that part stays where it was; one that does not (a step, a march) is drawn over the
     * first at the same hip.
     */
    static List<Figure> grounded(Illustration illustration) {
        List<Figure> figures = new ArrayList<>();
        for (Map<String, Integer> angles : illustration.keyframes()) {
            Figure posed = pose(angles == null ? Map.of() : angles, illustration.front(), seatedFacingViewer(illustration));
            Figure figure = posed.shifted(0, -posed.lowest());
            if (!figures.isEmpty()) {
                Figure first = figures.get(0);
                String planted = SUPPORTS.stream().filter(j -> onGround(first, j) && onGround(figure, j)).findFirst().orElse("hip");
                figures.add(figure.shifted(first.at(planted).x() - figure.at(planted).x(), 0));
            } else {
                figures.add(figure);
            }
        }
        return figures;
    }

    /** Seen from the front on a chair the thighs point at the viewer, so they look short. */
    private static boolean seatedFacingViewer(Illustration illustration) {
        return illustration.front() && illustration.props().contains("chair");
    }

    private static boolean onGround(Figure figure, String joint) {
        double y = figure.at(joint).y() - (joint.equals("head") ? HEAD_RADIUS : 0);
        return y < 1.5;
    }

    /**
     * The SVG for an illustration; {@code id} makes its title's id unique on the page. Empty when there is nothing
     * to draw (no illustration or no pose), so a page shows the steps alone.
     */
    public static String svg(Illustration illustration, String id) {
        if (illustration == null || illustration.keyframes().isEmpty() || blank(illustration.alt())) {
            return "";
        }
        List<Figure> figures = grounded(illustration);
        Bounds bounds = new Bounds();
        figures.forEach(f -> f.joints().forEach((name, p) -> bounds.add(p, name.equals("head") ? HEAD_RADIUS : 3)));
        StringBuilder props = new StringBuilder();
        drawProps(illustration, figures.get(0), bounds, props);
        bounds.add(new Point(bounds.minX, 0), 0);
        String titleId = "fig-" + id.replaceAll("[^A-Za-z0-9_-]", "-");
        StringBuilder svg = new StringBuilder();
        double width = bounds.maxX - bounds.minX + 2 * PADDING;
        double height = bounds.maxY - bounds.minY + 2 * PADDING;
        svg.append("<svg class=\"figure\" role=\"img\" aria-labelledby=\"").append(titleId).append("\" viewBox=\"")
                .append(n(bounds.minX - PADDING)).append(' ').append(n(-bounds.maxY - PADDING)).append(' ')
                .append(n(width)).append(' ').append(n(height)).append("\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title id=\"").append(titleId).append("\">").append(escape(illustration.alt())).append("</title>");
        if (!illustration.above()) {
            svg.append("<line class=\"ground\" x1=\"").append(n(bounds.minX - PADDING)).append("\" y1=\"0\" x2=\"")
                    .append(n(bounds.maxX + PADDING)).append("\" y2=\"0\" stroke=\"#6a737d\" stroke-width=\"2\"/>");
        }
        svg.append(props);
        for (int i = figures.size() - 1; i >= 0; i--) {
            drawFigure(figures.get(i), i > 0, illustration.front(), svg);
        }
        return svg.append("</svg>").toString();
    }

    private static void drawFigure(Figure f, boolean ghost, boolean front, StringBuilder svg) {
        svg.append("<g class=\"").append(ghost ? "pose ghost" : "pose").append("\" fill=\"none\" stroke-linecap=\"round\" "
                + "stroke-linejoin=\"round\" stroke-width=\"5\"")
                .append(ghost ? " opacity=\"0.4\" stroke-dasharray=\"6 5\"" : "").append('>');
        // from the side the far limbs are drawn first and lighter, so the near ones read as in front
        String far = front ? "#1b1f23" : "#7a8691";
        String near = "#1b1f23";
        path(svg, far, f.at("hip"), f.at("farKnee"), f.at("farAnkle"), f.at("farToe"));
        path(svg, far, f.at("farAnkle"), f.at("farHeel"));
        path(svg, far, f.at("shoulder"), f.at("farElbow"), f.at("farHand"));
        path(svg, near, f.at("hip"), f.at("shoulder"), f.at("neck"));
        path(svg, near, f.at("hip"), f.at("knee"), f.at("ankle"), f.at("toe"));
        path(svg, near, f.at("ankle"), f.at("heel"));
        path(svg, near, f.at("shoulder"), f.at("elbow"), f.at("hand"));
        Point head = f.at("head");
        svg.append("<circle cx=\"").append(n(head.x())).append("\" cy=\"").append(n(-head.y())).append("\" r=\"")
                .append(n(HEAD_RADIUS)).append("\" stroke=\"").append(near).append("\" fill=\"#fff\"/>");
        svg.append("</g>");
    }

    private static void drawProps(Illustration illustration, Figure first, Bounds bounds, StringBuilder svg) {
        String style = " fill=\"none\" stroke=\"#4a5560\" stroke-width=\"3\" stroke-linejoin=\"round\"";
        double figureMinX = Double.MAX_VALUE;
        double figureMaxX = -Double.MAX_VALUE;
        for (Map.Entry<String, Point> j : first.joints().entrySet()) {
            double r = j.getKey().equals("head") ? HEAD_RADIUS : 0;
            figureMinX = Math.min(figureMinX, j.getValue().x() - r);
            figureMaxX = Math.max(figureMaxX, j.getValue().x() + r);
        }
        for (String prop : illustration.props()) {
            switch (prop) {
                case "chair" -> {
                    Point hip = first.at("hip");
                    double seat = Math.max(hip.y() - 8, 20);
                    // from the front the seat spans both sides and its back is hidden behind the person
                    double back = hip.x() - (illustration.front() ? 24 : 16);
                    double front = hip.x() + 24;
                    double backrest = illustration.front() ? 0 : 45;
                    svg.append("<path d=\"M").append(n(back)).append(' ').append(n(-seat - backrest)).append(" L").append(n(back))
                            .append(" 0 M").append(n(back)).append(' ').append(n(-seat)).append(" L").append(n(front))
                            .append(' ').append(n(-seat)).append(" L").append(n(front)).append(" 0\"").append(style).append("/>");
                    bounds.add(new Point(back, seat + backrest), 0);
                    bounds.add(new Point(front, 0), 0);
                }
                case "chair-under-calves" -> {
                    Point knee = first.at("knee");
                    Point ankle = first.at("ankle");
                    double seat = Math.max(Math.min(knee.y(), ankle.y()) - 4, 20);
                    double back = Math.min(knee.x(), ankle.x()) - 4;
                    double front = Math.max(knee.x(), ankle.x()) + 8;
                    svg.append("<path d=\"M").append(n(back)).append(" 0 L").append(n(back)).append(' ').append(n(-seat))
                            .append(" L").append(n(front)).append(' ').append(n(-seat)).append(" L").append(n(front))
                            .append(' ').append(n(-seat - 45)).append(" M").append(n(front)).append(' ').append(n(-seat))
                            .append(" L").append(n(front)).append(" 0\"").append(style).append("/>");
                    bounds.add(new Point(front, seat + 45), 0);
                }
                case "wall", "front-wall" -> {
                    double x = prop.equals("wall") ? figureMinX - 4 : figureMaxX + 4;
                    double top = Math.max(bounds.maxY, 60) + 10;
                    svg.append("<line x1=\"").append(n(x)).append("\" y1=\"0\" x2=\"").append(n(x)).append("\" y2=\"")
                            .append(n(-top)).append('"').append(style.replace("stroke-width=\"3\"", "stroke-width=\"6\"")).append("/>");
                    bounds.add(new Point(x, top), 3);
                }
                case "desk" -> {
                    Point hand = first.at("hand");
                    double top = Math.max(hand.y() - 2, 20);
                    double from = hand.x() - 6;
                    double to = hand.x() + 40;
                    svg.append("<path d=\"M").append(n(from)).append(" 0 L").append(n(from)).append(' ').append(n(-top))
                            .append(" L").append(n(to)).append(' ').append(n(-top)).append(" L").append(n(to)).append(" 0\"")
                            .append(style).append("/>");
                    bounds.add(new Point(to, top), 0);
                }
                case "ball" -> {
                    Point hip = first.at("hip");
                    double r = Math.max(Math.min(hip.y() / 2, 8), 3);
                    svg.append("<circle cx=\"").append(n(hip.x() + 6)).append("\" cy=\"").append(n(-r)).append("\" r=\"")
                            .append(n(r)).append("\" fill=\"#c9d1d9\" stroke=\"#4a5560\" stroke-width=\"2\"/>");
                }
                case "step" -> {
                    Point toe = first.at("toe");
                    Point heel = first.at("heel");
                    double top = Math.max(Math.min(toe.y(), heel.y()), 10);
                    double from = Math.min(toe.x(), heel.x()) - 6;
                    svg.append("<path d=\"M").append(n(from)).append(" 0 L").append(n(from)).append(' ').append(n(-top))
                            .append(" L").append(n(from + 40)).append(' ').append(n(-top)).append(" L").append(n(from + 40))
                            .append(' ').append(n(-top - 18)).append("\"").append(style).append("/>");
                    bounds.add(new Point(from + 40, top + 18), 0);
                }
                default -> {
                    // a prop this front end does not know yet is left out: the figure and its alt text still say it
                }
            }
        }
    }

    private static void path(StringBuilder svg, String colour, Point... points) {
        svg.append("<path d=\"");
        for (int i = 0; i < points.length; i++) {
            svg.append(i == 0 ? 'M' : 'L').append(n(points[i].x())).append(' ').append(n(-points[i].y())).append(' ');
        }
        svg.setLength(svg.length() - 1);
        svg.append("\" stroke=\"").append(colour).append("\"/>");
    }

    /** Extent of everything drawn, in centimetres, y up. */
    private static final class Bounds {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;

        void add(Point p, double margin) {
            minX = Math.min(minX, p.x() - margin);
            maxX = Math.max(maxX, p.x() + margin);
            minY = Math.min(minY, p.y() - margin);
            maxY = Math.max(maxY, p.y() + margin);
        }
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
