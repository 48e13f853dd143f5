-- Gateways registered by their owners. The id is the gateway's MQTT user name and its topic
-- segment; the secret (256 random bits, shown once) is kept only as its SHA-256.
CREATE TABLE gateways (
    id          VARCHAR(64)  PRIMARY KEY,
    owner_id    VARCHAR(64)  NOT NULL,
    secret_hash VARCHAR(64)  NOT NULL,
    created_at  BIGINT       NOT NULL
);
CREATE INDEX gateways_owner ON gateways (owner_id);
