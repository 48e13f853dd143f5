package dev.spinetrack.gateway.cli;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a gateway YAML file: a flat mapping of setting names to values, e.g.
 * <pre>
 * broker: tcp://broker.local:1883
 * queue-dir: /var/lib/spinetrack/queue
 * allow: [ "C0:FF:EE:00:00:01", "Studio Rack" ]
 * </pre>
 */
public final class YamlConfigFile {

    private YamlConfigFile() {
    }

    /** The settings of a file, as strings (lists joined with commas). */
    public static Map<String, String> read(Path file) {
        Object root;
        try (Reader r = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("config file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("config file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("config file " + file + " must be a mapping of setting: value");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!ConfigKeys.NAMES.contains(key)) {
                throw new IllegalArgumentException("config file " + file + ": unknown setting '" + key + "'; known: "
                        + String.join(", ", ConfigKeys.NAMES));
            }
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            out.put(key, v instanceof List<?> l ? l.stream().map(String::valueOf).collect(Collectors.joining(","))
                    : String.valueOf(v));
        }
        return out;
    }
}
