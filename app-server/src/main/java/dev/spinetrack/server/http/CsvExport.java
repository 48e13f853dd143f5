package dev.spinetrack.server.http;

import dev.spinetrack.server.session.SessionDetail;
import dev.spinetrack.server.engine.tracking.RegionStats;

import java.util.List;
import java.util.Locale;

/** CSV renderings of statistics (one header line, RFC 4180, '.' decimals). */
final class CsvExport {

    private static final String STATS_HEADER = "region,dwell_ms,samples,mean_pressure,peak_pressure,p95_pressure,"
            + "in_band_ms,below_band_ms,above_band_ms,gap_count,gap_ms";

    private CsvExport() {
    }

    static String session(SessionDetail d) {
        StringBuilder b = new StringBuilder("session,device,started_at,").append(STATS_HEADER).append('\n');
        for (RegionStats r : d.regions()) {
            b.append(d.session().id()).append(',').append(d.session().deviceId()).append(',')
                    .append(d.session().startedAt()).append(',');
            stats(b, r);
        }
        return b.toString();
    }

    static String history(List<Views.RegionHistoryView> rows) {
        StringBuilder b = new StringBuilder("session,device,started_at,").append(STATS_HEADER).append('\n');
        for (Views.RegionHistoryView h : rows) {
            b.append(h.session()).append(',').append(h.device()).append(',').append(h.startedAt()).append(',');
            stats(b, h.stats());
        }
        return b.toString();
    }

    private static void stats(StringBuilder b, RegionStats r) {
        b.append(r.region().name()).append(',').append(r.dwellMs()).append(',').append(r.samples()).append(',')
                .append(num(r.meanPressure())).append(',').append(num(r.peakPressure())).append(',')
                .append(num(r.p95Pressure())).append(',').append(r.inBandMs()).append(',').append(r.belowBandMs())
                .append(',').append(r.aboveBandMs()).append(',').append(r.gapCount()).append(',').append(r.gapMs())
                .append('\n');
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
