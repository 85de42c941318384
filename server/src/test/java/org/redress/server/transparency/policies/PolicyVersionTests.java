package org.redress.server.transparency.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.server.transparency.policies.PolicyVersion.Block;

class PolicyVersionTests {

    private static List<Block> blocks(String text) {
        return new PolicyVersion("take-it-down", 1, "t", text, "lead", null).blocks();
    }

    @Test
    void readsHeadingsParagraphsAndListsFromPlainText() {
        assertThat(blocks("## How to ask\nUse the form,\nlogged out.\n\nIn it, give:\n- your name;\n- where it is.\n"
                        + "We act in 48 hours.\r\n## <script>alert(1)</script>"))
                .containsExactly(
                        new Block("heading", "How to ask", List.of()),
                        new Block("paragraph", "Use the form, logged out.", List.of()),
                        new Block("paragraph", "In it, give:", List.of()),
                        new Block("list", "", List.of("your name;", "where it is.")),
                        new Block("paragraph", "We act in 48 hours.", List.of()),
                        new Block("heading", "<script>alert(1)</script>", List.of()));
    }

    @Test
    void shipsBothPoliciesWithTheRequiredParts() {
        var notice = Policies.shipped(PolicyKind.TAKE_IT_DOWN);
        assertThat(notice.shipped()).isTrue();
        assertThat(notice.text()).contains("48 hours", "signature", "good faith", "contact", "FTC");
        var terms = Policies.shipped(PolicyKind.INTIMATE_IMAGES);
        assertThat(terms.text()).contains("section 20A", "48 hours", "complain", "appeal", "under 18");
        assertThat(terms.blocks()).filteredOn(b -> b.kind().equals("heading")).hasSizeGreaterThan(4);
    }
}
