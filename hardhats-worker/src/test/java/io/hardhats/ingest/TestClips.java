package io.hardhats.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small H.264 clips made with the ffmpeg CLI into target/ (once per build). */
final class TestClips {

    static final Path DIR = Path.of("target", "ingest-media").toAbsolutePath();

    private TestClips() {
    }

    /** 640x360, 25 fps, keyframe every 2 s. */
    static synchronized Path small(int seconds) {
        return make("small-" + seconds + "s.mp4", "640x360", seconds, 50);
    }

    /** 1920x1080, 25 fps, keyframe every 2 s. */
    static synchronized Path fullHd(int seconds) {
        return make("fullhd-" + seconds + "s.mp4", "1920x1080", seconds, 50);
    }

    /** 1920x1080, 25 fps, keyframe every 2 s, at a camera's constant bit rate (filler included). */
    static synchronized Path fullHd(int seconds, int kbps) {
        return make("fullhd-" + seconds + "s-" + kbps + "k.mp4", "1920x1080", seconds, 50, List.of("-b:v", kbps + "k",
                "-maxrate", kbps + "k", "-minrate", kbps + "k", "-bufsize", kbps + "k", "-x264-params", "nal-hrd=cbr"));
    }

    static synchronized Path textFile() {
        try {
            Files.createDirectories(DIR);
            Path p = DIR.resolve("not-a-video.mp4");
            Files.writeString(p, "this is not a video\n".repeat(100));
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path make(String name, String size, int seconds, int gop) {
        return make(name, size, seconds, gop, List.of());
    }

    static Path make(String name, String size, int seconds, int gop, List<String> rate) {
        Path out = DIR.resolve(name);
        if (Files.isRegularFile(out)) {
            return out;
        }
        try {
            Files.createDirectories(DIR);
            Path tmp = DIR.resolve(name + ".tmp.mp4");
            List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc=size=" + size + ":rate=25", "-t", Integer.toString(seconds),
                    "-c:v", "libx264", "-preset", "ultrafast", "-g", Integer.toString(gop),
                    "-keyint_min", Integer.toString(gop), "-sc_threshold", "0", "-bf", "0",
                    "-pix_fmt", "yuv420p", "-threads", "2"));
            cmd.addAll(rate);
            cmd.add(tmp.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(DIR.resolve(name + ".log").toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("ffmpeg failed for " + name + ": "
                        + Files.readString(DIR.resolve(name + ".log")));
            }
            Files.move(tmp, out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
