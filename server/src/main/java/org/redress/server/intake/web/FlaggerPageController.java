package org.redress.server.intake.web;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.intake.FlaggerDetails;
import org.redress.server.intake.TrustedFlagger;
import org.redress.server.intake.TrustedFlaggers;
import org.redress.server.shared.DomainException;
import org.redress.server.web.InvalidFieldsException;
import org.redress.server.web.StaffLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The trusted-flagger register's staff pages: the register with each entry's standing today and a
 * form to add an entry; each entry with its history and a form to record a change. Compliance staff
 * record; auditors read. A form with wrong fields comes back with what was typed and every problem.
 */
@Controller
@Allow({Role.COMPLIANCE, Role.AUDITOR})
class FlaggerPageController {

    private static final String FLAGGERS = "/flaggers";

    private final TrustedFlaggers flaggers;

    FlaggerPageController(TrustedFlaggers flaggers) {
        this.flaggers = flaggers;
    }

    /** A listed entry with its standing today. */
    record Listed(TrustedFlagger entry, String standing) {}

    @GetMapping(FLAGGERS)
    String register(Model model, Authentication caller) {
        model.addAttribute("canRecord", canRecord(caller));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FlaggerDetails(null, null, null, null, null, null, List.of()));
        }
        model.addAttribute(
                "entries",
                flaggers.register().stream()
                        .map(f -> new Listed(f, flaggers.standingToday(f).name()))
                        .toList());
        model.addAttribute("keys", flaggers.flaggerKeys());
        return "intake/staff/flaggers";
    }

    @GetMapping(FLAGGERS + "/{id}")
    String entry(@PathVariable String id, Model model, Authentication caller) {
        model.addAttribute("canRecord", canRecord(caller));
        TrustedFlagger entry = flaggers.entry(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new FlaggerDetails(
                            entry.organisation(),
                            entry.awardedBy(),
                            entry.expertise(),
                            entry.contact(),
                            entry.since().toString(),
                            entry.until().map(Object::toString).orElse(""),
                            entry.apiKeys()));
        }
        model.addAttribute("entry", entry);
        model.addAttribute("standing", flaggers.standingToday(entry).name());
        model.addAttribute("history", flaggers.history(id));
        model.addAttribute("keys", flaggers.flaggerKeys());
        return "intake/staff/flagger";
    }

    @PostMapping(FLAGGERS)
    @Allow(Role.COMPLIANCE)
    String add(
            @RequestParam(name = "organisation", required = false) @Nullable String organisation,
            @RequestParam(name = "awardedBy", required = false) @Nullable String awardedBy,
            @RequestParam(name = "expertise", required = false) @Nullable String expertise,
            @RequestParam(name = "contact", required = false) @Nullable String contact,
            @RequestParam(name = "since", required = false) @Nullable String since,
            @RequestParam(name = "until", required = false) @Nullable String until,
            @RequestParam(name = "apiKeys", required = false) @Nullable List<String> apiKeys,
            Authentication caller,
            RedirectAttributes redirect) {
        var form = new FlaggerDetails(
                organisation, awardedBy, expertise, contact, since, until, apiKeys == null ? List.of() : apiKeys);
        try {
            TrustedFlagger added = flaggers.add(Callers.actorOf(caller), form);
            redirect.addFlashAttribute("notice", "The entry is in the register.");
            return "redirect:" + FLAGGERS + "/" + added.id();
        } catch (InvalidFieldsException | DomainException e) {
            refused(redirect, form, e);
            return "redirect:" + FLAGGERS;
        }
    }

    @PostMapping(FLAGGERS + "/{id}")
    @Allow(Role.COMPLIANCE)
    String change(
            @PathVariable String id,
            @RequestParam(name = "organisation", required = false) @Nullable String organisation,
            @RequestParam(name = "awardedBy", required = false) @Nullable String awardedBy,
            @RequestParam(name = "expertise", required = false) @Nullable String expertise,
            @RequestParam(name = "contact", required = false) @Nullable String contact,
            @RequestParam(name = "since", required = false) @Nullable String since,
            @RequestParam(name = "until", required = false) @Nullable String until,
            @RequestParam(name = "apiKeys", required = false) @Nullable List<String> apiKeys,
            Authentication caller,
            RedirectAttributes redirect) {
        String entry = flaggers.entry(id).id();
        var form = new FlaggerDetails(
                organisation, awardedBy, expertise, contact, since, until, apiKeys == null ? List.of() : apiKeys);
        try {
            flaggers.change(Callers.actorOf(caller), entry, form);
            redirect.addFlashAttribute("notice", "The change is recorded as a new version.");
        } catch (InvalidFieldsException | DomainException e) {
            refused(redirect, form, e);
        }
        return "redirect:" + FLAGGERS + "/" + entry;
    }

    /** Auditors read the register; only compliance staff are shown the forms. */
    private static boolean canRecord(Authentication caller) {
        return caller.getAuthorities().stream()
                .anyMatch(a -> Role.COMPLIANCE.authority().equals(a.getAuthority()));
    }

    private static void refused(RedirectAttributes redirect, FlaggerDetails form, RuntimeException e) {
        redirect.addFlashAttribute("form", form);
        if (e instanceof InvalidFieldsException invalid) {
            redirect.addFlashAttribute(
                    "problems",
                    invalid.problems().stream()
                            .map(p -> p.pointer().substring(2) + " " + p.detail())
                            .toList());
        } else if (e instanceof DomainException domain) {
            redirect.addFlashAttribute("problems", List.of(domain.publicDetail()));
        }
    }

    /** The register's entry on the staff start page. */
    @Configuration(proxyBeanMethods = false)
    static class Links {
        @Bean
        StaffLink flaggersLink() {
            return new StaffLink(
                    "flaggers-link",
                    FLAGGERS,
                    "Trusted flaggers",
                    "compliance",
                    Set.of(Role.COMPLIANCE.name(), Role.AUDITOR.name()),
                    42);
        }
    }
}
