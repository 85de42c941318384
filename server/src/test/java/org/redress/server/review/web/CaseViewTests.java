package org.redress.server.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.redress.pdq.Dihedral;

class CaseViewTests {

    @Test
    void namesEveryVariantMatchingCanReportInWords() {
        assertThat(CaseView.variantInWords("ORIGINAL")).isEqualTo("the banked image");
        assertThat(CaseView.variantInWords("ROTATE_90")).isEqualTo("the banked image rotated by 90 degrees");
        assertThat(Arrays.stream(Dihedral.values()).map(d -> CaseView.variantInWords(d.name())))
                .as("each of matching's names has its own words")
                .allSatisfy(words ->
                        assertThat(words).startsWith("the banked image").doesNotContain("_"))
                .doesNotHaveDuplicates();
    }
}
