package dev.spinetrack.server.session;

import dev.spinetrack.server.storage.SessionMark;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.engine.tracking.RegionStats;

import java.util.List;

/**
 * A session with its per-region statistics and marks.
 *
 * @param session the session
 * @param regions per-region statistics, catalog order
 * @param marks   region tags and bands set during it
 */
public record SessionDetail(SessionRow session, List<RegionStats> regions, List<SessionMark> marks) {
}
