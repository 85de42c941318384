package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The bank pages' answers to bad input: each refusal is the page itself with the reason in plain
 * words, the bank unchanged, and what was typed kept in the form.
 */
@ServiceTest
class BankPagesIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    Matching matching;

    private String admin;
    private String bank;

    @BeforeEach
    void createAdminAndBank() {
        admin = "pages-admin-" + unique();
        identity.createUser(TESTER, Username.of(admin), Role.ADMIN, false);
        identity.changePassword(TESTER, Username.of(admin), "pages admin password");
        bank = "pages-" + unique();
        matching.createBank(TESTER, new BankName(bank), BankAction.REVIEW, 20, 60);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private <B extends AbstractMockHttpServletRequestBuilder<B>> MvcResult asAdmin(B request) throws Exception {
        return mvc.perform(request.with(csrf()).with(user(admin).roles("ADMIN")))
                .andReturn();
    }

    private static String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void refusesSettingsOutOfRangeAndLeavesTheBankAsItWas() throws Exception {
        var answer = asAdmin(post("/banks/" + bank + "/settings")
                .param("action", "BLOCK")
                .param("maxDistance", "65")
                .param("qualityFloor", "50")
                .param("enabled", "true"));
        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(page(answer)).contains("The maximum distance is a whole number from 0 to 64.");
        assertThat(matching.bank(new BankName(bank)))
                .extracting(Bank::action, Bank::maxDistance, Bank::qualityFloor)
                .containsExactly(BankAction.REVIEW, 20, 60);

        var saved = asAdmin(post("/banks/" + bank + "/settings")
                .param("action", "LOG")
                .param("maxDistance", "12")
                .param("qualityFloor", "70"));
        assertThat(page(saved)).contains("The settings were saved.");
        assertThat(matching.bank(new BankName(bank)))
                .extracting(Bank::action, Bank::maxDistance, Bank::qualityFloor, Bank::enabled)
                .containsExactly(BankAction.LOG, 12, 70, false);
    }

    @Test
    void keepsTheFormWhenANameIsTaken() throws Exception {
        var answer = asAdmin(
                post("/banks").param("name", bank).param("action", "LOG").param("maxDistance", "9"));
        assertThat(page(answer)).contains("A bank with this name exists.", "value=\"" + bank + "\"", "value=\"9\"");
        assertThat(matching.bank(new BankName(bank)).action()).isEqualTo(BankAction.REVIEW);
    }

    @Test
    void importsTheGoodLinesOfAJsonLinesFileAndNamesTheBadOnes() throws Exception {
        String sha = "a".repeat(64);
        byte[] file = ("{\"sha256\":\"" + sha + "\"}\n{\"md5\":\"xyz\"}\nnot json\n{\"md5\":\"" + "b".repeat(32)
                        + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        var answer = asAdmin(multipart("/banks/" + bank + "/import")
                .file(new MockMultipartFile("file", "list.jsonl", "application/jsonl", file))
                .param("format", "jsonl"));
        assertThat(page(answer))
                .containsPattern("id=\"imported-count\">2<")
                .contains("id=\"rejected-count\">2<")
                .contains("id=\"rejected-lines\">2, 3<", "sha256 " + sha);

        var noFile = asAdmin(multipart("/banks/" + bank + "/import").param("format", "text"));
        assertThat(page(noFile)).contains("Choose a file with one hash per line to import.");
        var badFormat = asAdmin(multipart("/banks/" + bank + "/import")
                .file(new MockMultipartFile("file", "list.txt", "text/plain", file))
                .param("format", "xml"));
        assertThat(page(badFormat)).contains("Choose the file&#39;s format: text, csv or jsonl.");
        assertThat(matching.entryCounts().get(new BankName(bank))).isEqualTo(2);
    }

    @Test
    void refusesToChangeAnEntryOfAnotherBank() throws Exception {
        String other = "pages-other-" + unique();
        matching.createBank(TESTER, new BankName(other), BankAction.BLOCK, 31, 50);
        var entry = matching.addEntry(
                TESTER,
                new BankName(other),
                EntryHashes.parse(null, "c".repeat(32), null),
                Optional.empty(),
                Optional.empty(),
                new Provenance(Provenance.Source.MANUAL, "test"));

        var answer = asAdmin(post("/banks/" + bank + "/entries/" + entry.id() + "/disable"));
        assertThat(page(answer)).contains("The bank has no entry with this id.");
        assertThat(matching.entry(new BankName(other), entry.id()).enabled()).isTrue();

        var deleted = asAdmin(post("/banks/" + other + "/entries/" + entry.id() + "/delete"));
        assertThat(page(deleted)).contains("Entry " + entry.id() + " was deleted.", "The bank has no entries yet.");
    }

    @Test
    void asksBeforeDeletingAndRefusesToConfirmAnEntryOfAnotherBank() throws Exception {
        String other = "pages-other-" + unique();
        matching.createBank(TESTER, new BankName(other), BankAction.BLOCK, 31, 50);
        var entry = matching.addEntry(
                TESTER,
                new BankName(other),
                EntryHashes.parse(null, "d".repeat(32), null),
                Optional.empty(),
                Optional.of("to confirm"),
                new Provenance(Provenance.Source.MANUAL, "staff:test"));

        var asked = asAdmin(get("/banks/" + other + "/entries/" + entry.id() + "/delete"));
        assertThat(asked.getResponse().getStatus()).isEqualTo(200);
        assertThat(page(asked))
                .contains(
                        "Delete entry " + entry.id(),
                        "md5 " + "d".repeat(32),
                        "MANUAL",
                        "staff:test",
                        "to confirm",
                        other,
                        "id=\"confirm-delete\"",
                        "id=\"cancel-delete\"");
        assertThat(matching.entry(new BankName(other), entry.id()).enabled())
                .as("asking deletes nothing")
                .isTrue();

        var wrongBank = asAdmin(get("/banks/" + bank + "/entries/" + entry.id() + "/delete"));
        assertThat(wrongBank.getResponse().getStatus()).isEqualTo(404);
        assertThat(page(wrongBank))
                .contains("The bank has no entry with this id.")
                .doesNotContain("confirm-delete");
    }

    @Test
    void exportsTheEnabledEntriesAsADownload() throws Exception {
        var kept = matching.addEntry(
                TESTER,
                new BankName(bank),
                EntryHashes.parse(null, "e".repeat(32), null),
                Optional.empty(),
                Optional.empty(),
                new Provenance(Provenance.Source.MANUAL, "test"));
        var off = matching.addEntry(
                TESTER,
                new BankName(bank),
                EntryHashes.parse(null, "f".repeat(32), null),
                Optional.empty(),
                Optional.empty(),
                new Provenance(Provenance.Source.MANUAL, "test"));
        matching.setEntryEnabled(TESTER, new BankName(bank), off.id(), false);

        var answer = asAdmin(get("/banks/" + bank + "/export").param("format", "csv"));
        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(answer.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + bank + ".csv\"");
        assertThat(page(answer)).isEqualTo("pdq,md5,sha256\n," + "e".repeat(32) + ",\n");
        assertThat(kept.enabled()).isTrue();

        var unknownFormat = asAdmin(get("/banks/" + bank + "/export").param("format", "xml"));
        assertThat(unknownFormat.getResponse().getStatus()).isEqualTo(404);
        assertThat(page(unknownFormat)).contains("Choose the file&#39;s format: text, csv or jsonl.");
    }

    @Test
    void answersAnUnknownBankWithNotFoundOnTheListPage() throws Exception {
        var answer = asAdmin(get("/banks/no-such-" + unique()));
        assertThat(answer.getResponse().getStatus()).isEqualTo(404);
        assertThat(page(answer)).contains("There is no bank with this name.", "id=\"create-bank\"");
        var badName =
                asAdmin(post("/banks/bad!name/hashes").param("kind", "md5").param("hash", "d".repeat(32)));
        assertThat(badName.getResponse().getStatus()).isEqualTo(404);
    }
}
