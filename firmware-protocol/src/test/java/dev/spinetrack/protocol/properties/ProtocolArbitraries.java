package dev.spinetrack.protocol.properties;

import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.ControlResult;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.gatt.ResultCode;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/** Generators of arbitrary valid protocol values, edge cases included. */
final class ProtocolArbitraries {

    private ProtocolArbitraries() {
    }

    static Arbitrary<SampleFrame> frames() {
        Arbitrary<int[]> pressures = Arbitraries.integers().between(0, SampleFrame.MAX_PRESSURE)
                .array(int[].class).ofMinSize(1).ofMaxSize(SampleFrame.MAX_CHANNELS);
        Arbitrary<Integer> battery = Arbitraries.oneOf(Arbitraries.just(SampleFrame.NO_BATTERY),
                Arbitraries.integers().between(0, 100));
        return Combinators.combine(Arbitraries.longs().between(0, SampleFrame.MAX_U32),
                        Arbitraries.longs().between(0, SampleFrame.MAX_U32),
                        Arbitraries.integers().between(-9000, 9000), Arbitraries.integers().between(-18000, 18000),
                        pressures, battery, Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(SampleFrame::new);
    }

    static Arbitrary<CellPlacement> placedCells() {
        return Combinators.combine(Arbitraries.of(SpinalLevel.class), Arbitraries.of(Side.LEFT, Side.RIGHT))
                .as(CellPlacement::new);
    }

    static Arbitrary<DeviceCapabilities> capabilities() {
        Arbitrary<List<CellPlacement>> cells = Arbitraries.of(DeviceKind.class).flatMap(k -> k == DeviceKind.BALL
                ? Arbitraries.just(List.of(CellPlacement.UNPLACED))
                : placedCells().list().ofMinSize(2).ofMaxSize(SampleFrame.MAX_CHANNELS));
        Arbitrary<int[]> rates = Arbitraries.integers().between(1, 1000)
                .flatMap(min -> Arbitraries.integers().between(min, 1000).map(max -> new int[] {min, max}));
        Arbitrary<Integer> fw = Arbitraries.integers().between(0, 255);
        return Combinators.combine(cells, fw, fw, fw, rates, Arbitraries.of(PressureUnit.class),
                        Arbitraries.integers().between(1, 0xFFFF), Arbitraries.integers().between(0, SampleFrame.MAX_PRESSURE))
                .as((c, major, minor, patch, r, unit, scale, threshold) -> new DeviceCapabilities(
                        c.get(0).placed() ? DeviceKind.RACK : DeviceKind.BALL, major, minor, patch, r[0], r[1], unit,
                        scale, threshold, c));
    }

    static Arbitrary<ControlCommand> commands() {
        return Arbitraries.oneOf(
                Arbitraries.just(new ControlCommand.StartStream()),
                Arbitraries.just(new ControlCommand.StopStream()),
                Arbitraries.integers().between(1, 1000).map(ControlCommand.SetRate::new),
                Arbitraries.oneOf(Arbitraries.integers().between(0, 31), Arbitraries.just(ControlCommand.Tare.ALL_CHANNELS))
                        .map(ControlCommand.Tare::new),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(ControlCommand.SetTime::new),
                Arbitraries.integers().between(1, 60).map(ControlCommand.Identify::new));
    }

    static Arbitrary<ControlResult> results() {
        return Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.of(ResultCode.class))
                .as(ControlResult::new);
    }

    static Arbitrary<Integer> mtus() {
        return Arbitraries.integers().between(GattProfile.DEFAULT_MTU, GattProfile.MAX_MTU);
    }
}
