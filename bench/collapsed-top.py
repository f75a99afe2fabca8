#!/usr/bin/env python3
"""Where the processor time of an async-profiler recording goes, kernel included: reads its
collapsed stacks (`-o collapsed`: one line per stack, frames separated by ';', then a count;
kernel frames end in "_[k]") and prints
  1. the share of all samples by kind of thread (request threads, the JIT, GC, Tomcat's poller,
     the common fork-join pool, the rest);
  2. for the request threads (those under Tomcat's Http11Processor.service): the share spent in
     the kernel, and which code made the kernel calls (the last frame outside the JDK before the
     first kernel frame: the PostgreSQL driver's writes and reads, Tomcat's socket writes);
  3. inclusive shares of the request threads' samples for the parts of a page named in PARTS.

    bench/collapsed-top.py recording.collapsed [TOP]     # TOP default 12
"""
import collections
import re
import sys

REQUEST = "Http11Processor.service"
# (part, pattern on a frame): a sample counts once for a part if any of its frames matches.
PARTS = [
    ("Spring MVC's dispatch (all below it)", r"DispatcherServlet\.doDispatch"),
    ("finding the handler", r"DispatcherServlet\.getHandler"),
    ("the controller method (all below it)", r"InvocableHandlerMethod\.doInvoke"),
    ("JDBC statements (driver and kernel)", r"PgStatement\.executeInternal"),
    ("mapping rows", r"RowMapper|mapRow"),
    ("writing the template", r"gg/jte/TemplateEngine\.render"),
    ("writing the response to the socket", r"CoyoteOutputStream\.write|NioChannel\.write"),
    ("Caffeine", r"com/github/benmanes/caffeine"),
]


def read(path):
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        cut = line.rfind(" ")
        if cut > 0:
            yield line[:cut].split(";"), int(line[cut + 1:])


def kind(stack):
    joined = ";".join(stack)
    for name, pattern in (("request threads", REQUEST), ("JIT compiler", r"CompileBroker|C2Compiler|Compilation::"),
                          ("garbage collection", r"GCTaskThread|VM_GC|GenCollect|SerialHeap|VMThread"),
                          ("Tomcat's poller", r"NioEndpoint\$Poller"), ("common fork-join pool", r"ForkJoinWorkerThread")):
        if re.search(pattern, joined):
            return name
    return "other threads"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    kinds = collections.Counter()
    kernel_callers = collections.Counter()
    parts = collections.Counter()
    total = request = in_kernel = 0
    for stack, n in read(path):
        total += n
        kinds[kind(stack)] += n
        if not any(REQUEST in f for f in stack):
            continue
        request += n
        first_kernel = next((i for i, f in enumerate(stack) if f.endswith("_[k]")), None)
        if first_kernel is not None:
            in_kernel += n
            ours = [f for f in stack[:first_kernel] if "/" in f and not f.startswith(("java/", "sun/", "jdk/"))]
            kernel_callers[(ours[-1] if ours else stack[first_kernel - 1])[:100]] += n
        for name, pattern in PARTS:
            if any(re.search(pattern, f) for f in stack):
                parts[name] += n
    if not total or not request:
        sys.exit("No samples of request threads in " + path)
    print(f"{total} samples")
    for name, n in kinds.most_common():
        print(f"  {100 * n / total:5.1f}%  {name}")
    print(f"Request threads: {request} samples, {100 * in_kernel / request:.1f}% of them in the kernel; "
          "the kernel calls came from")
    for name, n in kernel_callers.most_common(top):
        print(f"  {100 * n / request:5.1f}%  {name}")
    print("Parts of the page (inclusive shares of the request threads' samples)")
    for name, _ in PARTS:
        print(f"  {100 * parts[name] / request:5.1f}%  {name}")


if __name__ == "__main__":
    main()
