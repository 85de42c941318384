/** Referral's HTTP side: a case's referrals with their state and the agency's report id. */
@NullMarked
package org.redress.server.referral.web;

import org.jspecify.annotations.NullMarked;
