package io.upright.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rewrites the text between a pair of markers in a Markdown file, leaving everything around it as it was. */
public final class MarkedSections {

    private MarkedSections() {
    }

    public static void replace(Path doc, String begin, String end, String text) throws IOException {
        String content = Files.readString(doc);
        int from = content.indexOf(begin);
        int to = content.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(doc + " has no " + begin + " / " + end + " markers");
        }
        Files.writeString(doc, content.substring(0, from + begin.length()) + "\n" + text + content.substring(to));
    }

    static String begin(String name) {
        return "<!-- bench-" + name + ":begin -->";
    }

    static String end(String name) {
        return "<!-- bench-" + name + ":end -->";
    }
}
