-- Jobs that run once across replicas (storage.JobLeases): a replica that finds a job due and held
-- by nobody holds it until held_until, runs it, then lets it go and sets when it is next due. A
-- holder that dies lets nothing go: its hold ends at held_until, and then another replica runs the job.
CREATE TABLE storage_job_lease (
    name        TEXT        NOT NULL PRIMARY KEY,
    held_by     TEXT,
    held_until  TIMESTAMPTZ,
    next_run_at TIMESTAMPTZ NOT NULL,
    last_run_by TEXT,
    last_run_at TIMESTAMPTZ
);
