package io.hardhats.vision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's class names by index. Ultralytics exports store them in the ONNX metadata as a
 * Python dict literal ({@code {0: 'helmet', 1: 'no_helmet'}}); other exports need a sidecar file.
 */
public record ClassNames(List<String> names) {

    private static final Pattern DICT_ENTRY = Pattern.compile("(\\d+)\\s*:\\s*(['\"])(.*?)\\2");
    private static final Pattern YAML_KEYED = Pattern.compile("^\\s*(\\d+)\\s*:\\s*(.+?)\\s*$");
    private static final Pattern YAML_ITEM = Pattern.compile("^\\s*-\\s*(.+?)\\s*$");
    /** Sidecars tried beside {@code model.onnx}, in this order. */
    static final List<String> SIDECAR_EXTENSIONS = List.of(".names", ".yaml", ".yml", ".txt");

    public ClassNames {
        names = List.copyOf(names);
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return index >= 0 && index < names.size() ? names.get(index) : null;
    }

    /**
     * Names for a model: a sidecar beside the file wins (it is how an operator corrects a model),
     * else the metadata {@code names}.
     *
     * @throws IllegalStateException when neither names the classes
     */
    public static ClassNames forModel(Path modelPath, Map<String, String> metadata) {
        Optional<ClassNames> sidecar = fromSidecar(modelPath);
        if (sidecar.isPresent()) {
            return sidecar.get();
        }
        String names = metadata.get("names");
        if (names != null && !names.isBlank()) {
            return parseDict(names);
        }
        throw new IllegalStateException("Model " + modelPath + " names no classes: its metadata has no 'names' and no "
                + "sidecar " + SIDECAR_EXTENSIONS + " lies beside it");
    }

    /** Parses the metadata form, a Python dict literal of index → quoted name. */
    public static ClassNames parseDict(String dict) {
        Map<Integer, String> byIndex = new TreeMap<>();
        Matcher m = DICT_ENTRY.matcher(dict);
        while (m.find()) {
            byIndex.put(Integer.parseInt(m.group(1)), m.group(3));
        }
        if (byIndex.isEmpty()) {
            throw new IllegalArgumentException("No class names in '" + dict + "'");
        }
        return fromIndexed(byIndex);
    }

    /** The first sidecar that exists beside the model: {@code .names}/{@code .txt} or {@code .yaml}. */
    public static Optional<ClassNames> fromSidecar(Path modelPath) {
        String file = modelPath.getFileName().toString();
        String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        for (String ext : SIDECAR_EXTENSIONS) {
            Path sidecar = modelPath.resolveSibling(stem + ext);
            if (Files.isRegularFile(sidecar)) {
                try {
                    List<String> lines = Files.readAllLines(sidecar);
                    return Optional.of(ext.startsWith(".y") ? parseYaml(lines) : parseLines(lines));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read class names from " + sidecar, e);
                }
            }
        }
        return Optional.empty();
    }

    /** One name per line (Darknet {@code .names}); blank lines and {@code #} comments skipped. */
    public static ClassNames parseLines(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("The class-name file names no classes");
        }
        return new ClassNames(names);
    }

    /**
     * The {@code names:} key of an Ultralytics data YAML, in any of its three spellings: an
     * inline list or dict, a block list ({@code - helmet}) or a block map ({@code 0: helmet}).
     * Hand-parsed because only this one key is needed.
     */
    public static ClassNames parseYaml(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i));
            if (!line.startsWith("names:")) {
                continue;
            }
            String inline = line.substring("names:".length()).strip();
            if (inline.startsWith("{")) {
                return parseDict(inline.replaceAll("(\\d+)\\s*:\\s*([^'\",}]+?)\\s*(?=[,}])", "$1: '$2'"));
            }
            if (inline.startsWith("[")) {
                List<String> names = new ArrayList<>();
                for (String part : inline.substring(1, inline.lastIndexOf(']')).split(",")) {
                    if (!part.isBlank()) {
                        names.add(unquote(part.strip()));
                    }
                }
                return new ClassNames(names);
            }
            Map<Integer, String> byIndex = new TreeMap<>();
            List<String> items = new ArrayList<>();
            for (int j = i + 1; j < lines.size(); j++) {
                String next = stripComment(lines.get(j));
                if (next.isBlank()) {
                    continue;
                }
                if (!Character.isWhitespace(lines.get(j).charAt(0)) && !next.startsWith("-")) {
                    break; // the next top-level key
                }
                Matcher keyed = YAML_KEYED.matcher(next);
                Matcher item = YAML_ITEM.matcher(next);
                if (keyed.matches()) {
                    byIndex.put(Integer.parseInt(keyed.group(1)), unquote(keyed.group(2)));
                } else if (item.matches()) {
                    items.add(unquote(item.group(1)));
                } else {
                    break;
                }
            }
            if (!byIndex.isEmpty()) {
                return fromIndexed(byIndex);
            }
            if (!items.isEmpty()) {
                return new ClassNames(items);
            }
        }
        throw new IllegalArgumentException("The YAML file has no 'names:' list");
    }

    private static ClassNames fromIndexed(Map<Integer, String> byIndex) {
        int max = byIndex.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            names.add(byIndex.getOrDefault(i, "class_" + i));
        }
        return new ClassNames(names);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf(" #");
        return (hash >= 0 ? line.substring(0, hash) : line).stripTrailing();
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '"') && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
