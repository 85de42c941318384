package org.redress.server.identity.web;

import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;

/** Every staff role: pages any signed-in staff member may open. */
@Allow({Role.ADMIN, Role.MODERATOR, Role.SENIOR_MODERATOR, Role.COMPLIANCE, Role.AUDITOR})
@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
@java.lang.annotation.Target({java.lang.annotation.ElementType.METHOD, java.lang.annotation.ElementType.TYPE})
@interface StaffRoles {}
