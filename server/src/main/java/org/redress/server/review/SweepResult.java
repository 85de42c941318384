package org.redress.server.review;

/**
 * What a deadline sweep recorded.
 *
 * @param warned cases newly warned of their approaching deadline
 * @param breached cases newly recorded as past their deadline
 */
public record SweepResult(int warned, int breached) {}
