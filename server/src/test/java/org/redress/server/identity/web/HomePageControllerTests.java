package org.redress.server.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.redress.server.web.PublicLink;
import org.redress.server.web.StaffLink;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.ui.ExtendedModelMap;

class HomePageControllerTests {

    @Test
    void listsTheLinksModulesDeclareAroundItsOwnByOrder() {
        var beans = new StaticListableBeanFactory();
        beans.addBean(
                "banks", new StaffLink("banks-link", "/banks", "Hash banks", "administrators", Set.of("ADMIN"), 30));
        beans.addBean(
                "review",
                new StaffLink(
                        "review-link",
                        "/review",
                        "Review queue",
                        "moderators",
                        Set.of("MODERATOR", "SENIOR_MODERATOR"),
                        10));
        var model = new ExtendedModelMap();

        String view = new HomePageController(
                        beans.getBeanProvider(StaffLink.class), beans.getBeanProvider(PublicLink.class))
                .home(new TestingAuthenticationToken("alice", "", "ROLE_ADMIN", "ROLE_MODERATOR"), model);

        assertThat(view).isEqualTo("identity/home");
        assertThat(model.getAttribute("links"))
                .asInstanceOf(InstanceOfAssertFactories.list(StaffLink.class))
                .extracting(StaffLink::id)
                .containsExactly("review-link", "admin-link", "banks-link");
    }

    /** Issue 21: an administrator was offered the review queue, which answered 403. */
    @Test
    void offersEachRoleOnlyThePagesItMayOpen() {
        var beans = new StaticListableBeanFactory();
        beans.addBean(
                "banks", new StaffLink("banks-link", "/banks", "Hash banks", "administrators", Set.of("ADMIN"), 30));
        beans.addBean(
                "review",
                new StaffLink(
                        "review-link",
                        "/review",
                        "Review queue",
                        "moderators",
                        Set.of("MODERATOR", "SENIOR_MODERATOR"),
                        10));
        var controller =
                new HomePageController(beans.getBeanProvider(StaffLink.class), beans.getBeanProvider(PublicLink.class));
        var admin = new ExtendedModelMap();
        var moderator = new ExtendedModelMap();

        controller.home(new TestingAuthenticationToken("ada", "", "ROLE_ADMIN"), admin);
        controller.home(new TestingAuthenticationToken("mo", "", "ROLE_SENIOR_MODERATOR"), moderator);

        assertThat(admin.getAttribute("links"))
                .asInstanceOf(InstanceOfAssertFactories.list(StaffLink.class))
                .extracting(StaffLink::id)
                .containsExactly("admin-link", "banks-link");
        assertThat(moderator.getAttribute("links"))
                .asInstanceOf(InstanceOfAssertFactories.list(StaffLink.class))
                .extracting(StaffLink::id)
                .containsExactly("review-link");
    }

    @Test
    void showsItsOwnPagesWhenNoModuleDeclaresAny() {
        var model = new ExtendedModelMap();

        new HomePageController(
                        new StaticListableBeanFactory().getBeanProvider(StaffLink.class),
                        new StaticListableBeanFactory().getBeanProvider(PublicLink.class))
                .home(new TestingAuthenticationToken("bob", "", "ROLE_ADMIN"), model);

        assertThat(model.getAttribute("links"))
                .asInstanceOf(InstanceOfAssertFactories.list(StaffLink.class))
                .extracting(StaffLink::path)
                .containsExactly("/admin");
    }

    @Test
    void showsVisitorsWhoAreNotSignedInThePublicPagesModulesDeclare() {
        var beans = new StaticListableBeanFactory();
        beans.addBean("protect", new PublicLink("protect-link", "/protect", "Protect", "Before posting", 20));
        beans.addBean("report", new PublicLink("report-link", "/report", "Report", "After posting", 10));
        var model = new ExtendedModelMap();

        String view = new HomePageController(
                        beans.getBeanProvider(StaffLink.class), beans.getBeanProvider(PublicLink.class))
                .home(null, model);

        assertThat(view).isEqualTo("identity/start");
        assertThat(model.getAttribute("links"))
                .asInstanceOf(InstanceOfAssertFactories.list(PublicLink.class))
                .extracting(PublicLink::id)
                .containsExactly("report-link", "protect-link");
    }
}
