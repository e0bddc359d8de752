"""The benchmark's table, its targets, the Performance page, its JSON and its plot."""
from __future__ import annotations

import io
import json
from pathlib import Path

from .ours import STAGES
from .search import section as search_section

PAGE = "performance.md"
ASSETS = "assets/performance"
MIB = 2**20


def rows(results: dict) -> list[dict]:
    """One flat row per size: the figures the table, the page and the plot show."""
    out = []
    for size in results["sizes"]:
        ours, build, plain = size["ours"], size["build"], size["plain"]
        out.append({
            "sessions": size["sessions"], "pages": build["pages"],
            **{stage: ours["seconds"][stage] for stage in STAGES},
            "ours_s": ours["total_s"], "ours_range": _range(ours.get("runs", [ours["total_s"]])),
            "ours_cpu_s": ours["total_cpu_s"], "build_cpu_s": build["cpu_s"], "hook_s": build["hook_s"], "engine_s": build["engine_s"],
            "build_s": build["wall_s"], "build_range": _range(build.get("runs", [build["wall_s"]])),
            "ours_vs_engine": ours["total_s"] / build["engine_s"],
            "ours_rss_mib": ours["peak_rss_mib"], "build_rss_mib": build["peak_rss_mib"],
            "site_mib": build["site_bytes"] / MIB, "plain_s": plain["wall_s"],
            "plain_site_mib": plain["site_bytes"] / MIB, "build_vs_plain": build["wall_s"] / plain["wall_s"],
        })
    return out


COLUMNS = [  # key, heading, format
    ("sessions", "sessions", "{:,}"), ("pages", "pages", "{:,}"),
    ("parse", "parse s", "{:.3f}"), ("link", "link s", "{:.3f}"), ("render", "render s", "{:.3f}"),
    ("write", "write s", "{:.3f}"), ("ours_s", "ours s", "{:.2f}"),
    ("ours_range", "ours runs s", "{}"), ("hook_s", "hook in build s", "{:.2f}"),
    ("engine_s", "engine s", "{:.2f}"), ("build_s", "whole build s", "{:.2f}"),
    ("build_range", "build runs s", "{}"),
    ("ours_cpu_s", "ours CPU s", "{:.2f}"), ("build_cpu_s", "build CPU s", "{:.2f}"),
    ("ours_vs_engine", "ours/engine", "{:.1%}"), ("ours_rss_mib", "ours peak MiB", "{:.0f}"),
    ("build_rss_mib", "build peak MiB", "{:.0f}"), ("site_mib", "site MiB", "{:.1f}"),
    ("plain_s", "plain Material s", "{:.2f}"), ("build_vs_plain", "whole/plain", "{:.2f}"),
]


def _range(totals: list[float]) -> str:
    return f"{min(totals):.2f}–{max(totals):.2f}" if len(totals) > 1 else f"{totals[0]:.2f}"


def _cells(row: dict) -> list[str]:
    return [fmt.format(row[key]) for key, _, fmt in COLUMNS]


def text_table(results: dict) -> str:
    body = [[heading for _, heading, _ in COLUMNS]] + [_cells(r) for r in rows(results)]
    widths = [max(len(line[i]) for line in body) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(cell.rjust(w) for cell, w in zip(line, widths)) for line in body)


def markdown_table(headings: list[str], lines: list[list[str]], align: str = "---:") -> str:
    out = ["| " + " | ".join(headings) + " |", "|" + "|".join([align] * len(headings)) + "|"]
    return "\n".join(out + ["| " + " | ".join(line) + " |" for line in lines])


def _per_session_growth(table: list[dict], key: str, since: int) -> tuple[float, int, int] | None:
    """How much ``key`` per session grew from the size ``since`` to the largest size."""
    base = next((r for r in table if r["sessions"] == since), None)
    last = table[-1]
    if base is None or last["sessions"] <= since:
        return None
    return (last[key] / last["sessions"]) / (base[key] / base["sessions"]), since, last["sessions"]


def targets(results: dict) -> list[dict]:
    """Each target of the issue: what was measured and whether it is met (None: not measured)."""
    table = rows(results)
    at = {r["sessions"]: r for r in table}
    out = []

    def add(name: str, measured: str, met: bool | str | None) -> None:
        out.append({"target": name, "measured": measured, "met": met})

    one_k = at.get(1000)
    add("our part for 1,000 sessions at most 2 s", f"{one_k['ours_s']:.2f} s" if one_k else "not measured",
        one_k["ours_s"] <= 2.0 if one_k else None)
    growth = _per_session_growth(table, "ours_s", 1000) or _per_session_growth(table, "ours_s", 100)
    add("our part linear in sessions (time per session at most 1.5x the 1,000-session figure)",
        f"x{growth[0]:.2f} per session from {growth[1]:,} to {growth[2]:,}" if growth else "not measured",
        growth[0] <= 1.5 if growth else None)
    one_file = results.get("one_file")
    monthly = at.get(one_file["sessions"]) if one_file else None
    if one_file and monthly:
        ratio = one_file["ours"]["total_s"] / monthly["ours_s"]
        add(f"our part linear in a log's length: {one_file['sessions']:,} sessions in one log file at most "
            "1.2x the same in monthly files",
            f"{one_file['ours']['total_s']:.2f} s vs {monthly['ours_s']:.2f} s: x{ratio:.2f}", ratio <= 1.2)
    compare = results.get("compare")
    if compare:
        m = compare["medians"]
        add(f"cold build of {compare['sessions']:,} sessions at most 1.15x that of {compare['ref']} "
            f"(alternating builds, median of {compare['rounds']})",
            f"{m['after']:.1f} s vs {m['before']:.1f} s: x{compare['ratio']:.2f}", compare["ratio"] <= 1.15)
        if "without_search_index" in compare:
            w = compare["without_search_index"]
            add("for comparison: the same builds less this tree's search-index step (Pagefind, run after the "
                f"pages; {compare['ref']}'s Material search index is built with its pages and stays in its figure)",
                f"{w['after']:.1f} s vs {w['before']:.1f} s: x{compare['ratio_without_search_index']:.2f}", REFERENCE)
        if "engine_and_search" in compare:
            add("for comparison: the least this tree's cold build could take, were our stages instant: the engine "
                "alone on its pages (plain Material: no hook, no macros) and the search-index step, in the same rounds",
                f"{compare['engine_and_search']:.1f} s vs {m['before']:.1f} s: x{compare['ratio_engine_and_search']:.2f}",
                REFERENCE)
    size_growth = _per_session_growth(table, "site_mib", 100)
    listing = [p for size in results["sizes"] if size["sessions"] >= 100 for p in size["build"]["pages_listing_everything"]]
    add("site size linear in sessions (MiB per session at most 1.5x the 100-session figure)",
        f"x{size_growth[0]:.2f} per session from {size_growth[1]:,} to {size_growth[2]:,}" if size_growth else "not measured",
        size_growth[0] <= 1.5 if size_growth else None)
    add("no page but the index pages lists every session or concept (100 sessions and up)",
        "; ".join(sorted(set(listing))) or "none found", not listing)
    add("1,000 sessions end to end (cold `mkdocs build`) under 15 s",
        f"{one_k['build_s']:.1f} s" if one_k else "not measured", one_k["build_s"] < 15 if one_k else None)
    reload = results.get("live_reload")
    if reload:
        for mode, flag in (("dirty", " --dirty"), ("full", "")):
            seconds = [s for s in reload[mode]["edit_to_page_s"] if s is not None]
            ok = len(seconds) == len(reload[mode]["edit_to_page_s"])
            measured = ", ".join(f"{s:.1f} s" for s in seconds) if ok else "the edit never showed"
            if mode == "dirty":
                add(f"`make serve` (`mkdocs serve --dirty`), {reload['sessions']:,} sessions: an edit shows within 3 s",
                    measured, ok and max(seconds) < 3)
            else:  # every page rebuilt after each edit: the engine's whole build, which no hook can shorten
                add(f"for comparison: `mkdocs serve` without `--dirty`, {reload['sessions']:,} sessions "
                    "(every page rebuilt after an edit)",
                    measured, REFERENCE)
    return out


REFERENCE = "for comparison"  # a figure beside the targets, not one of them


def _mark(met: bool | str | None) -> str:
    return {True: "met", False: "**missed**", None: "not measured", REFERENCE: REFERENCE}[met]


def page(results: dict, plot_name: str, json_name: str) -> str:
    env = results["environment"]
    table = rows(results)
    lines = [
        "# Performance",
        "",
        "How long studykb takes to turn logs into a site, and how that grows with the log.",
        "Written by `make bench` (`BENCH_QUICK=1` stops at 1,000 sessions); the figures",
        f"below come from a {'quick ' if results['quick'] else ''}run on {env['cpus']} CPUs, Python {env['python']},",
        f"MkDocs {env['mkdocs']}, Material {env['mkdocs-material']}; the 1-minute load average was",
        f"{env['load_average_at_start']:.2f} at the start and {env.get('load_average_at_end', float('nan')):.2f} at the end"
        " (other work on the machine inflates wall times; the CPU columns are less disturbed).",
        "",
        "## How it is measured",
        "",
        "- **Logs**: synthetic, deterministic from a seed, shaped like the seed log — one session a day,",
        "  one log file a month, 3–8 topics from the field's vocabulary, definitions, recurring watchlist",
        "  items, Q/A lines and resume points, worded differently each time. Our part is also timed",
        "  with the largest size's sessions in one file, as the seed log keeps them.",
        "- **Our part**: parse (read, redact, parse), link, render and write, each timed in a fresh",
        "  process writing into an empty `docs/generated/`, run as a build runs them: every page",
        "  is rendered, then all are written. *Ours CPU* is the CPU time of the stages; *ours",
        "  peak* is the process's maximum resident memory.",
        "- **Whole build**: a cold `mkdocs build` of the project (no generated pages yet), wall time.",
        "  *Hook in build* is our hook's share of it, stamped by two timing hooks around it;",
        "  *engine* is the rest. *ours/engine* divides our part by the engine's time.",
        "- **Plain Material**: the same Markdown pages, theme and extensions, without the hook and",
        "  the macros plugin: what the engine alone costs. *whole/plain* divides the two builds.",
        "- **Repeats**: this machine's speed drifts by a third from one moment to the next, so",
        f"  our stages run {results.get('repeats', 1)} times per size and the builds"
        f" {results.get('build_repeats', 1)} times (once at 10,000",
        "  sessions), in rounds over the sizes, so that a slow spell falls on several sizes rather",
        "  than on every run of one; each row shows the run with the median time, whole, and",
        "  *runs* the fastest and slowest of them.",
        "- Each measurement has a project of its own, and nothing is deleted until the run ends:",
        "  on a file system that avoids reusing freshly freed inodes (ext4 without a journal, as",
        "  here), creating files just after thousands were deleted costs up to a millisecond each",
        "  in the kernel, which would be charged to whichever step writes next. Before each",
        "  measurement the files just generated are flushed to disk (`sync`), so their write-back",
        "  is not charged to it either.",
        "",
        "## What the build does",
        "",
        "- The generator reads like a script: read the logs, redact, parse, link, render every",
        "  file into a dictionary of path to text, write what changed (`scripts/studykb/pipeline.py`).",
        "  Nothing runs in a helper process or a fork, nothing is cached at module level, and records",
        "  are plain frozen dataclasses; `kb.json` is the `json.dumps` of the documented tree.",
        "- What `mkdocs serve` reuses between rebuilds (the parsed logs by content, the rendered",
        "  session pages by what they show) lives in one build cache that the hook owns.",
        "- Each stage reads a line once, in linear time: the vocabulary's spellings are one regular",
        "  expression shaped as a trie, code spans are found in one pass, and the renderer places",
        "  the mentions the link stage found in one pass over the line.",
        "- Files are written only when their content changed; a build that changes nothing writes nothing.",
        "",
        "## What keeps the engine's share small",
        "",
        "- Log text reaches a page as HTML in `studykb-html` fences, which `mkdocs.yml` hands to a",
        "  formatter that returns them as they are: Python-Markdown does not parse them tag by tag.",
        "- Concept pages quote the lines of the ten newest sessions and link older ones by date",
        "  (a hundred at most); the timeline lists sessions without headings of their own.",
        "- Sessions and concepts stay out of the navigation (every page would carry it).",
        "- Search is a Pagefind index built after the pages (chunked: a reader fetches only the",
        "  parts a query needs); its time is part of the whole build below.",
        "",
        f"![Build time and site size against the number of sessions]({plot_name})",
        "",
        "## Results",
        "",
        markdown_table([h for _, h, _ in COLUMNS], [_cells(r) for r in table]),
        "",
        "Where the whole build's time goes (seconds, from the timing hooks):",
        "",
        markdown_table(["sessions", "start-up", "our hook", "files", "read and render pages", "write pages",
                        "search index"],
                       [[f"{s['sessions']:,}"] + [f"{s['build']['phases_s'].get(k, 0):.2f}" for k in
                                                  ("startup", "hook", "files", "render", "write", "search")]
                        for s in results["sizes"]]),
        "",
        "## Targets",
        "",
        markdown_table(["target", "measured", ""], [[t["target"], t["measured"], _mark(t["met"])]
                                                    for t in targets(results)], "---"),
        "",
    ]
    lines += _reload_section(results.get("live_reload"))
    lines += _experiments_section(results.get("experiments"))
    lines += search_section()  # from the last `python -m bench.search` (docs/assets/performance/search.json)
    lines += [f"All figures, unrounded: [bench.json]({json_name}).", ""]
    return "\n".join(lines)


def reload_table(reload: dict) -> str:
    rows_ = []
    for mode, flag in (("full", "mkdocs serve"), ("dirty", "mkdocs serve --dirty")):
        figures = reload[mode]
        shown = ", ".join("never" if s is None else f"{s:.2f}" for s in figures["edit_to_page_s"])
        rows_.append([f"`{flag}`", f"{figures['first_build_s']:.1f}", shown, str(figures.get("builds", ""))])
    return markdown_table(["server", "first build s", "edit to page s", "builds in all"], rows_)


def _reload_section(reload: dict | None) -> list[str]:
    if not reload:
        return []
    return [
        "## Live reload",
        "",
        f"`mkdocs serve` on {reload['sessions']:,} sessions: one line of one session is edited in its log,",
        "and that session's page is fetched over HTTP every 50 ms until the new line is in it.",
        "The time runs from the write to the first response that has it; each edit waits for",
        "the server to be idle first.",
        "",
        reload_table(reload),
        "",
        "Without `--dirty`, the server builds every page again after each edit: our part of that",
        "is the hook's second or so, the rest is the engine's whole build, so that mode cannot",
        "show an edit within seconds at this size whatever the hook does.",
        "",
        "`make serve` runs `mkdocs serve --dirty` (`make serve DIRTY=0` rebuilds every page). Under",
        "`--dirty` MkDocs reads and renders only the pages whose source is newer than their built",
        "page, so a rebuild costs what the edit changed. What keeps that small and correct:",
        "",
        "- Write-only-on-change: generated pages that come out the same keep their file and time.",
        "- No line numbers in links between pages (a session links its log at `#session-<id>`,",
        "  recall cards are named by session and text): an edit that moves lines changes only the",
        "  pages that show the edited lines, not every later page of the log.",
        "- In the server's process the generator keeps the parsed logs (by their text) and the",
        "  session pages (by everything they show), so a rebuild parses and renders only what",
        "  the edit touched.",
        "- The hook takes the generated subtree out of the server's watch list (it writes there",
        "  during each build, which would start a second build after every edit): one edit, one",
        "  build (*builds in all*: the first one, then one per edit). The logs are watched through",
        "  `watch:`.",
        "- Pages that show `kb.*` (the home page) are rebuilt when the generated pages changed,",
        "  and kept out of the search index.",
        "- `--dirty` never empties the site folder: when a generated page is gone (its session taken",
        "  out of the log, its concept renamed), the hook removes its built page too.",
        "- The search index (Pagefind) is made again, whole, after each rebuild, in a thread of the",
        "  server: the page reloads without waiting for it, and until it has caught up the search",
        "  box says so.",
        "",
        "`make site`, the Pages workflow and `make deploy` always build in full.",
        "",
    ]


def _experiments_section(experiments: dict | None) -> list[str]:
    if not experiments:
        return []
    command = "python -m experiments.bench" + (" --quick" if experiments["quick"] else "")
    return ["## Experiment suite", "", f"`{command}`, {experiments['wall_s']:.1f} s in all:", "",
            "```text", experiments["table"], "```", ""]


def plot_svg(results: dict) -> bytes:
    """Seconds and MiB against sessions, log-log; byte-identical for identical figures."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    table = rows(results)
    n = [r["sessions"] for r in table]
    with plt.rc_context({"svg.hashsalt": "studykb-bench", "svg.fonttype": "none", "font.size": 9}):
        figure, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
        for key, label, style in (("build_s", "whole build", "-o"), ("plain_s", "plain Material", "--s"),
                                  ("engine_s", "engine (build − hook)", ":^"), ("ours_s", "our part", "-D")):
            left.plot(n, [r[key] for r in table], style, label=label)
        left.set(xscale="log", yscale="log", xlabel="sessions", ylabel="seconds", title="time")
        for key, label, style in (("site_mib", "site size", "-o"), ("plain_site_mib", "plain site size", "--s"),
                                  ("build_rss_mib", "build peak memory", ":^"), ("ours_rss_mib", "our peak memory", "-D")):
            right.plot(n, [r[key] for r in table], style, label=label)
        right.set(xscale="log", yscale="log", xlabel="sessions", ylabel="MiB", title="size and memory")
        for axes in (left, right):
            axes.grid(True, which="major", alpha=0.3)
            axes.legend(fontsize=8)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
        plt.close(figure)
    return out.getvalue()


def write_outputs(results: dict, docs: Path) -> list[Path]:
    """docs/performance.md, docs/assets/performance/bench.json and bench.svg."""
    assets = docs / ASSETS
    assets.mkdir(parents=True, exist_ok=True)
    data = {**results, "rows": rows(results), "targets": targets(results)}
    written = [assets / "bench.json", assets / "bench.svg", docs / PAGE]
    written[0].write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", "utf-8")
    written[1].write_bytes(plot_svg(results))
    written[2].write_text(page(results, f"{ASSETS}/bench.svg", f"{ASSETS}/bench.json"), "utf-8")
    return written
