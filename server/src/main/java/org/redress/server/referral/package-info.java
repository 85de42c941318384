/**
 * Referrals of child sexual abuse material that leave the building. When review records a
 * {@code REFER} decision (it publishes {@code case.decided:refer}), this module queues a referral
 * to the configured agency, builds it from the case file, keeps it sealed, and sends it: a NCMEC
 * CyberTipline report (validated against {@code referral/cybertipline-report.xsd}) through the
 * CyberTipline Reporting API, step by step from an outbox so a restart never submits twice; or an
 * NCA record with the fields S.I. 2026/268 Schedule 1 asks for, which compliance staff file through
 * the NCA's portal and whose reference they record here. Review knows nothing of this module; it
 * shows the referral's state on the case page through {@code CaseAnnex}. Design:
 * {@code docs/adr/0022-referrals-that-leave-the-building.md}.
 */
@NullMarked
@ApplicationModule(
        displayName = "Referral",
        allowedDependencies = {"shared", "storage", "web", "identity", "review", "intake", "media", "evidence"})
package org.redress.server.referral;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
