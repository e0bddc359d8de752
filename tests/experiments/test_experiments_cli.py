"""`make experiments` (python -m studykb experiments): caching, failures, atomic results, locking, determinism."""

import fcntl
import json
import re
import subprocess
import sys
import time

from conftest import PROJECT, TINY_LOG, run_experiments, write_log

from experiments import answer, results_dir, storage
from studykb import cli


def statuses(output: str) -> dict[str, str]:
    """run label -> status, read from the summary table."""
    found = re.findall(r"^(ch01-\S+|learner-scripts\S+)\s+(fresh|ran|unchanged|failed|cannot run)\b", output,
                       re.MULTILINE)
    return dict(found)


def snapshot(root):
    results = root / "experiments" / "results"
    return {str(p.relative_to(results)): p.read_bytes() for p in sorted(results.rglob("*")) if p.is_file()}


def test_second_run_reruns_nothing_and_a_changed_parameter_reruns_only_that_run(tiny_root):
    first = run_experiments(tiny_root)
    assert first.returncode == 0, first.stderr
    assert statuses(first.stdout) == {
        "ch01-baseline/epochs-2_seeds-2": "ran",
        "ch01-lr-sweep/lr-0.1-1_epochs-3_seeds-2": "ran",
    }

    started = time.perf_counter()
    again = run_experiments(tiny_root, python_flags=("-X", "importtime"))
    elapsed = time.perf_counter() - started
    assert again.returncode == 0
    assert set(statuses(again.stdout).values()) == {"fresh"}
    imported = re.findall(r"import time:.*\|\s+(\S+)$", again.stderr, re.MULTILINE)
    assert imported, "no -X importtime output"
    assert not [name for name in imported if name.split(".")[0] in ("numpy", "matplotlib")]
    assert elapsed < 5.0  # about a second on its own; generous for a loaded test machine

    write_log(tiny_root, TINY_LOG.replace("`epochs=2`", "`epochs=3`"))
    changed = run_experiments(tiny_root)
    assert statuses(changed.stdout) == {
        "ch01-baseline/epochs-3_seeds-2": "ran",
        "ch01-lr-sweep/lr-0.1-1_epochs-3_seeds-2": "fresh",
    }


def test_a_forced_rerun_of_unchanged_code_leaves_every_file_as_it_was(tiny_root):
    assert run_experiments(tiny_root, "--only", "ch01-baseline").returncode == 0
    before = snapshot(tiny_root)
    forced = run_experiments(tiny_root, "--force", "--only", "ch01-baseline")
    assert statuses(forced.stdout) == {"ch01-baseline/epochs-2_seeds-2": "unchanged"}
    assert snapshot(tiny_root) == before
    assert not list((tiny_root / "experiments").glob(".tmp-*"))


def test_the_same_run_in_two_places_writes_the_same_bytes(tmp_path):
    for name in ("a", "b"):
        write_log(tmp_path / name, TINY_LOG)
        assert run_experiments(tmp_path / name, "--only", "ch01-baseline").returncode == 0
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_an_out_of_bounds_value_is_a_run_that_cannot_run_and_make_experiments_still_succeeds(tmp_path):
    write_log(tmp_path, TINY_LOG + "- Batch size sweep: `100, 1000` `epochs=1` `n_seeds=1`\n")
    result = run_experiments(tmp_path, "--only", "ch01-batch-sweep")
    assert result.returncode == 0, result.stderr
    assert statuses(result.stdout) == {"ch01-batch-sweep/batch-100-1000_epochs-1_seeds-1": "cannot run"}
    assert "batch size 1000 > 300 training points" in result.stdout
    assert not (tmp_path / "experiments" / "results" / "ch01-batch-sweep").exists()


def test_a_failing_run_is_reported_and_the_others_still_finish(tmp_path, monkeypatch, capsys):
    # A log cannot ask for a run that fails (parameters are bounded), so one is made to.
    write_log(tmp_path, TINY_LOG + "- Batch sweep executed: `5` `epochs=1` `n_seeds=1`\n")

    def broken(params, progress=None):
        raise ValueError("simulated failure")

    monkeypatch.setattr("experiments.book.ch01_batch_sweep.run", broken)
    assert cli.main(["experiments", "--root", str(tmp_path), "--jobs", "1"]) == 1
    captured = capsys.readouterr()
    assert statuses(captured.out) == {
        "ch01-baseline/epochs-2_seeds-2": "ran",
        "ch01-batch-sweep/batch-5_epochs-1_seeds-1": "failed",
        "ch01-lr-sweep/lr-0.1-1_epochs-3_seeds-2": "ran",
    }
    assert "Traceback" in captured.err and "ValueError: simulated failure" in captured.err
    assert not (tmp_path / "experiments" / "results" / "ch01-batch-sweep").exists()


def test_a_failed_rerun_keeps_the_previous_results(tiny_root, monkeypatch, capsys):
    assert cli.main(["experiments", "--root", str(tiny_root), "--jobs", "1", "--only", "ch01-baseline"]) == 0
    before = snapshot(tiny_root)

    def broken(params, progress=None):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr("experiments.book.ch01_baseline.run", broken)
    assert cli.main(["experiments", "--root", str(tiny_root), "--jobs", "1", "--force", "--only", "ch01-baseline"]) == 1
    captured = capsys.readouterr()
    assert "RuntimeError: simulated failure" in captured.err
    assert "failed" in captured.out
    assert snapshot(tiny_root) == before


def test_metrics_json_records_its_table_and_the_versions_that_made_it(tiny_root):
    assert run_experiments(tiny_root, "--only", "ch01-lr-sweep").returncode == 0
    (run,) = answer(TINY_LOG.splitlines()[4], 1).runs
    directory = results_dir(run, tiny_root)
    metrics = json.loads((directory / "metrics.json").read_text())
    assert metrics["experiment"] == "ch01-lr-sweep"
    assert metrics["params"]["lrs"] == [0.1, 1.0]
    assert set(metrics["versions"]) == {"numpy", "matplotlib"}
    assert [row["lr"] for row in metrics["table"]["rows"]] == [0.1, 1.0]
    assert [c["key"] for c in metrics["table"]["columns"]][-2:] == ["loss", "accuracy"]
    for setting in metrics["settings"]:
        assert set(setting["loss"]) == set(setting["accuracy"]) == {"mean", "std"}
        assert all(len(f"{abs(v):.10g}".replace(".", "").strip("0")) <= 4 for v in setting["per_seed"]["loss"])
    for figure in metrics["figures"]:
        assert (directory / figure["file"]).read_bytes().startswith(b"<?xml")
        assert figure["caption"]
    assert storage.stored_key(directory)


def test_a_second_invocation_waits_for_the_lock(tiny_root):
    lock_path = tiny_root / "experiments" / storage.LOCK_FILE
    lock_path.parent.mkdir(parents=True)
    with open(lock_path, "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        waiting = subprocess.Popen(
            [sys.executable, "-m", "studykb", "experiments", "--root", str(tiny_root), "--only", "ch01-baseline"],
            cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert "held by another run" in waiting.stderr.readline()
        assert waiting.poll() is None
        fcntl.flock(held, fcntl.LOCK_UN)
    stdout, _ = waiting.communicate(timeout=60)
    assert waiting.returncode == 0
    assert statuses(stdout) == {"ch01-baseline/epochs-2_seeds-2": "ran"}


def test_blas_threads_per_worker_keep_workers_times_threads_within_the_cores():
    from threadpoolctl import threadpool_info

    from experiments import runner

    assert [runner.threads_per_worker(w, 2) for w in (1, 2, 3)] == [2, 1, 1]
    assert runner.threads_per_worker(4, 16) == 4
    with runner._blas_threads(1):
        assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}
