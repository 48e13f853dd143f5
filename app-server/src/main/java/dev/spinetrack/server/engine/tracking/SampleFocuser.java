package dev.spinetrack.server.engine.tracking;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.region.Focus;
import dev.spinetrack.protocol.region.FocusRule;
import dev.spinetrack.protocol.region.Region;

import java.util.Optional;

/**
 * Applies {@link FocusRule} to a device's samples: contact, focus region and focus pressure.
 * A ball's region comes from a timeline of tags (or the active guided step).
 */
public final class SampleFocuser {

    private final DeviceProfile profile;
    private final Timeline<Region> ballRegion;

    /**
     * @param profile    the device
     * @param ballRegion for a ball, the region told over device time (initially null); ignored for a rack
     */
    public SampleFocuser(DeviceProfile profile, Timeline<Region> ballRegion) {
        this.profile = profile;
        this.ballRegion = ballRegion;
    }

    /**
     * The focused form of a sample.
     *
     * @throws IllegalArgumentException when the sample's channel count does not match the device
     */
    public FocusedSample focus(Sample s) {
        double[] p = s.p();
        if (p.length != profile.cells().size()) {
            throw new IllegalArgumentException("sample " + s.seq() + " has " + p.length + " channels, device has "
                    + profile.cells().size());
        }
        boolean contact = FocusRule.inContact(p, profile.contactThreshold());
        if (profile.kind() == DeviceKind.BALL) {
            Region r = ballRegion.at(s.t());
            double pressure = p[0];
            return r == null ? new FocusedSample(s.seq(), s.t(), contact, null, pressure)
                    : toFocused(s, contact, FocusRule.ballFocus(pressure, r));
        }
        Optional<Focus> f = FocusRule.rackFocus(p, profile.cells());
        return f.map(focus -> toFocused(s, contact, focus))
                .orElseGet(() -> new FocusedSample(s.seq(), s.t(), contact, null, 0));
    }

    private static FocusedSample toFocused(Sample s, boolean contact, Focus f) {
        return new FocusedSample(s.seq(), s.t(), contact, f.region(), f.pressure());
    }
}
