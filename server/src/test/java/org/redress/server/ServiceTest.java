package org.redress.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole service on a random port with MockMvc, on a fresh SQLite database under
 * {@code target/it-data}. Every class with this annotation shares one Spring context, so fixtures
 * use unique names instead of relying on an empty database.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(
        classes = RedressApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redress.data=target/it-data/${random.uuid}", "logging.level.org.redress.server.storage=ERROR"})
@AutoConfigureMockMvc
public @interface ServiceTest {}
