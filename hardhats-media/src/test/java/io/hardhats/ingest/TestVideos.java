package io.hardhats.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.Loader;

/**
 * Test videos made with the ffmpeg program that ships inside the FFmpeg bindings, so tests need
 * no ffmpeg installed. Each file is made once per build and reused.
 */
public final class TestVideos {

    private TestVideos() {
    }

    /**
     * {@code file}, made if missing by {@code ffmpeg -f lavfi -i source <encoding...> file}.
     *
     * @param source   a lavfi source such as {@code testsrc=size=320x240:rate=25}
     * @param encoding output options: frame count or duration, codec, pixel format
     */
    public static Path make(Path file, String source, String... encoding) {
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.getParent());
            String name = file.getFileName().toString();
            Path partial = file.resolveSibling("partial-" + name);
            Path log = file.resolveSibling(name + ".log");
            List<String> command = new ArrayList<>(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-nostdin",
                    "-loglevel", "error", "-y", "-f", "lavfi", "-i", source));
            command.addAll(List.of(encoding));
            command.add(partial.toString());
            Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
                ffmpeg.destroyForcibly();
                throw new IllegalStateException("ffmpeg could not make " + name + ": " + Files.readString(log));
            }
            return Files.move(partial, file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
