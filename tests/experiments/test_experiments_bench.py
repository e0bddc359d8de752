"""The benchmark's table, and the decision-boundary grid's memory budget."""

from experiments import bench


def test_table_reports_both_sides_and_their_ratios():
    side = {"min": 2.0, "median": 2.5, "cpu_min": 1.5}
    figures = {
        "a_stacked_lr_sweep_25_models_process_s": side,
        "b_one_model_loop_5_models_process_s": {"min": 4.0, "median": 5.0, "cpu_min": 3.0},
        "repeats": 5,
        "experiment_run_s": {"ch01-baseline/default": 1.25},
        "boundary_grid_peak_mib": 20.0,
    }
    lines = bench.table(figures).splitlines()
    assert "5 fresh processes each" in lines[0]
    ratios = {line[:58].strip(): line[58:].strip() for line in lines if line.startswith("(a)/(b)")}
    assert ratios == {"(a)/(b), min": "0.50", "(a)/(b), median": "0.50", "(a)/(b), CPU time (min)": "0.50"}
    assert any(line.startswith("run ch01-baseline/default") and line.endswith("1.25 s") for line in lines)


def test_decision_boundary_grid_needs_well_under_200_mb():
    assert bench.boundary_peak_bytes() < 50 * 2**20


def test_each_chapters_quick_runs_are_timed_and_added_up_and_heavy_ones_left_out(monkeypatch):
    ran = []
    monkeypatch.setattr(bench.importlib, "import_module", lambda name: FakeModule(name, ran))
    times = bench.experiment_seconds((2, 4, 6))
    assert sorted(ran) == ["experiments.book.ch02_count_corpus", "experiments.book.ch02_count_toy",
                           "experiments.book.ch06_gradient_norms", "experiments.book.ch06_lstm_lm"]
    chapters = bench.chapter_seconds(times)
    assert sorted(chapters) == ["ch02", "ch06"]
    table = bench.chapter_table(times)
    assert "ch02 quick runs" in table and "run ch06-lstm-lm/default" in table


class FakeModule:
    def __init__(self, name, ran):
        self.name, self.ran = name, ran

    def run(self, params, **more):
        assert "context" in more
        self.ran.append(self.name)
