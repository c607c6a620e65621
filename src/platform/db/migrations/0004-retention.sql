-- The retention worker (platform/retention) deletes inbox rows and dead letters by age, oldest first,
-- in small batches: each batch is then a short index range scan instead of a sequential scan.
CREATE INDEX IF NOT EXISTS inbox_handled_at ON platform.inbox (handled_at);
CREATE INDEX IF NOT EXISTS dead_letters_failed_at ON platform.dead_letters (failed_at);
