package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Security review, defects 3 and 6: a live session does not survive a change or reset of its
 * account's password, a voluntary change needs the current password, the one-time password can
 * never become the chosen one, and chosen passwords follow NIST SP 800-63B.
 */
@ServiceTest
class Issue13SessionsAndPasswordsIntegrationTests {

    private static final Actor ADMIN = new Actor.Operator("test");
    private static final String PASSWORD = "violet anchor drifting";
    private static final String OTHER_PASSWORD = "quiet harbour lantern";

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    private String staffMember() {
        String name = "s13-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(ADMIN, Username.of(name), Role.MODERATOR, false);
        identity.changePassword(ADMIN, Username.of(name), PASSWORD);
        return name;
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var session = new MockHttpSession();
        mvc.perform(post("/signin")
                        .session(session)
                        .with(csrf())
                        .param("username", username)
                        .param("password", password))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        return session;
    }

    private void changeOwnPassword(MockHttpSession session, String current, String next, String expectedRedirect)
            throws Exception {
        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", current)
                        .param("newPassword", next)
                        .param("confirmation", next))
                .andExpect(redirectedUrl(expectedRedirect));
    }

    @Test
    void endsALiveSessionWhenAnAdministratorResetsItsPassword() throws Exception {
        String name = staffMember();
        var attacker = signIn(name, PASSWORD);

        identity.resetPassword(ADMIN, Username.of(name));

        mvc.perform(get("/account/password").session(attacker)).andExpect(redirectedUrl("/signin?expired"));
        mvc.perform(post("/account/password")
                        .session(attacker)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", OTHER_PASSWORD)
                        .param("confirmation", OTHER_PASSWORD))
                .andExpect(status().isFound());
        assertThat(identity.findUser(Username.of(name)).orElseThrow().passwordExpired())
                .isTrue();
    }

    @Test
    void endsEveryOtherSessionWhenThePasswordIsChanged() throws Exception {
        String name = staffMember();
        var other = signIn(name, PASSWORD);
        var changing = signIn(name, PASSWORD);

        changeOwnPassword(changing, PASSWORD, OTHER_PASSWORD, "/signin?changed");

        mvc.perform(get("/").session(other)).andExpect(redirectedUrl("/signin?expired"));
        signIn(name, OTHER_PASSWORD);
    }

    @Test
    void namesEveryProblemOfThePasswordFormAtOnceBesideItsField() throws Exception {
        String name = staffMember();
        var session = signIn(name, PASSWORD);

        String page = mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "")
                        .param("newPassword", "short")
                        .param("confirmation", "different"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("id=\"current-password-error\">Type your current password.")
                .contains("id=\"new-password-error\"")
                .contains("id=\"confirmation-error\">The two passwords differ");
        signIn(name, PASSWORD);
    }

    @Test
    void asksForTheCurrentPasswordBeforeAChange() throws Exception {
        String name = staffMember();
        var session = signIn(name, PASSWORD);

        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "not it at all")
                        .param("newPassword", OTHER_PASSWORD)
                        .param("confirmation", OTHER_PASSWORD))
                .andExpect(status().isOk());

        signIn(name, PASSWORD);
    }

    @Test
    void neverTakesTheOneTimePasswordAsTheChosenOne() throws Exception {
        String name = "s13-" + UUID.randomUUID().toString().substring(0, 8);
        String oneTime = identity.createUser(ADMIN, Username.of(name), Role.MODERATOR, false)
                .oneTimePassword();
        var session = new MockHttpSession();
        mvc.perform(post("/signin")
                .session(session)
                .with(csrf())
                .param("username", name)
                .param("password", oneTime));

        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", oneTime)
                        .param("newPassword", oneTime)
                        .param("confirmation", oneTime))
                .andExpect(status().isOk());

        assertThat(identity.findUser(Username.of(name)).orElseThrow().passwordExpired())
                .isTrue();
    }

    @Test
    void refusesCommonPasswordsAndPasswordsBuiltFromTheUsername() throws Exception {
        String name = staffMember();
        var session = signIn(name, PASSWORD);

        for (String weak : new String[] {
            "password1234", "qwerty123456", "monkeymonkey", "!!letmein2024!!", name + "-secret", "abcdefabcdef"
        }) {
            var page = mvc.perform(post("/account/password")
                            .session(session)
                            .with(csrf())
                            .param("currentPassword", PASSWORD)
                            .param("newPassword", weak)
                            .param("confirmation", weak))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).as(weak).containsAnyOf("most common", "built from the username");
        }
        changeOwnPassword(session, PASSWORD, OTHER_PASSWORD, "/signin?changed");
    }
}
