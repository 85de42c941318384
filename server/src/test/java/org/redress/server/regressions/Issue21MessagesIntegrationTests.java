package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.PublicForms;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.ReporterRole;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankName;
import org.redress.server.matching.EmptyFileHashException;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.Provenance;
import org.redress.server.review.Moderator;
import org.redress.server.review.Review;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.web.StaffLink;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Issue 21: messages that say what is wrong and where, every error of a form at once, counts in
 * the right number, times people read, a role picker without a dangerous default, start-page links
 * that open, and no empty-file digest in a BLOCK bank.
 */
@ServiceTest
class Issue21MessagesIntegrationTests {

    static final Actor TESTER = new Actor.Operator("test");
    static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    PublicForms publicForms;

    @Autowired
    Intake intake;

    @Autowired
    Review review;

    @Autowired
    Matching matching;

    @Autowired
    List<StaffLink> links;

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    String account(Role role) {
        String name = role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + unique();
        identity.createUser(TESTER, Username.of(name), role, false);
        identity.changePassword(TESTER, Username.of(name), "a long staff password");
        return name;
    }

    <B extends AbstractMockHttpServletRequestBuilder<B>> MvcResult as(String name, Role role, B request)
            throws Exception {
        return mvc.perform(request.with(csrf()).with(user(name).roles(role.name())))
                .andReturn();
    }

    static String text(MvcResult result) throws Exception {
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void saysATooLongSignatureIsTooLong() throws Exception {
        var answer = mvc.perform(post("/report")
                        .with(csrf())
                        .param("reporterRole", "SUBJECT")
                        .param("contentLocators", "https://platform.example/p/" + unique())
                        .param("intimateImage", "true")
                        .param("subjectOrAuthorised", "true")
                        .param("goodFaithAndTrue", "true")
                        .param("signature", "A".repeat(201))
                        .param(PublicForms.FIELD, publicForms.issue()))
                .andReturn();

        assertThat(text(answer)).contains("Your signature is too long: keep it to 200 characters");
    }

    @Test
    void reportsEveryProblemOfADecisionAtOnceInWords() throws Exception {
        String name = account(Role.MODERATOR);
        CaseRef ref = intake.report(
                        TESTER,
                        Channel.PUBLIC,
                        new NewReport(
                                ReporterRole.SUBJECT,
                                new Declarations(true, true, true),
                                "Alex Example",
                                List.of(ContentLocator.of("https://platform.example/p/" + unique())),
                                Optional.empty(),
                                false,
                                Optional.empty()),
                        Optional.empty())
                .caseRef();
        review.claim(new Moderator(name, false), ref);

        var noReason = as(
                name,
                Role.MODERATOR,
                post("/review/cases/" + ref.value() + "/decision")
                        .param("outcome", "NO_VIOLATION")
                        .param("reasonCode", ""));
        @SuppressWarnings("unchecked")
        var noReasonErrors = (List<String>) noReason.getFlashMap().get("errors");
        assertThat(noReasonErrors)
                .containsExactly(
                        "Choose the reason for a no-violation decision: the law asks for one (UK OSA s.10(3B)).");

        var twoProblems = as(
                name,
                Role.MODERATOR,
                post("/review/cases/" + ref.value() + "/decision")
                        .param("outcome", "REMOVE")
                        .param("basis", "TERMS_OF_SERVICE")
                        .param("policy", "")
                        .param("statement", "x".repeat(4001)));
        @SuppressWarnings("unchecked")
        var both = (List<String>) twoProblems.getFlashMap().get("errors");
        assertThat(both)
                .containsExactly(
                        "Name the terms clause that a removal under the terms of service relies on.",
                        "Keep the statement to 4000 characters.");
        assertThat(review.find(ref).state().decidable()).isTrue();
    }

    @Test
    void keepsAnInvalidUsernameAndShowsEachErrorBesideItsField() throws Exception {
        String admin = account(Role.ADMIN);
        var blank = as(admin, Role.ADMIN, get("/admin"));
        String form = blank.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).containsPattern("<option value=\"\" selected=\"selected\">Choose a role</option>");
        assertThat(form).doesNotContainPattern("value=\"ADMIN\" selected");

        var answer = as(
                admin,
                Role.ADMIN,
                post("/admin/users").param("username", "Not Valid!").param("role", ""));
        String page = answer.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("id=\"new-username-error\"", "id=\"new-role-error\"")
                .contains("value=\"Not Valid!\"")
                .contains("aria-describedby=\"new-username-error\"", "aria-describedby=\"new-role-error\"");
        assertThat(text(answer)).contains("Use 2 to 64 characters", "Choose a role.");
        assertThat(page.indexOf("new-username-error")).isLessThan(page.indexOf("id=\"new-role\""));
    }

    @Test
    void showsTimesInWordsAndOffersToCopyANewKey() throws Exception {
        String admin = account(Role.ADMIN);
        var answer = as(
                admin,
                Role.ADMIN,
                post("/admin/api-keys").param("name", "key-" + unique()).param("role", "PLATFORM"));
        String page = answer.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"created-key\"", "data-copy=\"created-key\"", "/js/copy.js");
        assertThat(page).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
        assertThat(page).containsPattern("\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2} UTC");
    }

    @Test
    void countsInTheRightNumberAndNeverBlocksTheEmptyFile() throws Exception {
        String admin = account(Role.ADMIN);
        String bank = "block-" + unique();
        matching.createBank(TESTER, new BankName(bank), BankAction.BLOCK, 20, 0);

        var emptyMd5 = as(
                admin,
                Role.ADMIN,
                post("/banks/" + bank + "/hashes").param("kind", "md5").param("hash", EMPTY_MD5));
        assertThat(text(emptyMd5)).contains("digest of an empty file");
        assertThatThrownBy(() -> matching.addEntry(
                        TESTER,
                        new BankName(bank),
                        EntryHashes.parse(null, null, EMPTY_SHA256),
                        Optional.empty(),
                        Optional.empty(),
                        new Provenance(Provenance.Source.MANUAL, "STAFF:" + admin)))
                .isInstanceOf(EmptyFileHashException.class);

        byte[] list = ("md5 " + EMPTY_MD5 + "\nmd5 " + "c".repeat(32) + "\n").getBytes(StandardCharsets.UTF_8);
        var imported = as(
                admin,
                Role.ADMIN,
                multipart("/banks/" + bank + "/import")
                        .file(new MockMultipartFile("file", "list.txt", "text/plain", list))
                        .param("format", "text"));
        assertThat(text(imported))
                .contains("Added 1 entry ; 1 malformed line was skipped.")
                .contains(" 1 entry .");
        assertThat(matching.entryCounts().get(new BankName(bank))).isEqualTo(1L);
    }

    @Test
    void offersEachRoleOnlyStartPageLinksItMayOpen() throws Exception {
        for (Role role : EnumSet.of(Role.ADMIN, Role.MODERATOR, Role.SENIOR_MODERATOR, Role.COMPLIANCE)) {
            String name = account(role);
            String home = as(name, role, get("/")).getResponse().getContentAsString(StandardCharsets.UTF_8);
            for (StaffLink link : links) {
                int status = as(name, role, get(link.path())).getResponse().getStatus();
                boolean shown = home.contains("id=\"" + link.id() + "\"");
                assertThat(shown).as("%s shown to %s", link.path(), role).isEqualTo(status == 200);
            }
        }
    }

    /** The deadlines page counted child-protection cases for moderators who may not open them. */
    @Test
    void countsOnTheDeadlinesPageOnlyCasesTheModeratorMaySee() throws Exception {
        String moderator = account(Role.MODERATOR);
        String senior = account(Role.SENIOR_MODERATOR);
        int moderatorBefore = openCount(moderator, Role.MODERATOR);
        int seniorBefore = openCount(senior, Role.SENIOR_MODERATOR);

        intake.report(
                TESTER,
                Channel.PUBLIC,
                new NewReport(
                        ReporterRole.SUBJECT,
                        new Declarations(true, true, true),
                        "Alex Example",
                        List.of(ContentLocator.of("https://platform.example/p/" + unique())),
                        Optional.empty(),
                        true,
                        Optional.empty()),
                Optional.empty());

        assertThat(openCount(moderator, Role.MODERATOR)).isEqualTo(moderatorBefore);
        assertThat(openCount(senior, Role.SENIOR_MODERATOR)).isEqualTo(seniorBefore + 1);
    }

    private int openCount(String name, Role role) throws Exception {
        String page = as(name, role, get("/review/dashboard")).getResponse().getContentAsString(StandardCharsets.UTF_8);
        var count = java.util.regex.Pattern.compile("data-state=\"OPEN\"[^>]*>(\\d+)<")
                .matcher(page);
        assertThat(count.find()).as(page).isTrue();
        return Integer.parseInt(count.group(1));
    }
}
