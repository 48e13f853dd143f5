-- Samples are read by (device_id, seq), the primary key; the time index only cost inserts.
-- Pressures are now stored as Base64 doubles (PressureCodec), which still fit in p VARCHAR(2000).
DROP INDEX samples_device_t;
