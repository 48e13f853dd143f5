package dev.spinetrack.server.storage;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/** Devices and their owners. */
@Singleton
public class DeviceStore {

    private static final String COLUMNS =
            "id, gateway, owner_id, name, kind, info_json, state, battery, last_seen, processed_seq, revision";

    /** The device, created with the given owner when first seen. */
    public DeviceRow ensure(Connection c, String id, String gateway, String owner, long now) throws SQLException {
        Optional<DeviceRow> existing = find(c, id);
        if (existing.isPresent()) {
            return existing.get();
        }
        UserStore.ensure(c, owner, now);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO devices (id, gateway, owner_id, created_at, last_seen) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, gateway);
            ps.setString(3, owner);
            ps.setLong(4, now);
            ps.setLong(5, now);
            ps.executeUpdate();
        }
        return find(c, id).orElseThrow();
    }

    /**
     * Locks the rows of those of the devices that exist, to the end of the transaction, in id
     * order as {@link #lock} one at a time would (so two instances locking overlapping sets
     * cannot deadlock), with one statement for up to {@link Rows#IN_CHUNK} devices.
     *
     * @param sortedIds device ids in ascending order
     * @return the locked rows, in id order
     */
    public List<DeviceRow> lockAll(Connection c, List<String> sortedIds) throws SQLException {
        return Rows.listIn(c, "SELECT " + COLUMNS + " FROM devices WHERE id IN (%s) ORDER BY id FOR UPDATE",
                sortedIds, DeviceStore::row);
    }

    public Optional<DeviceRow> find(Connection c, String id) throws SQLException {
        return Rows.first(c, "SELECT " + COLUMNS + " FROM devices WHERE id = ?", ps -> ps.setString(1, id),
                DeviceStore::row);
    }

    /**
     * Reads a device and locks its row to the end of the transaction, so instances sharing the
     * stream (MQTT shared subscriptions) process one device's messages one at a time.
     */
    public Optional<DeviceRow> lock(Connection c, String id) throws SQLException {
        return Rows.first(c, "SELECT " + COLUMNS + " FROM devices WHERE id = ? FOR UPDATE", ps -> ps.setString(1, id),
                DeviceStore::row);
    }

    /** Every device whose info is known (so whose samples are tracked), by id. */
    public List<DeviceRow> withInfo(Connection c) throws SQLException {
        return Rows.list(c, "SELECT " + COLUMNS + " FROM devices WHERE info_json IS NOT NULL ORDER BY id", ps -> {
        }, DeviceStore::row);
    }

    public List<DeviceRow> ownedBy(Connection c, String owner) throws SQLException {
        return Rows.list(c, "SELECT " + COLUMNS + " FROM devices WHERE owner_id = ? ORDER BY id",
                ps -> ps.setString(1, owner), DeviceStore::row);
    }

    /** Devices last heard from before {@code beforeMs} (server clock) that have an open automatic session. */
    public List<DeviceRow> silentWithOpenAutoSession(Connection c, long beforeMs) throws SQLException {
        return Rows.list(c, "SELECT " + COLUMNS + " FROM devices d WHERE d.last_seen < ? "
                + "AND EXISTS (SELECT 1 FROM sessions s WHERE s.device_id = d.id AND s.to_seq IS NULL "
                + "AND s.auto_started = TRUE)", ps -> ps.setLong(1, beforeMs), DeviceStore::row);
    }

    public void setInfo(Connection c, String id, String gateway, String name, String kind, String infoJson, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE devices SET gateway = ?, name = ?, kind = ?, info_json = ?, last_seen = ? WHERE id = ?")) {
            ps.setString(1, gateway);
            ps.setString(2, name);
            ps.setString(3, kind);
            ps.setString(4, infoJson);
            ps.setLong(5, now);
            ps.setString(6, id);
            ps.executeUpdate();
        }
    }

    public void setStatus(Connection c, String id, String state, Integer battery, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE devices SET state = ?, battery = COALESCE(?, battery), last_seen = ? WHERE id = ?")) {
            ps.setString(1, state);
            setBattery(ps, 2, battery);
            ps.setLong(3, now);
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    /**
     * Marks the ONLINE devices of a gateway LOST (its LWT said it vanished, PROTOCOL.md §7.1);
     * {@code last_seen} stays, since nothing was heard from the devices.
     *
     * @return the ids of the devices marked
     */
    public List<String> markGatewayLost(Connection c, String gateway) throws SQLException {
        List<String> ids = Rows.list(c, "SELECT id FROM devices WHERE gateway = ? AND state = 'ONLINE'",
                ps -> ps.setString(1, gateway), rs -> rs.getString(1));
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE devices SET state = 'LOST' WHERE gateway = ? AND state = 'ONLINE'")) {
            ps.setString(1, gateway);
            ps.executeUpdate();
        }
        return ids;
    }

    public void setProcessed(Connection c, String id, long processedSeq, Integer battery, long now)
            throws SQLException {
        setProcessed(c, List.of(new Processed(id, processedSeq, battery)), now);
    }

    /** A device's progress to store: its processed seq and, when one arrived, its battery. */
    public record Processed(String id, long processedSeq, Integer battery) {
    }

    /** Stores several devices' progress in one JDBC batch (one round trip on PostgreSQL). */
    public void setProcessed(Connection c, List<Processed> all, long now) throws SQLException {
        if (all.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE devices SET processed_seq = ?, battery = COALESCE(?, battery), last_seen = ? WHERE id = ?")) {
            for (Processed p : all) {
                ps.setLong(1, p.processedSeq());
                setBattery(ps, 2, p.battery());
                ps.setLong(3, now);
                ps.setString(4, p.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void setOwner(Connection c, String id, String owner, long now) throws SQLException {
        UserStore.ensure(c, owner, now);
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET owner_id = ? WHERE id = ?")) {
            ps.setString(1, owner);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /** Bumps a device's revision; its row must be locked by this transaction. */
    public void bumpRevision(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET revision = revision + 1 WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    /** A battery update keeps the last known level when a message carries none. */
    private static void setBattery(PreparedStatement ps, int index, Integer battery) throws SQLException {
        if (battery == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, battery);
        }
    }

    private static DeviceRow row(ResultSet rs) throws SQLException {
        return new DeviceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Rows.nullableInt(rs, 8), Rows.nullableLong(rs, 9), rs.getLong(10),
                rs.getLong(11));
    }
}
