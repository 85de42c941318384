/**
 * Where the service keeps its state: the data directory, the database (embedded SQLite by default,
 * PostgreSQL in production), per-vendor Flyway migrations, the {@link
 * org.redress.server.storage.SqlDialect} for the few statements that differ, and the
 * {@link org.redress.server.storage.FieldCipher} that encrypts personal fields at rest. The web
 * service and the {@code admin}/{@code audit} commands open storage the same way.
 */
@NullMarked
@ApplicationModule(
        displayName = "Storage",
        allowedDependencies = {})
package org.redress.server.storage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
