#!/usr/bin/env python3
"""Turns Benchmarks/data/results (hyperfine JSON exports and peak.tsv) into
the Markdown of Benchmarks/RESULTS.md, on stdout."""
import argparse
import glob
import json
import os
import platform
import statistics
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "data", "results")
LIGHT_MS = 20.0
MIB = 1024.0


def load(group):
    """The results of `group`, each command's times pooled over the rounds
    `Benchmarks/run` took them in (GROUP.rK.json), or from GROUP.json."""
    paths = sorted(glob.glob(os.path.join(RESULTS, glob.escape(group) + ".r*.json")))
    single = os.path.join(RESULTS, group + ".json")
    if not paths and os.path.exists(single):
        paths = [single]
    pooled = {}
    for path in paths:
        with open(path) as handle:
            for result in json.load(handle)["results"]:
                pooled.setdefault(result["command"], []).extend(result["times"])
    return {command: summary(times) for command, times in pooled.items()}


def summary(times):
    ordered = sorted(times)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    mean = sum(ordered) / len(ordered)
    stddev = statistics.stdev(ordered) if len(ordered) > 1 else 0.0
    return {"median": median, "mean": mean, "stddev": stddev, "runs": len(ordered)}


def ms(result):
    return result["median"] * 1000.0


def peaks():
    table = {}
    path = os.path.join(RESULTS, "peak.tsv")
    if os.path.exists(path):
        for line in open(path):
            key, kib = line.rstrip("\n").split("\t")
            table[key] = int(kib)
    return table


def fmt_ms(value):
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    return f"{value:.1f} ms"


def command_output(args):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=10).stdout.strip()
    except Exception:
        return "?"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", default="full")
    parser.add_argument("--sizes", default="10000 100000")
    parser.add_argument("--seconds", type=int, default=0)
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split()]
    peak = peaks()
    out = []
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    out.append("# starlog benchmark results\n")
    out.append(f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; mode `{args.mode}` "
               f"(sizes {', '.join(f'{n:,}' for n in sizes)}); the whole run took {args.seconds // 60} min {args.seconds % 60} s.")
    out.append(f"- Machine: {os.cpu_count()} cores, {cpu}; {platform.system()} {platform.release()}; "
               f"load average at the end {os.getloadavg()[0]:.1f} (the machine is shared: medians are what count).")
    out.append(f"- {command_output(['swift', '--version']).splitlines()[0] if command_output(['swift', '--version']) else 'swift ?'}; "
               f"sqlite3 {command_output(['sqlite3', '--version']).split(' ')[0]}; "
               f"{command_output(['hyperfine', '--version'])}; jrnl 4.6 (PyPI, Python {platform.python_version()}).")
    out.append("- Reproduce: `Benchmarks/run` (10k and 100k) or `Benchmarks/run --quick` (1k and 10k). "
               "Every time is the median of whole-process runs (`hyperfine -N`, no shell), taken in three "
               "rounds that alternate starlog, the shell and the probe, so that a slow spell of this shared "
               "machine falls on all of them; peak memory is the maximum resident set of one run (wait4 rusage).")
    out.append("")
    out.append("**Floor.** The sqlite3 shell runs, on the same journal file, the fastest SQL an SQLite expert "
               "would write for the answer the command shows (Benchmarks/floors/, one file per command, each "
               "with the alternatives tried and their times in its header): search is one statement with bm25, "
               "a snippet and the story's columns; coverage reads the totals the journal keeps and counts each "
               "story's tags for the warnings; import is "
               "the shell's bulk load of the same export file with json_each. When the shell needs "
               f"under {LIGHT_MS:.0f} ms, the floor is the shell's time plus the start-up of a minimal Swift "
               "executable (`print(\"hi\")`, `swiftc -O`), timed in the same run. Ratio = starlog / floor; "
               "target 1.3x (import 1.5x).")
    out.append("")

    startup = load("startup")
    hello = ms(startup["print-hi"]) if "print-hi" in startup else 0.0
    if startup:
        out.append("## Start-up\n")
        out.append("| program | median | mean ± σ | peak memory |")
        out.append("| --- | ---: | ---: | ---: |")
        mem = {"starlog --version": peak.get("startup/starlog"), "print-hi": peak.get("startup/print-hi")}
        for name, result in startup.items():
            m = mem.get(name)
            out.append(f"| `{name}` | {fmt_ms(ms(result))} | {result['mean'] * 1000:.1f} ± {result['stddev'] * 1000:.1f} ms | "
                       f"{f'{m / MIB:.1f} MiB' if m else '-'} |")
        out.append("")

    summary = []
    for n in sizes:
        rows = []
        for label, group, key in [
            ("show", "show", "show"), ("list --principle P --limit 20", "list", "list"),
            ("search rare (`zeppelin`)", "search-rare", "search rare"),
            ("search common (`team`)", "search-common", "search common"),
            ("search phrase (`\"root cause\"`)", "search-phrase", "search phrase"),
            ("search prefix (`migrat*`)", "search-prefix", "search prefix"),
            ("coverage", "coverage", "coverage"),
            ("answer \"QUESTION\" (classifier and 5 stories; the floor is handed the principle)", "answer", "answer"),
            ("export --format json", "export", "export"),
            ("add", "add", "add"), ("import", "import", "import"),
        ]:
            results = load(f"{n}-{group}")
            if not results:
                continue
            star = results.get(f"starlog {key}")
            shell = results.get(f"sqlite3 {key}")
            if not star or not shell:
                continue
            shell_ms = ms(shell)
            light = shell_ms < LIGHT_MS
            # The probe timed in the same rounds as the command, when it was.
            probe = ms(results["print-hi"]) if "print-hi" in results else hello
            floor = shell_ms + (probe if light else 0.0)
            ratio = ms(star) / floor
            target = 1.5 if key == "import" else 1.3
            mem = peak.get(f"{n}/{group}")
            mem_ok = key in ("export", "import") or (mem is not None and mem / MIB < 30)
            ok = ratio <= target and mem_ok
            rows.append((label, star, shell_ms, floor, light, ratio, target, mem, ok, probe))
            summary.append((n, label, ratio, target, ok, mem))
        if not rows:
            continue
        out.append(f"## {n:,} stories\n")
        out.append("| command | starlog | sqlite3 shell | floor | starlog / floor | target | starlog peak memory | met |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |")
        for label, star, shell_ms, floor, light, ratio, target, mem, ok, probe in rows:
            floor_text = fmt_ms(floor) + (f" ¹ ({fmt_ms(probe)})" if light else "")
            mem_text = f"{mem / MIB:.1f} MiB" if mem else "-"
            out.append(f"| {label} | {fmt_ms(ms(star))} | {fmt_ms(shell_ms)} | {floor_text} | {ratio:.2f}x | "
                       f"≤ {target}x | {mem_text} | {'yes' if ok else '**no**'} |")
        out.append("\n¹ light command: shell + `print(\"hi\")` start-up, the probe timed in the same rounds as "
                   "the command (its median in brackets).\n")

        jrnl = load(f"{n}-jrnl")
        if jrnl:
            pairs = [
                ("add", "jrnl add", f"{n}-add", "starlog add", True),
                ("tag filter (`list --principle` / `@tag -n 20`)", "jrnl tag", f"{n}-list", "starlog list", True),
                ("text search (`search zeppelin` / `-contains zeppelin`)", "jrnl contains", f"{n}-search-rare", "starlog search rare", True),
                ("JSON export", "jrnl export", f"{n}-export", "starlog export", False),
            ]
            out.append(f"### against jrnl 4.6, {n:,} entries\n")
            out.append("| operation | jrnl | starlog | jrnl / starlog | target |")
            out.append("| --- | ---: | ---: | ---: | ---: |")
            for label, jkey, group, skey, targeted in pairs:
                theirs = jrnl.get(jkey)
                ours = load(group).get(skey)
                if not theirs or not ours:
                    continue
                speedup = ms(theirs) / ms(ours)
                target = "≥ 100x" if targeted and n == 10000 else "-"
                met = ""
                if targeted and n == 10000:
                    met = " (met)" if speedup >= 100 else " (**missed**)"
                out.append(f"| {label} | {fmt_ms(ms(theirs))} | {fmt_ms(ms(ours))} | {speedup:.0f}x | {target}{met} |")
            jpeak = peak.get(f"{n}/jrnl-tag")
            if jpeak:
                out.append(f"\njrnl's peak memory on the tag filter: {jpeak / MIB:.1f} MiB.")
            out.append("")

    growth = [("search rare", "search-rare", "starlog search rare"), ("search common", "search-common", "starlog search common"),
              ("coverage", "coverage", "starlog coverage"), ("plan", "growth", "starlog plan"),
              ("practice due --limit 20", "growth", "starlog practice due"), ("report", "growth", "starlog report")]
    if any(load(f"{n}-growth") for n in sizes):
        out.append("## Cost as the journal grows\n")
        out.append("starlog's median time per command at each size; the last column is the growth from the "
                   "smallest size to the largest (flat is about 1x; linear in stories is the size ratio, "
                   f"{sizes[-1] // sizes[0]}x here).\n")
        out.append("| command | " + " | ".join(f"{n:,}" for n in sizes) + " | growth |")
        out.append("| --- | " + " | ".join("---:" for _ in sizes) + " | ---: |")
        for label, group, key in growth:
            times = [load(f"{n}-{group}").get(key) for n in sizes]
            cells = [fmt_ms(ms(t)) if t else "-" for t in times]
            grow = f"{ms(times[-1]) / ms(times[0]):.1f}x" if times[0] and times[-1] else "-"
            out.append(f"| {label} | " + " | ".join(cells) + f" | {grow} |")
        out.append("")

    imports = [(n, peak.get(f"{n}/import")) for n in sizes if peak.get(f"{n}/import")]
    if imports:
        out.append("## Import memory as the file grows\n")
        out.append("| stories | starlog import peak memory |")
        out.append("| ---: | ---: |")
        for n, kib in imports:
            out.append(f"| {n:,} | {kib / MIB:.1f} MiB |")
        out.append("")

    absolute = []
    for n in sizes:
        cov = load(f"{n}-coverage").get("starlog coverage")
        if cov and n >= 100000:
            absolute.append((f"coverage, {n:,} stories", ms(cov), "< 300 ms", ms(cov) < 300))
        first = load(f"{n}-firstcov")
        once, again = first.get("starlog coverage first after import"), first.get("starlog coverage again")
        if once and again:
            ratio = ms(once) / ms(again)
            absolute.append((f"first coverage after an import, {n:,} stories (again: {fmt_ms(ms(again))})",
                             ms(once), "as fast as any other (≤ 1.3x)", ratio <= 1.3))
        write = load(f"{n}-write")
        for key, label in (("starlog rm", "rm"), ("starlog edit", "text edit")):
            if write.get(key) and n >= 100000:
                absolute.append((f"{label}, {n:,} stories, deleted text purged", ms(write[key]), "< 200 ms",
                                 ms(write[key]) < 200))
            elif write.get(key):
                absolute.append((f"{label}, {n:,} stories, deleted text purged", ms(write[key]), "-", True))
    if absolute:
        out.append("## Absolute targets\n")
        out.append("| what | starlog | target | met |")
        out.append("| --- | ---: | --- | :---: |")
        for label, value, target, ok in absolute:
            out.append(f"| {label} | {fmt_ms(value)} | {target} | {'yes' if ok or target == '-' else '**no**'} |")
        out.append("")
        summary.extend((0, label, value, 0, ok, None) for label, value, target, ok in absolute if target != "-")

    missed = [s for s in summary if not s[4]]
    out.append("## Targets\n")
    if missed:
        out.append("Missed in this run:\n")
        for n, label, ratio, target, _, mem in missed:
            if n == 0:
                out.append(f"- {label}: {fmt_ms(ratio)}")
                continue
            out.append(f"- {n:,} stories, {label}: {ratio:.2f}x (target {target}x), peak {mem / MIB if mem else 0:.1f} MiB")
    else:
        out.append("Every whole-process target in the tables above was met in this run.")
    out.append("")
    notes = os.path.join(HERE, "NOTES.md")
    if os.path.exists(notes):
        out.append(open(notes).read().rstrip() + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
