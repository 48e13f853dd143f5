-- Raw samples as blocks: one row per device and run of seqs instead of one row per sample, so
-- storing a batch costs one row, one index entry and one undo entry (issue 12: row inserts were
-- the largest cost of ingest). The text form of a block is documented in
-- dev.spinetrack.server.storage.SampleBlock: one line per sample, "seq t pitch roll battery p",
-- battery "-" when absent. Existing rows become one-sample blocks; the doubles' text is whatever
-- the database writes for them, which Java's Double.parseDouble reads back exactly. Keyed by the
-- last position: a block's positions lie within 2^20 of its first, so the blocks that may hold a
-- range [from, to] are those with last_seq in [from, to + 2^20), and for the newest positions (the
-- duplicate probe of a batch arriving in order) that is the last block or none.
CREATE TABLE sample_blocks (
    device_id  VARCHAR(12)      NOT NULL,
    first_seq  BIGINT           NOT NULL,
    last_seq   BIGINT           NOT NULL,
    last_t     BIGINT           NOT NULL,
    n          INTEGER          NOT NULL,
    data       VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (device_id, last_seq)
);

INSERT INTO sample_blocks (device_id, first_seq, last_seq, last_t, n, data)
SELECT device_id, seq, seq, t, 1,
       CAST(seq AS VARCHAR(20)) || ' ' || CAST(t AS VARCHAR(20)) || ' ' || CAST(pitch AS VARCHAR(40)) || ' '
           || CAST(roll AS VARCHAR(40)) || ' ' || COALESCE(CAST(bat AS VARCHAR(12)), '-') || ' ' || p
FROM samples;

DROP TABLE samples;
