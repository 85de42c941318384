package org.redress.server.matching.web;

import java.util.Set;
import org.redress.server.web.OversizeUpload;
import org.redress.server.web.StaffLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bank pages' entry on the staff start page, and their import form, which may be too large to read. */
@Configuration(proxyBeanMethods = false)
class BankLinks {

    @Bean
    StaffLink bankPagesLink() {
        return new StaffLink("banks-link", "/banks", "Hash banks", "administrators", Set.of("ADMIN"), 30);
    }

    @Bean
    OversizeUpload bankImportUpload() {
        return new OversizeUpload("/banks/*/import");
    }
}
