-- What happened, as the reporter said it: SHARED_WITHOUT_CONSENT, THREATENED_TO_SHARE,
-- FAKE_OR_ALTERED, TAKEN_WITHOUT_CONSENT or CYBERFLASHING (the offences of the Sexual Offences Act
-- 2003 ss.66A-66F; see docs/report-reasons.md). Empty for reports filed before the reason was asked.
ALTER TABLE intake_report ADD COLUMN reason TEXT;
