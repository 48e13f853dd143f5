package dev.spinetrack.server.http;

import dev.spinetrack.server.guided.run.GuidedSessions;
import dev.spinetrack.server.engine.tender.TenderRating;
import dev.spinetrack.server.engine.tender.TenderTrend;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;

import java.util.List;

/** Tender spots: the user's ratings and each region's trend across rounds and sessions. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/api/tender-spots")
public class TenderController {

    private final GuidedSessions guides;
    private final CurrentUser users;

    public TenderController(GuidedSessions guides, CurrentUser users) {
        this.guides = guides;
        this.users = users;
    }

    @Get
    @Operation(summary = "Each rated region's trend, e.g. \"tolerates 20 % more pressure, tenderness 6 -> 3\"")
    public TenderSpots list(Authentication user) {
        String who = users.resolve(user);
        List<TrendView> trends = guides.trends(who).stream().map(TrendView::of).toList();
        return new TenderSpots(trends, guides.ratings(who));
    }

    /**
     * Trends and ratings.
     *
     * @param trends  per region
     * @param ratings every rating, in time order
     */
    @Serdeable
    public record TenderSpots(List<TrendView> trends, List<TenderRating> ratings) {
    }

    /**
     * A trend with the region's label.
     *
     * @param region            region id
     * @param label             for people
     * @param ratings           number of ratings
     * @param firstTenderness   first rating
     * @param latestTenderness  latest rating
     * @param pressureChangePct change in tolerated pressure, percent, or null
     * @param improving         less tender, or as tender under more pressure
     * @param summary           e.g. "tolerates 20 % more pressure, tenderness 6 -> 3"
     */
    @Serdeable
    public record TrendView(String region, String label, int ratings, int firstTenderness, int latestTenderness,
                            @Nullable Integer pressureChangePct, boolean improving, String summary) {
        static TrendView of(TenderTrend t) {
            return new TrendView(t.region().name(), t.region().label(), t.ratings(), t.firstTenderness(),
                    t.latestTenderness(), t.pressureChangePct(), t.improving(), t.summary());
        }
    }
}
