package org.redress.server.review;

import java.util.List;
import java.util.Map;

/**
 * The state of the queue at a glance.
 *
 * @param byState cases per state
 * @param atRisk cases whose clock runs and whose deadline falls within the warning window
 * @param breached cases whose clock runs past their deadline
 */
public record Dashboard(Map<ReviewState, Integer> byState, List<ReviewCase> atRisk, List<ReviewCase> breached) {}
