package org.redress.server.media;

/**
 * A reason kept outside media to keep a content id's images past their retention, such as a legal
 * hold on a whole case. {@link Media#purgeExpired()} asks every such bean before deleting an expired
 * reference, so a module can hold content without media depending on it, and without sharing the
 * single hold row per content id that review places and lifts as cases open and close.
 */
public interface RetentionHold {

    /** Whether this content id's images must be kept, whatever their retention. */
    boolean keeps(String contentId);
}
