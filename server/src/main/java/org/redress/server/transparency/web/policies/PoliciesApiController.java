package org.redress.server.transparency.web.policies;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.AllowAnyone;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.transparency.policies.Policies;
import org.redress.server.transparency.policies.PolicyKind;
import org.redress.server.transparency.policies.PolicyVersion;
import org.redress.server.transparency.policies.PolicyVersionNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published policies over HTTP: anyone reads the version in force (it is public on its page
 * anyway); compliance staff publish a new version; compliance staff and auditors read every
 * published version.
 */
@RestController
@RequestMapping("/api/v1/policies")
class PoliciesApiController {

    /** A new version: its heading and its plain text ({@code ## } headings, {@code - } list items). */
    record NewVersion(@Nullable String title, @Nullable String text) {}

    /**
     * The version in force as the public sees it: without who published it (a staff account's
     * name is not for the public); {@code version} 0 and no {@code publishedAt} for the text
     * Redress ships, in force until the platform publishes its own.
     */
    record PublicPolicy(
            String policy,
            int version,
            String title,
            String text,
            @Nullable Instant publishedAt) {}

    private final Policies policies;

    PoliciesApiController(Policies policies) {
        this.policies = policies;
    }

    @GetMapping("/{policy}")
    @AllowAnyone
    PublicPolicy inForce(@PathVariable String policy) {
        PolicyVersion v = policies.inForce(kind(policy));
        return new PublicPolicy(v.policy(), v.version(), v.title(), v.text(), v.publishedAt());
    }

    @GetMapping("/{policy}/versions")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    List<PolicyVersion> history(@PathVariable String policy) {
        return policies.history(kind(policy));
    }

    @GetMapping("/{policy}/versions/{version}")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    PolicyVersion version(@PathVariable String policy, @PathVariable String version) {
        PolicyKind kind = kind(policy);
        try {
            return policies.version(kind, Integer.parseInt(version));
        } catch (NumberFormatException e) {
            throw new PolicyVersionNotFoundException();
        }
    }

    @PostMapping("/{policy}/versions")
    @Allow(Role.COMPLIANCE)
    ResponseEntity<PolicyVersion> publish(
            @PathVariable String policy, @RequestBody @Nullable NewVersion body, Authentication caller) {
        PolicyVersion published = policies.publish(
                Callers.actorOf(caller),
                kind(policy),
                body == null ? null : body.title(),
                body == null ? null : body.text());
        return ResponseEntity.created(
                        URI.create("/api/v1/policies/" + published.policy() + "/versions/" + published.version()))
                .body(published);
    }

    static PolicyKind kind(String policy) {
        return PolicyKind.ofSlug(policy).orElseThrow(PolicyVersionNotFoundException::new);
    }
}
