-- Bumped by every session change (start, stop, tag, band, info) so an instance sharing the
-- stream notices that its in-memory track is stale even when no samples moved processed_seq.
ALTER TABLE devices ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;
