/**
 * The small kernel every module may use: {@link org.redress.server.shared.Actor} (who caused a
 * change), {@link org.redress.server.shared.AuditedChange} (a state change the audit log must
 * record), {@link org.redress.server.shared.DomainException} (a rule violation with a stable
 * problem type), and the ids several modules pass to each other:
 * {@link org.redress.server.shared.CaseRef}, {@link org.redress.server.shared.ContentId} and
 * {@link org.redress.server.shared.UploaderId}. It holds no Spring beans.
 */
@NullMarked
@ApplicationModule(
        displayName = "Shared kernel",
        allowedDependencies = {})
package org.redress.server.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
