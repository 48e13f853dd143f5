package dev.spinetrack.server.guided.run;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.engine.tender.TenderRating;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores tenderness ratings in the server's database (H2 or PostgreSQL, table
 * {@code tender_rating}, Flyway migration V40), so tender-spot trends span sessions and
 * restarts. Guided runs are {@link GuideRunStore}'s.
 */
@Singleton
public class CoachStore {

    private final Database db;

    public CoachStore(Database db) {
        this.db = db;
    }

    /** Stores a tenderness rating. */
    void addRating(String user, String device, long guideId, TenderRating r) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tender_rating (user_id, device_id, guide_id,"
                    + " round_no, region, tenderness, tolerated, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, user);
                ps.setString(2, device);
                ps.setLong(3, guideId);
                ps.setInt(4, r.round());
                ps.setString(5, r.region().name());
                ps.setInt(6, r.tenderness());
                if (Double.isNaN(r.toleratedPressure())) {
                    ps.setNull(7, Types.DOUBLE);
                } else {
                    ps.setDouble(7, r.toleratedPressure());
                }
                ps.setLong(8, r.at());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** A user's ratings in time order. */
    List<TenderRating> ratings(String user) {
        return db.read(c -> ratings(c, user));
    }

    private static List<TenderRating> ratings(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT guide_id, round_no, region, tenderness, tolerated, rated_at"
                + " FROM tender_rating WHERE user_id = ? ORDER BY rated_at, id")) {
            ps.setString(1, user);
            List<TenderRating> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double tolerated = rs.getDouble(5);
                    if (rs.wasNull()) {
                        tolerated = Double.NaN;
                    }
                    out.add(new TenderRating(String.valueOf(rs.getLong(1)), rs.getInt(2), Region.valueOf(rs.getString(3)),
                            rs.getInt(4), tolerated, rs.getLong(6)));
                }
            }
            return out;
        }
    }
}
