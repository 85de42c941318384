package org.redress.server.transparency.web.registers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.redress.server.transparency.policies.Policies;
import org.redress.server.transparency.policies.PolicyKind;
import org.redress.server.transparency.policies.PolicyVersion;
import org.redress.server.transparency.registers.RegisterKind;
import org.redress.server.transparency.registers.RegisterVersion;
import org.redress.server.transparency.registers.Registers;
import org.redress.server.web.StaffLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;

/**
 * The registers' staff pages: every register with its current version and its history, the
 * policies in force with theirs, and each version on a page of its own laid out for printing (the
 * page prints without the header and the links). Compliance staff and auditors read them; new
 * versions are recorded over the API.
 */
@Controller
@Allow({Role.COMPLIANCE, Role.AUDITOR})
class RegisterPagesController {

    /** A register and its versions, newest first, for the index. */
    record RegisterHistory(RegisterKind kind, List<RegisterVersion> versions) {}

    /** A policy, the version in force and every published version, newest first. */
    record PolicyHistory(PolicyKind kind, PolicyVersion inForce, List<PolicyVersion> versions) {}

    private final Registers registers;
    private final Policies policies;

    RegisterPagesController(Registers registers, Policies policies) {
        this.registers = registers;
        this.policies = policies;
    }

    @GetMapping("/registers")
    String index(Model model) {
        List<RegisterHistory> all = new ArrayList<>();
        for (RegisterKind kind : RegisterKind.values()) {
            all.add(new RegisterHistory(kind, registers.history(kind)));
        }
        List<PolicyHistory> published = new ArrayList<>();
        for (PolicyKind kind : PolicyKind.values()) {
            published.add(new PolicyHistory(kind, policies.inForce(kind), policies.history(kind)));
        }
        model.addAttribute("registers", all);
        model.addAttribute("policies", published);
        return "transparency/registers";
    }

    @GetMapping("/registers/{register}/versions/{version}")
    String version(@PathVariable String register, @PathVariable String version, Model model) {
        RegisterKind kind = RegistersApiController.kind(register);
        model.addAttribute("kind", kind);
        model.addAttribute("v", registers.version(kind, RegistersApiController.number(version)));
        model.addAttribute(
                "current", registers.current(kind).map(RegisterVersion::version).orElse(0));
        return "transparency/register-version";
    }

    /** A figure of a risk assessment's snapshot, or a dash when the snapshot lacks it. */
    public static String figure(@Nullable JsonNode figures, String name) {
        if (figures == null || !figures.has(name) || figures.get(name).isNull()) {
            return "–";
        }
        return figures.get(name).asString();
    }

    /** The registers' entry on the staff start page. */
    @Configuration(proxyBeanMethods = false)
    static class Links {
        @Bean
        StaffLink registersLink() {
            return new StaffLink(
                    "registers-link",
                    "/registers",
                    "Registers and policies",
                    "compliance",
                    Set.of(Role.COMPLIANCE.name(), Role.AUDITOR.name()),
                    41);
        }
    }
}
