-- The stream deliveries whose checks are recorded (docs/adr/0030): a record of the uploads topic
-- is named by its topic, partition, offset and the digest of its value, and its name is written in
-- the commit that audits and registers its check, so a record delivered again after a consumer
-- stopped before committing its offset is answered without being registered twice. Rows older than
-- the deduplication window are deleted. Times are Unix milliseconds.
CREATE TABLE matching_delivery (
    delivery    TEXT   NOT NULL PRIMARY KEY,
    content_id  TEXT   NOT NULL,
    recorded_at BIGINT NOT NULL
);
CREATE INDEX matching_delivery_recorded_at ON matching_delivery (recorded_at);
