package io.upright.web.deskcheck;

import java.util.List;
import java.util.Locale;

/**
 * The score of each submitted check, oldest first, drawn as an inline SVG line with a point per check. Pure: it
 * writes only shapes and numbers; the page wraps them in an {@code <svg role="img">} with its own title, description
 * and a table of the same figures (the text alternative).
 */
public final class TrendChart {

    /** One submitted check: its score out of its maximum. */
    public record Point(int score, int maxScore) {
    }

    /** The drawing: its size and the SVG elements inside it; empty when there is nothing to draw. */
    public record Drawing(int width, int height, String shapes) {
        public boolean empty() {
            return shapes.isEmpty();
        }
    }

    static final int WIDTH = 600;
    static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 30;
    private static final String LINE = "#0b5cad";
    private static final String GRID = "#c9d1d9";
    private static final String INK = "#1b1f23";

    private TrendChart() {
    }

    public static Drawing draw(List<Point> points) {
        if (points == null || points.isEmpty()) {
            return new Drawing(WIDTH, HEIGHT, "");
        }
        int max = points.stream().mapToInt(Point::maxScore).max().orElse(1);
        max = Math.max(max, points.stream().mapToInt(Point::score).max().orElse(0));
        max = Math.max(max, 1);
        StringBuilder svg = new StringBuilder();
        // the axis: 0 at the bottom, the maximum score at the top (lower is better for both methods)
        for (int value : new int[]{0, max}) {
            double y = y(value, max);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>",
                    LEFT, y, WIDTH - RIGHT, y, GRID));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\" fill=\"%s\">%d</text>",
                    LEFT - 6, y + 4, INK, value));
        }
        if (points.size() > 1) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                line.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f",
                        x(i, points.size()), y(points.get(i).score(), max)));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(LINE).append("\" stroke-width=\"2\" points=\"")
                    .append(line).append("\"/>");
        }
        for (int i = 0; i < points.size(); i++) {
            double x = x(i, points.size());
            double y = y(points.get(i).score(), max);
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>", x, y, LINE));
            // each point carries its figure as text, so the chart never relies on position alone
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" fill=\"%s\">%d</text>",
                    x, y - 9, INK, points.get(i).score()));
        }
        return new Drawing(WIDTH, HEIGHT, svg.toString());
    }

    private static double x(int index, int count) {
        double width = WIDTH - LEFT - RIGHT;
        if (count == 1) {
            return LEFT + width / 2;
        }
        return LEFT + 10 + (width - 20) * index / (count - 1);
    }

    private static double y(int score, int max) {
        double height = HEIGHT - TOP - BOTTOM;
        return TOP + height * (1 - (double) score / max);
    }
}
