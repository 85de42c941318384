-- The jurisdiction the platform declares for the reported content or its uploader (a code such as
-- GB-EAW, GB-SCT, GB-NIR, US or an EU/EEA state's), whose law the statements of reasons of the
-- case cite (docs/adr/0023). Empty when the platform declared none: its default applies.
ALTER TABLE intake_report ADD COLUMN jurisdiction TEXT;
