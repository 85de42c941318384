package org.redress.server.transparency.web.policies;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.redress.server.identity.AllowAnyone;
import org.redress.server.transparency.policies.Policies;
import org.redress.server.transparency.policies.PolicyKind;
import org.redress.server.transparency.policies.PolicyVersion;
import org.redress.server.transparency.policies.PolicyVersionNotFoundException;
import org.redress.server.web.PublicLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The policies' public pages, readable without signing in (ICU G3.2(a)(i)): the version in force
 * with the date it came into force, a link to the report form, and the earlier versions with
 * theirs. {@code /take-it-down} is the TAKE IT DOWN Act s.3(a)(2) notice; the start page links to
 * both, so the notice is a link away from anywhere a visitor starts.
 */
@Controller
@AllowAnyone
class PolicyPagesController {

    /** The id of intake's public link to the report form, which this module may not name by path. */
    static final String REPORT_LINK = "report-link";

    private final Policies policies;
    private final List<PublicLink> links;

    PolicyPagesController(Policies policies, List<PublicLink> links) {
        this.policies = policies;
        this.links = links;
    }

    @GetMapping("/take-it-down")
    String takeItDown(Model model) {
        return page(PolicyKind.TAKE_IT_DOWN, policies.inForce(PolicyKind.TAKE_IT_DOWN), model);
    }

    @GetMapping("/policies/intimate-images")
    String intimateImages(Model model) {
        return page(PolicyKind.INTIMATE_IMAGES, policies.inForce(PolicyKind.INTIMATE_IMAGES), model);
    }

    @GetMapping("/policies/{policy}/versions/{version}")
    String version(
            @PathVariable String policy, @PathVariable String version, Model model, HttpServletResponse response) {
        Optional<PolicyKind> kind = PolicyKind.ofSlug(policy);
        try {
            if (kind.isPresent()) {
                return page(kind.get(), policies.version(kind.get(), Integer.parseInt(version)), model);
            }
        } catch (NumberFormatException | PolicyVersionNotFoundException e) {
            // answered as not found below
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("missing", true);
        return "transparency/policy";
    }

    private String page(PolicyKind kind, PolicyVersion shown, Model model) {
        PolicyVersion inForce = policies.inForce(kind);
        model.addAttribute("policy", shown);
        model.addAttribute("inForce", shown.version() == inForce.version());
        model.addAttribute("current", kind == PolicyKind.TAKE_IT_DOWN ? "/take-it-down" : "/policies/intimate-images");
        model.addAttribute("history", policies.history(kind));
        links.stream()
                .filter(link -> link.id().equals(REPORT_LINK))
                .findFirst()
                .ifPresent(link -> model.addAttribute("reportLink", link));
        return "transparency/policy";
    }

    /** The start page's links to the policies. */
    @Configuration(proxyBeanMethods = false)
    static class Links {
        @Bean
        PublicLink takeItDownLink() {
            return new PublicLink(
                    "take-it-down-link",
                    "/take-it-down",
                    "Ask us to remove an intimate image of you",
                    "How to ask for removal, what you need to give us, and how fast we act (TAKE IT DOWN Act).",
                    30);
        }

        @Bean
        PublicLink intimateImagesPolicyLink() {
            return new PublicLink(
                    "intimate-images-policy-link",
                    "/policies/intimate-images",
                    "Our rules on intimate images",
                    "What is not allowed, how reports are handled, and how to complain or appeal.",
                    40);
        }
    }
}
