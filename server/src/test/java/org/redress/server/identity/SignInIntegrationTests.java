package org.redress.server.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.security.SignInThrottle;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@ServiceTest
class SignInIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");
    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    private String moderator() {
        String name = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(TESTER, Username.of(name), Role.MODERATOR, false);
        identity.changePassword(TESTER, Username.of(name), PASSWORD);
        return name;
    }

    private MockHttpSession signIn(String username, String password, String expectedRedirect) throws Exception {
        var session = new MockHttpSession();
        mvc.perform(post("/signin")
                        .session(session)
                        .with(csrf())
                        .param("username", username)
                        .param("password", password))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(expectedRedirect));
        return session;
    }

    @Test
    void signsInAndOut() throws Exception {
        var session = signIn(moderator(), PASSWORD, "/");
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(post("/signout").session(session).with(csrf())).andExpect(redirectedUrl("/signin?signedout"));
        mvc.perform(get("/review").session(session))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/signin"));
    }

    @Test
    void refusesASignInWithoutCsrfToken() throws Exception {
        mvc.perform(post("/signin").param("username", moderator()).param("password", PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        signIn(moderator(), "wrong password!", "/signin?error");
    }

    @Test
    void throttlesAnAccountAfterRepeatedFailures() throws Exception {
        String name = moderator();
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS + 2; i++) {
            signIn(name, "guess number " + i, "/signin?error");
        }
        signIn(name, PASSWORD, "/signin?error");
    }

    @Test
    void keepsOneTimePasswordHoldersOnThePasswordPage() throws Exception {
        String name = "new-" + UUID.randomUUID().toString().substring(0, 8);
        var account = identity.createUser(TESTER, Username.of(name), Role.ADMIN, false);
        var session = signIn(name, account.oneTimePassword(), "/");
        mvc.perform(get("/admin").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", account.oneTimePassword())
                        .param("newPassword", PASSWORD)
                        .param("confirmation", PASSWORD))
                .andExpect(redirectedUrl("/signin?changed"));
        var fresh = signIn(name, PASSWORD, "/");
        mvc.perform(get("/admin").session(fresh)).andExpect(status().isOk());
    }

    @Test
    void forbidsTheAdminPageToModerators() throws Exception {
        var session = signIn(moderator(), PASSWORD, "/");
        mvc.perform(get("/admin").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void refusesADisabledAccount() throws Exception {
        String name = moderator();
        identity.setEnabled(TESTER, Username.of(name), false);
        signIn(name, PASSWORD, "/signin?error");
        identity.setEnabled(TESTER, Username.of(name), true);
        signIn(name, PASSWORD, "/");
    }

    @Test
    void endsTheSessionOfAnAccountDisabledMeanwhile() throws Exception {
        String name = moderator();
        var session = signIn(name, PASSWORD, "/");
        identity.setEnabled(TESTER, Username.of(name), false);
        mvc.perform(get("/review").session(session)).andExpect(redirectedUrl("/signin"));
        identity.setEnabled(TESTER, Username.of(name), true);
        mvc.perform(get("/review").session(session))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/signin"));
    }

    @Test
    void endsTheSessionOfAnAccountWhosePasswordWasResetAndSendsTheNextSignInToThePasswordPage() throws Exception {
        String name = moderator();
        var session = signIn(name, PASSWORD, "/");
        var reset = identity.resetPassword(TESTER, Username.of(name));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/signin?expired"));
        var fresh = signIn(name, reset.oneTimePassword(), "/");
        mvc.perform(get("/").session(fresh)).andExpect(redirectedUrl("/account/password"));
    }
}
