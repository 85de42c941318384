package org.redress.server.transparency;

import java.time.Instant;
import java.util.Optional;

/**
 * Why a case's removal deadline passed with its clock running, read from what its record shows at
 * the deadline.
 */
public enum BreachReason {
    /** The removal webhook was retried until it was given up: the platform never acknowledged it. */
    REMOVAL_DELIVERY_GIVEN_UP("the platform never acknowledged the removal request; its delivery was given up"),
    /** Escalated to a senior moderator, and not decided by the deadline. */
    ESCALATED_NOT_DECIDED_IN_TIME("escalated to a senior moderator and not decided by the deadline"),
    /** Nobody decided the case by the deadline. */
    NOT_DECIDED_IN_TIME("not decided by the deadline"),
    /** Decided in time, but the platform had not confirmed the removal by the deadline. */
    REMOVAL_NOT_CONFIRMED_IN_TIME("decided in time; the platform had not confirmed the removal by the deadline");

    private final String description;

    BreachReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * The reason of one breach.
     *
     * @param decidedAt the case's first decision other than an escalation
     * @param escalatedAt the case's first escalation
     */
    static BreachReason of(
            Instant deadline, Optional<Instant> decidedAt, Optional<Instant> escalatedAt, boolean deliveryGivenUp) {
        if (deliveryGivenUp) {
            return REMOVAL_DELIVERY_GIVEN_UP;
        }
        boolean decidedInTime = decidedAt.filter(at -> !at.isAfter(deadline)).isPresent();
        if (decidedInTime) {
            return REMOVAL_NOT_CONFIRMED_IN_TIME;
        }
        return escalatedAt.filter(at -> !at.isAfter(deadline)).isPresent()
                ? ESCALATED_NOT_DECIDED_IN_TIME
                : NOT_DECIDED_IN_TIME;
    }
}
