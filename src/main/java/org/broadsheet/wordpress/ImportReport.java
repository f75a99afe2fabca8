package org.broadsheet.wordpress;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, per kind of item: counts, and a line for each failure and each thing to
 * know. Thread-safe: batches are written on a thread of their own.
 */
final class ImportReport {

    enum Outcome {
        IMPORTED,
        UPDATED,
        SKIPPED,
        FAILED
    }

    private final Map<String, EnumMap<Outcome, Integer>> counts = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final boolean dryRun;

    ImportReport(boolean dryRun) {
        this.dryRun = dryRun;
    }

    synchronized void count(String kind, Outcome outcome) {
        counts.computeIfAbsent(kind, k -> new EnumMap<>(Outcome.class)).merge(outcome, 1, Integer::sum);
    }

    synchronized void failed(String kind, String what, String reason) {
        count(kind, Outcome.FAILED);
        note("failed: " + kind + " " + what + ": " + reason);
    }

    synchronized void note(String line) {
        lines.add(line);
    }

    /** Adds what {@code staged} counted and noted (a batch of items, once it is committed). */
    synchronized void merge(ImportReport staged) {
        staged.counts.forEach((kind, c) -> c.forEach((outcome, n) ->
                counts.computeIfAbsent(kind, k -> new EnumMap<>(Outcome.class)).merge(outcome, n, Integer::sum)));
        lines.addAll(staged.lines);
    }

    synchronized int counted(String kind, Outcome outcome) {
        EnumMap<Outcome, Integer> of = counts.get(kind);
        return of == null ? 0 : of.getOrDefault(outcome, 0);
    }

    synchronized int failures() {
        return counts.values().stream()
                .mapToInt(c -> c.getOrDefault(Outcome.FAILED, 0))
                .sum();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The report as people read it: a table of counts, then the lines. */
    synchronized String text() {
        StringBuilder text =
                new StringBuilder(dryRun ? "WordPress import (dry run: nothing written)\n" : "WordPress import\n");
        text.append(String.format("%-12s %9s %9s %9s %9s%n", "", "imported", "updated", "skipped", "failed"));
        counts.forEach((kind, c) -> text.append(String.format(
                "%-12s %9d %9d %9d %9d%n",
                kind,
                c.getOrDefault(Outcome.IMPORTED, 0),
                c.getOrDefault(Outcome.UPDATED, 0),
                c.getOrDefault(Outcome.SKIPPED, 0),
                c.getOrDefault(Outcome.FAILED, 0))));
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
