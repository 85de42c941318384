package org.redress.server.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.redress.server.web.PublicLink;
import org.redress.server.web.StaffLink;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.ui.ExtendedModelMap;

class HomePageControllerTests {

    @Test
    void listsTheLinksModulesDeclareAroundItsOwnByOrder() {
        var beans = new StaticListableBeanFactory();
        beans.addBean("banks", new StaffLink("banks-link", "/banks", "Hash banks", "administrators", 30));
        beans.addBean("review", new StaffLink("review-link", "/review", "Review queue", "moderators", 10));
        var model = new ExtendedModelMap();

        String view = new HomePageController(
                        beans.getBeanProvider(StaffLink.class), beans.getBeanProvider(PublicLink.class))
                .home(() -> "alice", model);

        assertThat(view).isEqualTo("identity/home");
        assertThat(model.getAttribute("links"))
                .asInstanceOf(InstanceOfAssertFactories.list(StaffLink.class))
                .extracting(StaffLink::id)
                .containsExactly("review-link", "admin-link", "banks-link");
    }

    @Test
    void showsItsOwnPagesWhenNoModuleDeclaresAny() {
        var model = new ExtendedModelMap();

        var none = new StaticListableBeanFactory();
        new HomePageController(none.getBeanProvider(StaffLink.class), none.getBeanProvider(PublicLink.class))
                .home(() -> "bob", model);

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
