#!/usr/bin/env python3
"""Where the processor time of a JFR recording goes: reads its jdk.ExecutionSample events (through
the JDK's `jfr print`) and prints, as shares of all samples of the threads chosen,
  1. the top frames (self time) by method and by package;
  2. inclusive time by layer: the first frame from the top of each stack that belongs to a layer
     named in LAYERS decides, JDK frames skipped (so time in the PostgreSQL driver called from a
     repository counts as the driver's, a String method called by a template as the template's);
  3. inclusive time of our own methods (org.broadsheet.*, each counted once per sample).

    bench/jfr-top.py recording.jfr [THREAD_PREFIX] [TOP]   # THREAD_PREFIX default http-nio-, TOP 25
"""
import collections
import re
import subprocess
import sys

# (layer, pattern on "package.Class.method"); the first frame from the top that matches one decides.
LAYERS = [
    ("JDBC: PostgreSQL driver, Hikari", r"^(org\.postgresql|com\.zaxxer\.hikari)\."),
    ("Spring JDBC (JdbcClient, row mapping)", r"^org\.springframework\.jdbc\."),
    ("HTML sanitiser / jsoup", r"^(org\.jsoup|org\.owasp)\."),
    ("Markdown (commonmark)", r"^org\.commonmark\."),
    ("Templates (jte generated code)", r"^gg\.jte\.generated\."),
    ("Templates (jte runtime, output escaping)", r"^gg\.jte\."),
    ("Caffeine caches", r"^com\.github\.benmanes\.caffeine\."),
    ("Jackson (JSON)", r"^(com\.fasterxml\.jackson|tools\.jackson)\."),
    ("Logging", r"^(ch\.qos\.logback|org\.slf4j|org\.apache\.logging)\."),
    ("Broadsheet code", r"^org\.broadsheet\."),
    ("Spring Security filters", r"^org\.springframework\.security\."),
    ("Spring transactions", r"^org\.springframework\.transaction\."),
    ("Spring MVC, web, AOP, beans", r"^org\.springframework\."),
    ("Tomcat, HTTP and sockets", r"^org\.apache\.(catalina|coyote|tomcat)\."),
]
COMPRESSION = re.compile(r"^java\.util\.zip\.")
JDK = re.compile(r"^(java|javax|jdk|sun)\.")
FRAME = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")


def samples(path, thread_prefix):
    out = subprocess.run(
        ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "512", path],
        check=True, capture_output=True, text=True).stdout
    for event in out.split("jdk.ExecutionSample {")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        if thread_prefix and (thread is None or not thread.group(1).startswith(thread_prefix)):
            continue
        frames = [m.group(1) for m in map(FRAME.match, event.splitlines()) if m]
        if frames:
            yield frames


def package(method):
    parts = method.split(".")
    classes = [i for i, p in enumerate(parts) if p[:1].isupper()]
    end = classes[0] if classes else len(parts) - 2
    return ".".join(parts[:min(end, 4)])


def layer(frames):
    for frame in frames:
        if COMPRESSION.match(frame):
            return "Compression (java.util.zip)"
        if JDK.match(frame):
            continue
        for name, pattern in LAYERS:
            if re.match(pattern, frame):
                return name
    return "other" if any(not JDK.match(f) for f in frames) else "JDK only (no caller outside the JDK)"


def table(title, counter, total, top):
    print(f"\n{title}")
    for key, count in counter.most_common(top):
        print(f"  {100.0 * count / total:5.1f}%  {key}")


def main():
    path = sys.argv[1]
    thread_prefix = sys.argv[2] if len(sys.argv) > 2 else "http-nio-"
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    methods, packages, layers, ours = (collections.Counter() for _ in range(4))
    total = 0
    for frames in samples(path, thread_prefix):
        total += 1
        methods[frames[0]] += 1
        packages[package(frames[0])] += 1
        layers[layer(frames)] += 1
        for method in {f for f in frames if f.startswith("org.broadsheet.")}:
            ours[method] += 1
    if total == 0:
        sys.exit(f"no execution samples of threads {thread_prefix}* in {path}")
    print(f"{total} execution samples of threads {thread_prefix}*")
    table("Layers (inclusive, the first matching frame from the top decides):", layers, total, top)
    table("Top frames (self):", methods, total, top)
    table("Top packages (self):", packages, total, top)
    table("Our methods (inclusive):", ours, total, top)


main()
