package soak;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What one soak run does; every value comes from run.sh (where the defaults live) as name=value arguments. */
record SoakSettings(int port, long pid, int rtspPort, Path rtspScript, String python, Path clip, Path placeholder,
        int rtspCameras, int fileCameras, int durationS, int restartEveryS, int warmupS, int sampleEveryS, int viewers,
        int sseClients, boolean fullGc) {

    static final Set<String> NAMES = Set.of("port", "pid", "rtsp_port", "rtsp_script", "python", "clip", "placeholder",
            "rtsp_cameras", "file_cameras", "duration", "restart_every", "warmup", "sample_every", "viewers", "sse_clients",
            "full_gc");

    static SoakSettings parse(String[] args) {
        Map<String, String> v = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1 || !NAMES.contains(a.substring(0, eq))) {
                throw new IllegalArgumentException("unknown argument " + a);
            }
            v.put(a.substring(0, eq), a.substring(eq + 1));
        }
        if (!v.keySet().equals(NAMES)) {
            throw new IllegalArgumentException("missing arguments");
        }
        return new SoakSettings(Integer.parseInt(v.get("port")), Long.parseLong(v.get("pid")),
                Integer.parseInt(v.get("rtsp_port")), Path.of(v.get("rtsp_script")), v.get("python"), Path.of(v.get("clip")),
                Path.of(v.get("placeholder")), Integer.parseInt(v.get("rtsp_cameras")),
                Integer.parseInt(v.get("file_cameras")), Integer.parseInt(v.get("duration")),
                Integer.parseInt(v.get("restart_every")), Integer.parseInt(v.get("warmup")),
                Integer.parseInt(v.get("sample_every")), Integer.parseInt(v.get("viewers")),
                Integer.parseInt(v.get("sse_clients")), v.get("full_gc").equals("1"));
    }

    static String usage() {
        return "usage: SoakClient " + String.join("=... ", NAMES.stream().sorted().toList()) + "=...   (see bench/soak/run.sh)";
    }
}
