/**
 * Stream ingestion (docs/adr/0030): upload checks read from a Kafka topic and answered on another,
 * through the same check path as {@code POST /api/v1/checks} (the same reading, verdict, audit and
 * registry). Off unless {@code redress.kafka.bootstrap-servers} is set. Offsets are committed only
 * after a record's check is recorded and its verdict acknowledged by the brokers (at least once);
 * a record delivered again is registered once, by the name of its delivery.
 */
@NullMarked
package org.redress.server.matching.stream;

import org.jspecify.annotations.NullMarked;
