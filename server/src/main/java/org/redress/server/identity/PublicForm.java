package org.redress.server.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page form that anyone may send (with {@link AllowAnyone}) and that must not depend on a server
 * session: a victim's report has to survive a restart, a timeout or blocked cookies. Such a request
 * is exempt from the session's CSRF token; instead it must come from this site (its {@code Origin}
 * and {@code Sec-Fetch-Site} headers, checked before the handler runs, refuse other sites), and the
 * handler checks the form's signed token with {@link PublicForms}, giving the form back with every
 * answer kept when the token is missing or stale.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicForm {}
