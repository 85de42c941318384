package org.redress.server.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.redress.pdq.Dihedral;
import org.redress.server.matching.BankEntry;

class CaseViewTests {

    @Test
    void namesEveryVariantMatchingCanReportInWords() {
        assertThat(CaseView.variantInWords("ORIGINAL")).isEqualTo("the banked image");
        assertThat(CaseView.variantInWords("ROTATE_90")).isEqualTo("the banked image rotated by 90 degrees");
        assertThat(CaseView.variantInWords("CENTRE_90")).isEqualTo("the centre of the banked image (90% of each side)");
        assertThat(BankEntry.VARIANT_NAMES.stream()
                        .filter(name -> !name.startsWith("TURNED_"))
                        .map(CaseView::variantInWords))
                .as("each of matching's names has its own words")
                .allSatisfy(
                        words -> assertThat(words).contains("the banked image").doesNotContain("_"))
                .doesNotHaveDuplicates();
        assertThat(Arrays.stream(Dihedral.values()).skip(1))
                .as("a turned copy hashed pixel for pixel reads as the turn PDQ derives")
                .allSatisfy(turn -> assertThat(CaseView.variantInWords("TURNED_" + turn.name()))
                        .isEqualTo(CaseView.variantInWords(turn.name())));
    }
}
