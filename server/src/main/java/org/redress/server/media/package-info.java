/**
 * Media held for review or as evidence: an encrypted, content-addressed blob store. Images are
 * sealed with AES-256-GCM under a key derived from the operator's data key and named by a keyed
 * HMAC of their bytes, so neither the files nor their names reveal or confirm an image. Rows say
 * which content ids refer to which file, until when (retention) and whether a legal hold applies;
 * {@link org.redress.server.media.Media} is the facade, and moderators see a server-made blurred
 * greyscale preview before they choose to open the image itself.
 */
@NullMarked
@ApplicationModule(
        displayName = "Media",
        allowedDependencies = {"shared", "storage"})
package org.redress.server.media;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
