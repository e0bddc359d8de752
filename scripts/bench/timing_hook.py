"""Copied into a benchmark project as two MkDocs hooks; stamps the build's phases.

``before`` runs ahead of every other ``on_config`` (priority 101), ``after`` right
after the studykb hook (priority 99, ahead of macros at 0), so the gap between
their stamps is the generator's own time inside the build. At the end, ``before``
stamps ahead of the studykb hook's ``on_post_build`` (priority -80, the hook's is -90)
and ``after`` behind it, so the gap is the search index's time. ``$BENCH_STAMPS``
names the JSON file written at the end of the build.
"""
import json
import os
import sys
import time
import types

from mkdocs.plugins import event_priority

from bench.memory import peak_mib  # scripts/ is on the measured build's path

STAMPS = sys.modules.setdefault("_bench_stamps", types.ModuleType("_bench_stamps")).__dict__.setdefault("stamps", {})
ROLE = os.path.splitext(os.path.basename(__file__))[0]  # "before" or "after"


def _stamp(name):
    STAMPS.setdefault(name, time.time())


if ROLE == "before":
    @event_priority(101)
    def on_config(config):
        _stamp("config")
        return config

    @event_priority(-80)
    def on_post_build(config):
        _stamp("pages")
else:
    @event_priority(99)
    def on_config(config):
        _stamp("generated")
        return config

    @event_priority(-100)
    def on_files(files, config):
        _stamp("files")
        return files

    @event_priority(-100)
    def on_env(env, config, files):
        _stamp("rendered")
        return env

    @event_priority(-100)
    def on_post_build(config):
        _stamp("written")
        STAMPS["peak_rss_mib"] = peak_mib()  # the build's own, not its parent's
        if os.environ.get("BENCH_STAMPS"):
            with open(os.environ["BENCH_STAMPS"], "w", encoding="utf-8") as out:
                json.dump(STAMPS, out)
