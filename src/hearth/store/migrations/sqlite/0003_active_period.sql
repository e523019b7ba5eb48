-- Each revision's active period, and its current one's: the days the record is about (a
-- referral from its date to its closure, a plan from its start to its end) as ISO dates, an open
-- one to 9999-12-31, so that an engine can load only the records open in a year
-- (docs/decisions/0015-active-period-of-a-record.md). NULL: a kind without a period, or a
-- revision written before this migration; such a record is in every load by dates.
ALTER TABLE record_revision ADD COLUMN active_from TEXT;
ALTER TABLE record_revision ADD COLUMN active_to TEXT;
ALTER TABLE record_current ADD COLUMN active_from TEXT;
ALTER TABLE record_current ADD COLUMN active_to TEXT;
