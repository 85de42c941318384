package org.redress.server.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The storage beans, shared by the web service and the command line. Properties:
 * {@code redress.data} ({@code REDRESS_DATA}), {@code redress.db-url} ({@code REDRESS_DB_URL}) and
 * {@code redress.data-key} ({@code REDRESS_DATA_KEY}). The database is migrated before the data
 * source is handed to anyone.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
public class StorageConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    StorageLocation storageLocation(Environment environment) {
        return StorageLocation.resolve(
                environment.getProperty("redress.data"), environment.getProperty("redress.db-url"));
    }

    @Bean
    SqlDialect sqlDialect(StorageLocation location) {
        return SqlDialect.forUrl(location.jdbcUrl());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(StorageLocation location, SqlDialect dialect) {
        log.info("Storage: {} (data directory {})", location.describe(), location.dataDirectory());
        HikariDataSource dataSource = Databases.open(location.jdbcUrl());
        try {
            Databases.migrate(dataSource, dialect);
            OwnerOnly.restrict(location.dataDirectory());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /** The clock every module reads; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FieldCipher fieldCipher(Environment environment, StorageLocation location) {
        return new FieldCipher(DataKeys.load(environment.getProperty("redress.data-key"), location.dataDirectory()));
    }

    /** Keys for other purposes (such as media), derived from the same data key as the field cipher's. */
    @Bean
    DerivedKeys derivedKeys(FieldCipher fieldCipher) {
        return new DerivedKeys(fieldCipher.dataKey());
    }

    /** Scheduled jobs that run once across replicas; this replica is named by its host and process. */
    @Bean
    JobLeases jobLeases(JdbcClient jdbc, SqlDialect dialect, Clock clock) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return new JobLeases(
                jdbc, dialect, clock, host + "/" + ProcessHandle.current().pid());
    }

    /** Rate limits that every replica on the database enforces as one. */
    @Bean
    RateLimits rateLimits(
            JdbcClient jdbc,
            SqlDialect dialect,
            TransactionTemplate transactions,
            DerivedKeys derivedKeys,
            Clock clock) {
        return new RateLimits(jdbc, dialect, transactions, derivedKeys, clock);
    }
}
