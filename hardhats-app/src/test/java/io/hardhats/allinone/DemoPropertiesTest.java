package io.hardhats.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPropertiesTest {

    @TempDir
    Path folder;

    @Test
    void anExplicitVideoWinsAndAMissingOneMeansNoDemo() throws Exception {
        Path clip = Files.writeString(folder.resolve("mine.mp4"), "x");
        assertThat(new DemoProperties(clip, folder).clip()).contains(clip);
        assertThat(new DemoProperties(folder.resolve("gone.mp4"), folder).clip()).isEmpty();
    }

    @Test
    void otherwiseTheFirstClipOfTheMediaFolderIsUsed() throws Exception {
        Files.writeString(folder.resolve("notes.md"), "x");
        Files.writeString(folder.resolve("b-site.mp4"), "x");
        Files.writeString(folder.resolve("a-site.MP4"), "x");
        assertThat(new DemoProperties(null, folder).clip()).contains(folder.resolve("a-site.MP4"));
        assertThat(new DemoProperties(null, folder.resolve("missing")).clip()).isEmpty();
    }
}
