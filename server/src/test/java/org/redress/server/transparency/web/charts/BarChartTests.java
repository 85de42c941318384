package org.redress.server.transparency.web.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BarChartTests {

    @Test
    void drawsEachBarInProportionToTheLargestAndSaysEveryValueInWords() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("PUBLIC", 4L);
        values.put("FLAGGER", 1L);
        values.put("REGULATOR", 0L);

        var chart = BarChart.counts("chart-reports", "Reports by channel", values);

        assertThat(chart.bars())
                .extracting(BarChart.Bar::length)
                .containsExactly(BarChart.BAR_SPACE, BarChart.BAR_SPACE / 4, 0);
        assertThat(chart.bars()).extracting(BarChart.Bar::y).containsExactly(0, BarChart.ROW, 2 * BarChart.ROW);
        assertThat(chart.height()).isEqualTo(3 * BarChart.ROW);
        assertThat(chart.description()).isEqualTo("PUBLIC: 4; FLAGGER: 1; REGULATOR: 0");
    }

    @Test
    void keepsASmallValueVisibleAndPrintsDurationsAsAClock() {
        var chart = BarChart.seconds("chart-times", "Median times", Map.of("To removal", 90_061L));
        assertThat(chart.bars().getFirst().shown()).isEqualTo("25:01:01");
        var tiny = BarChart.counts("c", "t", withSmall());
        assertThat(tiny.bars().get(1).length()).isEqualTo(1);
        assertThat(BarChart.counts("c", "t", Map.of()).description()).isEqualTo("Nothing to show for this period.");
    }

    private static Map<String, Long> withSmall() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("big", 100_000L);
        values.put("small", 1L);
        return values;
    }
}
