-- Who uploaded each user program: only they see and replace it. Bundled programs and files
-- an operator put in the programs directory have no row: everyone reads them, nobody replaces them.
CREATE TABLE program_owners (
    program_id  VARCHAR(64)  PRIMARY KEY,
    owner_id    VARCHAR(64)  NOT NULL,
    created_at  BIGINT       NOT NULL
);
