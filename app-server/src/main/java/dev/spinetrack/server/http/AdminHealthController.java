package dev.spinetrack.server.http;

import io.micronaut.core.async.annotation.SingleResult;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reactivestreams.Publisher;

/**
 * Health with its details (database URL, disk space, broker link), for admins only; the public
 * {@code /health} says UP or DOWN and nothing more.
 */
@Controller("/api/admin/health")
@Secured("ADMIN")
@Tag(name = "accounts")
public class AdminHealthController {

    private final HealthAggregator<? extends HealthResult> aggregator;
    private final HealthIndicator[] indicators;

    public AdminHealthController(HealthAggregator<? extends HealthResult> aggregator, HealthIndicator[] indicators) {
        this.aggregator = aggregator;
        this.indicators = indicators;
    }

    @Get
    @SingleResult // one aggregate document, not a JSON array of one
    @Operation(summary = "Health of every indicator with details (admins)")
    public Publisher<? extends HealthResult> health() {
        return aggregator.aggregate(indicators, HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS);
    }
}
