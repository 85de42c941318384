package org.redress.server.media;

import java.nio.file.Path;
import org.redress.server.media.store.BlobFiles;
import org.redress.server.storage.DerivedKeys;
import org.redress.server.storage.StorageLocation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MediaSettings.class)
class MediaConfiguration {

    /** Two keys, not the field key: one seals the files, the other names them. */
    static final String ENCRYPTION_PURPOSE = "media.encryption.v1";

    static final String NAMING_PURPOSE = "media.naming.v1";

    @Bean
    BlobFiles blobFiles(StorageLocation location, DerivedKeys keys, MediaSettings settings) {
        String directory = settings.directory();
        Path root = directory == null || directory.isBlank()
                ? location.dataDirectory().resolve("media")
                : Path.of(directory);
        return new BlobFiles(root, keys.derive(ENCRYPTION_PURPOSE), keys.derive(NAMING_PURPOSE));
    }
}
