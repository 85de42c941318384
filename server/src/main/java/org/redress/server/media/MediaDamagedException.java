package org.redress.server.media;

/**
 * A stored file failed authentication: it was altered or truncated on disk, moved under another
 * name, or sealed under another key (a changed {@code REDRESS_DATA_KEY}). Not the caller's fault,
 * so it is no {@code DomainException}: the web layer answers it as an internal error and logs it.
 * The message names the id and what failed, never the content.
 */
public final class MediaDamagedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public MediaDamagedException(MediaId id, String what) {
        super("stored media " + id.value() + " is damaged: " + what);
    }
}
