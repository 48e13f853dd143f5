package dev.spinetrack.demo;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code spinetrack.demo.*}. */
@ConfigurationProperties("spinetrack.demo")
public class DemoSettings {

    private boolean enabled;
    private String scenario = "studio";
    private double speed = 1.0;
    private String gatewayId = "demo-gw";
    private boolean tagBalls = true;

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Bundled scenario (or file) the simulated devices loop over. */
    public String scenario() {
        return scenario;
    }

    public void setScenario(String scenario) {
        this.scenario = scenario;
    }

    /** Virtual clock speed; 1 is real time. */
    public double speed() {
        return speed;
    }

    public void setSpeed(double speed) {
        this.speed = speed;
    }

    public String gatewayId() {
        return gatewayId;
    }

    public void setGatewayId(String gatewayId) {
        this.gatewayId = gatewayId;
    }

    /** Whether a stand-in user tags the balls' regions from the scenario script. */
    public boolean tagBalls() {
        return tagBalls;
    }

    public void setTagBalls(boolean tagBalls) {
        this.tagBalls = tagBalls;
    }
}
