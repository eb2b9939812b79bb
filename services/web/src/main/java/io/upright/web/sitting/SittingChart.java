package io.upright.web.sitting;

import java.util.List;

/**
 * The sitting-time trend as a small bar chart in SVG, drawn here so the page needs no script: one bar per period,
 * its minutes written above it and the period below, so the numbers never depend on reading the bar's height or
 * colour. The page shows the same figures in a table beside it. Pure: labels come in already in the page's language.
 */
public final class SittingChart {

    /** One bar: a period's label and its sitting minutes per workday. */
    public record Bar(String label, int minutes) {
    }

    static final int HEIGHT = 200;
    static final int BAR = 44;
    static final int GAP = 20;
    static final int TOP = 24;
    static final int BOTTOM = 40;
    static final int SIDE = 16;

    private SittingChart() {
    }

    /** The SVG element; {@code id} names its title, which is also its accessible name. */
    public static String svg(String id, String title, List<Bar> bars) {
        int width = Math.max(320, 2 * SIDE + bars.size() * (BAR + GAP) - GAP);
        int max = bars.stream().mapToInt(Bar::minutes).max().orElse(0);
        int plot = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sitting-chart\" viewBox=\"0 0 ").append(width)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(escape(id)).append("\">");
        svg.append("<title id=\"").append(escape(id)).append("\">").append(escape(title)).append("</title>");
        int baseline = HEIGHT - BOTTOM;
        svg.append("<line x1=\"").append(SIDE / 2).append("\" y1=\"").append(baseline).append("\" x2=\"")
                .append(width - SIDE / 2).append("\" y2=\"").append(baseline).append("\" stroke=\"#4a5560\"/>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int x = SIDE + i * (BAR + GAP);
            // a bar of 0 minutes still shows its number; the tallest bar fills the plot
            int h = max == 0 ? 0 : (int) Math.round((double) bar.minutes() * plot / max);
            int centre = x + BAR / 2;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(baseline - h).append("\" width=\"").append(BAR)
                    .append("\" height=\"").append(h).append("\" fill=\"#0b5cad\"/>");
            svg.append("<text x=\"").append(centre).append("\" y=\"").append(baseline - h - 6)
                    .append("\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1f23\">").append(bar.minutes()).append("</text>");
            svg.append("<text x=\"").append(centre).append("\" y=\"").append(baseline + 18)
                    .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1f23\">").append(escape(bar.label())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
