package org.redress.server.transparency.web.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongFunction;

/**
 * A horizontal bar chart drawn on the server as SVG, with no script: one bar per key, its length in
 * proportion to the largest value. The figures' tables stay beside each chart; the chart's text
 * alternative lists every value, so nothing is only in the picture.
 *
 * @param id the element id of the chart, unique on the page
 * @param title what the chart shows
 * @param description every bar's label and value in words, for the text alternative
 * @param height the SVG's height in user units
 * @param bars the bars, in the order of the map given
 */
public record BarChart(String id, String title, String description, int height, List<Bar> bars) {

    /** The SVG's width in user units; it scales to the page's width. */
    public static final int WIDTH = 640;

    static final int ROW = 30;
    static final int LABEL_WIDTH = 220;
    static final int BAR_SPACE = 320;

    /**
     * One bar.
     *
     * @param label what the bar counts
     * @param shown the value as printed
     * @param y the top of the bar's row
     * @param length the bar's length in user units (at least 1 for a value above zero)
     */
    public record Bar(String label, String shown, int y, int length) {

        /** Where the printed value goes: just after the bar. */
        public int valueX() {
            return LABEL_WIDTH + length + 8;
        }

        public int textY() {
            return y + 19;
        }
    }

    /** A chart of counts. */
    public static BarChart counts(String id, String title, Map<String, Long> values) {
        return of(id, title, values, Long::toString);
    }

    /** A chart of durations in seconds, printed as hours:minutes:seconds. */
    public static BarChart seconds(String id, String title, Map<String, Long> values) {
        return of(id, title, values, BarChart::clock);
    }

    private static BarChart of(String id, String title, Map<String, Long> values, LongFunction<String> show) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        var words = new StringJoiner("; ");
        int y = 0;
        for (var entry : values.entrySet()) {
            long value = entry.getValue();
            int length = max == 0 ? 0 : (int) Math.max(value > 0 ? 1 : 0, value * BAR_SPACE / max);
            String shown = show.apply(value);
            bars.add(new Bar(entry.getKey(), shown, y, length));
            words.add(entry.getKey() + ": " + shown);
            y += ROW;
        }
        String description = bars.isEmpty() ? "Nothing to show for this period." : words.toString();
        return new BarChart(id, title, description, Math.max(ROW, y), List.copyOf(bars));
    }

    /** The SVG's width in user units, for the template (which may not read static fields). */
    public int width() {
        return WIDTH;
    }

    /** The x where bars start. */
    public int barX() {
        return LABEL_WIDTH;
    }

    static String clock(long seconds) {
        return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }
}
