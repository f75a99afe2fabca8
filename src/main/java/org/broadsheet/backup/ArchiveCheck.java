package org.broadsheet.backup;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Reads an archive whole before anything is written from it: the zip's directory, the manifest
 * (its CRC-32), then every entry's size and SHA-256 against the manifest, so that a truncated
 * file, a flipped byte or a foreign file is refused with {@link RefusedArchive} and a restore
 * never starts on it. Reading is streamed: memory holds the manifest, not the entries.
 */
final class ArchiveCheck {

    /** The manifest may not be larger than this (a manifest lists entries, not their bytes). */
    static final int MANIFEST_MAX = 64 * 1024 * 1024;

    /** Why an archive is not restored. */
    static final class RefusedArchive extends Exception {
        RefusedArchive(String message) {
            super(message);
        }
    }

    private ArchiveCheck() {}

    /** The manifest of an archive whose every entry is whole, made by a schema this jar knows. */
    static Manifest verify(ZipFile zip, MigrationVersion newestKnown) throws RefusedArchive, IOException {
        Manifest manifest = manifest(zip);
        if (manifest.format() != Manifest.FORMAT) {
            throw new RefusedArchive("The archive's format is " + manifest.format() + "; this Broadsheet reads format "
                    + Manifest.FORMAT);
        }
        MigrationVersion version = version(manifest.schemaVersion());
        if (version.isNewerThan(newestKnown)) {
            throw new RefusedArchive("The archive was made by a newer Broadsheet (schema version "
                    + manifest.schemaVersion() + "; this one knows up to " + newestKnown
                    + "): restore it with that version or a later one");
        }
        Set<String> listed = new HashSet<>(List.of(Manifest.NAME));
        for (Manifest.Entry entry : entries(manifest)) {
            if (!listed.add(entry.name())) {
                throw new RefusedArchive("The manifest lists " + entry.name() + " twice");
            }
            check(zip, entry);
        }
        for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
            String name = all.nextElement().getName();
            if (!listed.contains(name)) {
                throw new RefusedArchive("The archive holds " + name + ", which its manifest does not list");
            }
        }
        return manifest;
    }

    private static MigrationVersion version(String text) throws RefusedArchive {
        if (!text.matches("\\d{1,9}(\\.\\d{1,9}){0,3}")) {
            throw new RefusedArchive("The archive's schema version is not one: " + text);
        }
        return MigrationVersion.fromVersion(text);
    }

    /** Every entry the manifest lists, tables first. */
    static List<Manifest.Entry> entries(Manifest manifest) {
        List<Manifest.Entry> entries = new ArrayList<>();
        manifest.tables().forEach(t -> entries.add(t.entry()));
        entries.addAll(manifest.media());
        return entries;
    }

    private static Manifest manifest(ZipFile zip) throws RefusedArchive, IOException {
        ZipEntry entry = zip.getEntry(Manifest.NAME);
        if (entry == null || entry.getSize() > MANIFEST_MAX) {
            throw new RefusedArchive("Not a Broadsheet backup: it has no " + Manifest.NAME);
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(MANIFEST_MAX);
        } catch (ZipException e) {
            throw new RefusedArchive("The archive's manifest is damaged: " + e.getMessage());
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (bytes.length != entry.getSize() || crc.getValue() != entry.getCrc()) {
            throw new RefusedArchive("The archive's manifest is damaged (its CRC-32 does not match)");
        }
        try {
            return wellFormed(ArchiveWriter.JSON.readValue(bytes, Manifest.class));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new RefusedArchive("The archive's manifest is not one Broadsheet wrote: " + e.getMessage());
        }
    }

    /** Jackson leaves a missing field null; none may be. */
    private static Manifest wellFormed(@Nullable Manifest m) {
        if (m == null
                || m.schemaVersion() == null
                || m.createdAt() == null
                || m.tables() == null
                || m.sequences() == null
                || m.media() == null
                || m.tables().stream().anyMatch(t -> t == null || t.entry() == null || t.columns() == null)
                || m.media().stream().anyMatch(e -> e == null || e.name() == null || e.sha256() == null)) {
            throw new IllegalArgumentException("a field is missing");
        }
        return m;
    }

    private static void check(ZipFile zip, Manifest.Entry listed) throws RefusedArchive, IOException {
        ZipEntry entry = zip.getEntry(listed.name());
        if (entry == null) {
            throw new RefusedArchive("The archive lacks " + listed.name() + ", which its manifest lists");
        }
        MessageDigest sha256 = ArchiveWriter.sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                size += n;
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new RefusedArchive("The archive's entry " + listed.name() + " is damaged: " + e.getMessage());
        }
        if (size != listed.size() || !HexFormat.of().formatHex(sha256.digest()).equals(listed.sha256())) {
            throw new RefusedArchive(
                    "The archive's entry " + listed.name() + " is damaged (its size or SHA-256 does not match)");
        }
    }
}
