package dev.spinetrack.server.testing;

import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SequenceUnwrapper;
import dev.spinetrack.simulator.Playback;
import dev.spinetrack.simulator.ScenarioPlayback;
import dev.spinetrack.simulator.SimulationOptions;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.RegionSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bundled scenario played without waiting and turned into what a gateway would publish:
 * device info and samples (physical units, unwrapped seq, device epoch ms, duplicates dropped,
 * seq order), with the simulator's ground truth next to them. A shortcut past the gateway for
 * ingest tests and benchmarks that publish batches of their own making; accuracy is checked
 * through the real gateway in {@link dev.spinetrack.server.accuracy.GatewayPipelineAccuracyIT}.
 */
public final class ScenarioSamples {

    /** The bundled scenarios. */
    public static final List<String> BUNDLED = List.of("massage", "mobilization", "rack-decompression", "studio");

    private ScenarioSamples() {
    }

    /**
     * One device of a played scenario.
     *
     * @param info    what the gateway would publish as info
     * @param samples what it would publish as samples
     * @param truth   the simulator's ground truth for it
     */
    public record DeviceRun(DeviceInfo info, List<Sample> samples, DeviceTruth truth) {
        /**
         * The ball's scripted region spans, from the ground truth: a shortcut for tests of
         * other things than tagging (a user tags as they go, see the accuracy package).
         */
        public List<RegionSpan> scriptedSpans() {
            return truth.regionSpans();
        }
    }

    /** Plays a scenario (seed 1, MTU 247). */
    public static List<DeviceRun> play(String scenario, String gateway) {
        Playback playback = ScenarioPlayback.run(new SimulationOptions(scenario, 1, 1, false, ""), 247);
        Map<String, DeviceTruth> truths = new TreeMap<>();
        for (DeviceTruth t : playback.truth().devices()) {
            truths.put(t.device(), t);
        }
        List<DeviceRun> out = new ArrayList<>();
        for (Playback.DeviceCapture d : playback.devices()) {
            DeviceCapabilities caps = d.capabilities();
            DeviceInfo info = DeviceInfo.of(gateway, d.deviceId(), "sim-" + d.deviceId(), caps.maxRateHz(), caps);
            out.add(new DeviceRun(info, samples(d, caps), truths.get(d.deviceId())));
        }
        return out;
    }

    private static List<Sample> samples(Playback.DeviceCapture d, DeviceCapabilities caps) {
        SequenceUnwrapper seqs = new SequenceUnwrapper();
        TreeMap<Long, Sample> bySeq = new TreeMap<>();
        for (Playback.TimedFrame tf : d.frames()) {
            SampleFrame f = tf.frame();
            long seq = seqs.unwrap(f.sequence());
            double[] p = new double[f.channelCount()];
            for (int i = 0; i < p.length; i++) {
                p[i] = caps.toUnits(f.pressure(i));
            }
            bySeq.putIfAbsent(seq, new Sample(seq, tf.epochMs(), f.pitchDegrees(), f.rollDegrees(), p,
                    f.hasBattery() ? f.battery() : null));
        }
        return new ArrayList<>(bySeq.values());
    }

    /** Splits samples into batches of at most {@code size}. */
    public static List<List<Sample>> batches(List<Sample> samples, int size) {
        List<List<Sample>> out = new ArrayList<>();
        for (int i = 0; i < samples.size(); i += size) {
            out.add(samples.subList(i, Math.min(samples.size(), i + size)));
        }
        return out;
    }
}
